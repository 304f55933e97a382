// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { cssIdent, findLabel, isStableToken, proposeSelector } from '../../../lib/rules/selector';
import { SHOP_A, SHOP_B, hashedPage, libraryPage, oldOrderingPage } from './pages';

const render = (html: string) => {
  document.body.innerHTML = html;
};
/** The element whose own text is exactly `text`. */
function byText(text: string): Element {
  const found = Array.from(document.body.querySelectorAll('*')).filter((e) => e.textContent?.trim() === text && e.children.length === 0);
  if (found.length !== 1) throw new Error(`${found.length} elements show ${text}`);
  return found[0];
}
const only = (selector: string) => {
  const found = document.querySelectorAll(selector);
  expect(found.length, selector).toBe(1);
  return found[0];
};

beforeEach(() => render(''));

describe('stable tokens', () => {
  it.each(['custCode', 'cust-code', 'td_value', 'MuiButton-root', 'el-descriptions__content', 'ant-descriptions-item-content', 'tab2', 'userId', 'custID', 'step-2', 'col-md-6', 'v-btn', 'search', 'score'])(
    '%s is stable',
    (t) => expect(isStableToken(t)).toBe(true),
  );
  it.each([
    'css-1x2y3z',
    'sc-bdVaJa',
    'bdVaJa',
    'o4zjZ',
    'kzjRV',
    '_3xk2L',
    'Button_primary__3xk2L',
    'ext-comp-1023',
    'ext-gen-12',
    'j_id123',
    ':r1:',
    '«r3»',
    'ember356',
    'jss12',
    'makeStyles-root-12',
    'svelte-1ab2c3d',
    'el-id-1024-12',
    'ng-star-inserted',
    'row_30512001',
    'a1b2c3',
    'x7f3a9c2e1',
  ])('%s is generated', (t) => expect(isStableToken(t)).toBe(false));

  it('escapes identifiers for CSS', () => {
    expect(cssIdent('cust.code')).toBe('cust\\.code');
    expect(cssIdent('1st')).toBe('\\31 st');
    expect(cssIdent('客户编码')).toBe('客户编码');
  });
});

describe('proposeSelector', () => {
  it('prefers a stable id', () => {
    render(`<div class="info"><span>客户编码：</span><span id="custCode">${SHOP_A.code}</span></div>`);
    const p = proposeSelector(byText(SHOP_A.code), document);
    expect(p).toMatchObject({ selector: '#custCode', strategy: 'id', count: 1, labelText: '客户编码' });
  });

  it('skips generated ids for stable attributes', () => {
    render(`<div id="ext-comp-1023"><span id=":r7:" data-field="customerCode">${SHOP_A.code}</span><span data-field="name">${SHOP_A.name}</span></div>`);
    expect(proposeSelector(byText(SHOP_A.code), document)).toMatchObject({ selector: 'span[data-field="customerCode"]', strategy: 'attribute' });
  });

  it('reads a form field by its name, not by the value it holds', () => {
    render(`<form><input name="custCode" value="${SHOP_A.code}" data-value="${SHOP_A.code}"><input name="custName" value="x"></form>`);
    const input = document.querySelector('input')!;
    expect(proposeSelector(input, document)).toMatchObject({ selector: 'input[name="custCode"]', strategy: 'attribute' });
  });

  it('never anchors on an attribute that holds the customer value', () => {
    render(`<ul><li data-key="${SHOP_A.code}" title="${SHOP_A.code}" aria-label="${SHOP_A.name}">${SHOP_A.name}</li><li>其他</li></ul>`);
    const p = proposeSelector(byText(SHOP_A.name), document);
    expect(p.selector).not.toContain(SHOP_A.code);
    expect(p.selector).not.toContain(SHOP_A.name);
    expect(only(p.selector)).toBe(byText(SHOP_A.name));
  });

  it('old ordering system: the cell next to "客户编码：" in a label table, and it survives a re-render', () => {
    render(oldOrderingPage(SHOP_A));
    const cell = byText(SHOP_A.code);
    const p = proposeSelector(cell, document);
    expect(p.strategy).toBe('label');
    expect(p.anchor).toBe('客户编码');
    expect(p.count).toBe(1);
    expect(p.selector).toContain('form[name="custForm"]');
    // Another customer's page, rendered by the same template.
    render(oldOrderingPage(SHOP_B));
    expect(only(p.selector).textContent).toBe(SHOP_B.code);
    // And the other fields of the same table each get their own selector.
    render(oldOrderingPage(SHOP_A));
    const licence = proposeSelector(byText(SHOP_A.licence), document);
    expect(licence.anchor).toBe('许可证号');
    render(oldOrderingPage(SHOP_B));
    expect(only(licence.selector).textContent).toBe(SHOP_B.licence);
  });

  it('hashed class names: no hashed class in the selector, and it survives a rebuild with new hashes', () => {
    render(hashedPage(SHOP_A, 1));
    const p = proposeSelector(byText(SHOP_A.code), document);
    for (const hashed of ['css-', 'o4zjZ', 'kzjRV', '_3xk2L', 'Qd8rT', 'a1B2c', 'x9Yz1']) expect(p.selector).not.toContain(hashed);
    expect(p.selector.startsWith('#root')).toBe(true);
    expect(p.strategy).toBe('label');
    expect(p.labelText).toBe('客户编码');
    render(hashedPage(SHOP_B, 2));
    expect(only(p.selector).textContent).toBe(SHOP_B.code);

    render(hashedPage(SHOP_A, 1));
    const phone = proposeSelector(byText(SHOP_A.phone), document);
    render(hashedPage(SHOP_B, 2));
    expect(only(phone.selector).textContent).toBe(SHOP_B.phone);
  });

  it('component library: stable library classes and label cells, generated ids ignored; survives a re-render', () => {
    render(libraryPage(SHOP_A, 1));
    const p = proposeSelector(byText(SHOP_A.code), document);
    expect(p.selector).not.toMatch(/el-id-|ext-comp-/);
    expect(p.labelText).toBe('客户编码');
    render(libraryPage(SHOP_B, 7));
    expect(only(p.selector).textContent).toBe(SHOP_B.code);

    render(libraryPage(SHOP_A, 1));
    const name = proposeSelector(byText(SHOP_A.name), document);
    render(libraryPage(SHOP_B, 9));
    expect(only(name.selector).textContent).toBe(SHOP_B.name);
  });

  it('uses a stable class when it alone finds the element', () => {
    render(`<main id="app"><section class="cust-info"><dl><div><dt>客户编码</dt><dd class="cust-code">${SHOP_A.code}</dd></div><div><dt>负责人</dt><dd class="cust-owner">${SHOP_A.owner}</dd></div></dl></section></main>`);
    expect(proposeSelector(byText(SHOP_A.code), document)).toMatchObject({ selector: 'dd.cust-code', strategy: 'class' });
  });

  it('a label element with a stable class anchors the value next to it', () => {
    render(`<div class="row"><label class="lbl-code">客户编码：</label><span>${SHOP_A.code}</span></div><div class="row"><label class="lbl-name">客户名称：</label><span>${SHOP_A.name}</span></div>`);
    expect(proposeSelector(byText(SHOP_A.code), document)).toMatchObject({ selector: 'label.lbl-code + span', strategy: 'label', anchor: '客户编码' });
  });

  it('falls back to position when nothing else tells the element apart', () => {
    render(`<div><div><span>${SHOP_A.code}</span></div><div><span>${SHOP_B.code}</span></div></div>`);
    const p = proposeSelector(byText(SHOP_A.code), document);
    expect(p.strategy).toBe('position');
    expect(p.selector).toContain(':nth-of-type');
    expect(only(p.selector)).toBe(byText(SHOP_A.code));
  });

  it('always returns a selector that finds the element alone', () => {
    for (const html of [oldOrderingPage(SHOP_A), hashedPage(SHOP_A, 1), libraryPage(SHOP_A, 3)]) {
      render(html);
      for (const el of Array.from(document.body.querySelectorAll('td, span, th, h1, a'))) {
        const p = proposeSelector(el, document);
        expect(only(p.selector), p.selector).toBe(el);
      }
    }
  });
});

describe('findLabel', () => {
  it('finds labels beside, before as text, and on a wrapper that holds only the value', () => {
    render(`<p id="a">客户编码：<b>${SHOP_A.code}</b></p><table><tr><th>许可证号</th><td><span id="b">${SHOP_A.licence}</span></td></tr></table><label for="c">手机</label><input id="c">`);
    expect(findLabel(document.getElementById('a')!.firstElementChild!)?.text).toBe('客户编码');
    expect(findLabel(document.getElementById('b')!)).toMatchObject({ text: '许可证号' });
    expect(findLabel(document.getElementById('b')!)?.value.localName).toBe('td');
    expect(findLabel(document.getElementById('c')!)?.text).toBe('手机');
  });

  it('does not take a neighbouring value for a label', () => {
    render(`<div><span>${SHOP_B.code}</span><span id="x">${SHOP_A.code}</span></div>`);
    expect(findLabel(document.getElementById('x')!)).toBeNull();
  });
});
