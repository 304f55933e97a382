// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPicker, type PickerHandle } from '../../../lib/rules/picker';
import { SHOP_A, oldOrderingPage } from './pages';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
const click = (el: Element) => el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
const codeCell = () => Array.from(document.querySelectorAll('td')).find((td) => td.textContent === SHOP_A.code)!;

let handle: PickerHandle | undefined;
let pageClicks = 0;
let sent: unknown[] = [];
let reply: unknown = { ok: true, data: { id: 'r1' } };
let done: string[] = [];

function start() {
  handle = startPicker({
    locale: 'zh-CN',
    send: async (m) => {
      sent.push(m);
      return reply;
    },
    closeAfterSaveMs: 0,
    onDone: (o) => done.push(o),
  });
  return handle;
}
const $ = <T extends Element = HTMLElement>(sel: string) => handle!.shadow.querySelector(sel) as T | null;
const field = <T extends Element = HTMLInputElement>(name: string) => $<T>(`[data-field="${name}"]`)!;

beforeEach(() => {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://order.example.com/cust/custInfo.do?custId=30512001');
  document.title = '客户信息 - 网上订货系统';
  document.body.innerHTML = oldOrderingPage(SHOP_A);
  pageClicks = 0;
  sent = [];
  done = [];
  reply = { ok: true, data: { id: 'r1' } };
  codeCell().addEventListener('click', () => pageClicks++);
});
afterEach(() => {
  handle?.stop();
  handle = undefined;
});

/** Nothing of the picker is left: no element, and the page's clicks and keys behave as before. */
function expectGone() {
  expect(document.querySelector('account-lens-teach')).toBeNull();
  const before = pageClicks;
  const cell = codeCell();
  const notPrevented = click(cell);
  expect(notPrevented).toBe(true);
  expect(pageClicks).toBe(before + 1);
  const key = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
  expect(document.body.dispatchEvent(key)).toBe(true);
}

describe('teach picker', () => {
  it('shows the banner, and runs once even when injected twice', () => {
    const h = start();
    expect($('.banner')?.textContent).toContain('点击显示客户编码、许可证号、电话或名称的地方');
    expect(startPicker({ locale: 'en', send: async () => undefined })).toBe(h);
    expect(document.querySelectorAll('account-lens-teach')).toHaveLength(1);
    // The UI is in a closed shadow root: the page sees only an empty host.
    expect((document.querySelector('account-lens-teach') as HTMLElement).shadowRoot).toBeNull();
  });

  it('a click chooses the element without reaching the page, and the card previews what the rule reads', async () => {
    start();
    const cell = codeCell();
    cell.dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
    expect($('.tip')?.textContent).toBe(`td · ${SHOP_A.code}`);
    expect(click(cell)).toBe(false); // default prevented
    expect(pageClicks).toBe(0);
    expect($('.banner')).toBeNull();

    expect(field<HTMLSelectElement>('target').value).toBe('customerCode');
    expect(field('label').value).toBe('网上订货系统 · 客户编码');
    expect(field('urlPattern').value).toBe('https://order.example.com/cust/custInfo.do');
    expect(field('selector').value).toContain('form[name="custForm"]');
    expect($('[data-note="selector"]')?.textContent).toContain('本页找到 1 个元素');
    expect($('[data-note="selector"]')?.textContent).toContain('“客户编码”旁边的值');
    expect($('[data-preview]')?.textContent).toContain(SHOP_A.code);

    // The wrong kind: a clear message, not garbage.
    const kind = field<HTMLSelectElement>('target');
    kind.value = 'mobile';
    kind.dispatchEvent(new Event('change'));
    expect($('[data-preview]')?.textContent).toBe('找到了元素，但其中没有有效的手机。请换一种类型，或修改提取规则');
    kind.value = 'customerCode';
    kind.dispatchEvent(new Event('change'));

    // A selector that finds nothing, then a broken one (the save button is disabled).
    const selector = field('selector');
    const proposed = selector.value;
    selector.value = '#no-such-thing';
    selector.dispatchEvent(new Event('input', { bubbles: true }));
    await tick(160);
    expect($('[data-preview]')?.textContent).toBe('本页没有找到这个元素，规则不会识别到任何内容');
    selector.value = 'td[';
    selector.dispatchEvent(new Event('input', { bubbles: true }));
    await tick(160);
    expect($('[data-note="selector"]')?.textContent).toBe('选择器写法不正确');
    expect($<HTMLButtonElement>('[data-action="save"]')!.disabled).toBe(true);
    selector.value = proposed;
    selector.dispatchEvent(new Event('input', { bubbles: true }));
    await tick(160);

    // An address pattern that does not claim this page is a warning, one with * in the host an error.
    const pattern = field('urlPattern');
    pattern.value = 'https://order.*.com/*';
    pattern.dispatchEvent(new Event('input', { bubbles: true }));
    await tick(160);
    expect($('[data-note="urlPattern"]')?.className).toBe('note bad');
    pattern.value = 'https://order.example.com/cust/*';
    pattern.dispatchEvent(new Event('input', { bubbles: true }));
    await tick(160);
    expect($('[data-note="urlPattern"]')?.className).toBe('note');
  });

  it('saves through the background, shows the reply, and closes without a trace', async () => {
    start();
    click(codeCell());
    click($('[data-action="save"]')!);
    await tick();
    expect(sent).toEqual([
      {
        type: 'rules/save',
        rule: {
          label: '网上订货系统 · 客户编码',
          urlPattern: 'https://order.example.com/cust/custInfo.do',
          selector: field('selector').value,
          target: 'customerCode',
          enabled: true,
        },
      },
    ]);
    expect($('[data-status]')?.textContent).toBe('已保存。以后打开这类页面时会自动识别客户。');
    click($('[data-action="cancel"]')!);
    expect(done).toEqual(['saved']);
    expectGone();
  });

  it('shows a refused save and lets the manager try again', async () => {
    reply = { ok: false, error: 'invalid', detail: 'selector' };
    start();
    click(codeCell());
    click($('[data-action="save"]')!);
    await tick();
    expect($('[data-status]')?.textContent).toBe('保存失败：selector');
    expect($<HTMLButtonElement>('[data-action="save"]')!.disabled).toBe(false);
    reply = undefined; // the worker did not answer
    click($('[data-action="save"]')!);
    await tick();
    expect($('[data-status]')?.textContent).toBe('扩展没有响应，请稍后重试');
  });

  it('Esc cancels while picking and removes everything', () => {
    start();
    const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    expect(document.body.dispatchEvent(esc)).toBe(false);
    expect(done).toEqual(['cancelled']);
    expectGone();
    // It can be started again afterwards.
    start();
    expect(document.querySelectorAll('account-lens-teach')).toHaveLength(1);
  });

  it('Cancel on the banner works (the page does not see the press)', () => {
    let pageDowns = 0;
    window.addEventListener('pointerdown', () => pageDowns++);
    start();
    const cancel = $('[data-action="cancel"]')!;
    cancel.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(click(cancel)).toBe(true);
    expect(pageDowns).toBe(0);
    expect(done).toEqual(['cancelled']);
    expectGone();
  });

  it('Cancel on the card, and Pick again, work', () => {
    start();
    click(codeCell());
    click($('[data-action="repick"]')!);
    expect($('.card')).toBeNull();
    expect($('.banner')).not.toBeNull();
    const name = Array.from(document.querySelectorAll('td')).find((td) => td.textContent === SHOP_A.name)!;
    click(name);
    expect(field<HTMLSelectElement>('target').value).toBe('name');
    click($('[data-action="cancel"]')!);
    expect(done).toEqual(['cancelled']);
    expectGone();
  });

  it('keys typed in the card do not reach the page', () => {
    let pageKeys = 0;
    document.addEventListener('keydown', () => pageKeys++);
    start();
    click(codeCell());
    field('label').dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    expect(pageKeys).toBe(0);
  });

  it('speaks English when asked', () => {
    handle = startPicker({ locale: 'en', send: async () => undefined });
    expect($('.banner')?.textContent).toContain("Click where the page shows the customer's code, licence, phone or name");
  });
});
