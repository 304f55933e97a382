// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelView } from '../../../components/panel/PanelView';
import type { PanelActions } from '../../../components/panel/types';
import { panelTranslator } from '../../../lib/i18n/panel-bundle';
import type { Locale } from '../../../lib/i18n/translate';
import type { CustomerView } from '../../../lib/db/customers';
import type { PanelState } from '../../../lib/messaging/protocol';
import type { Need, Task } from '../../../lib/model';
import type { TalkingPoint } from '../../../lib/talking';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Wednesday 2025-03-05 10:00, local time. */
const NOW = new Date(2025, 2, 5, 10, 0).getTime();
const CID = 'c-1';

const task = (id: string, title: string, due?: string): Task => ({ id, customerId: CID, title, due, status: 'open', createdAt: NOW, updatedAt: NOW });
const need = (id: string, status: Need['status'], extra: Partial<Need> = {}): Need => ({
  id,
  customerId: CID,
  kind: 'need',
  description: `诉求 ${id}`,
  status,
  raisedAt: NOW - 86_400_000 * 10,
  updatedAt: NOW,
  ...extra,
});
const point = (i: number, tone: TalkingPoint['tone'] = 'info'): TalkingPoint => ({
  id: `rule-${i}:x`,
  ruleId: `rule-${i}`,
  priority: 100 - i,
  tone,
  text: { 'zh-CN': `要点 ${i}`, en: `Point ${i}` },
  because: { 'zh-CN': `依据 ${i}`, en: `Because ${i}` },
});

function state(view: Partial<CustomerView> = {}): PanelState {
  return {
    match: { state: 'matched', customerId: CID, confidence: 1, because: [], chosen: true, identifiers: [], names: [] },
    page: { url: 'https://example.com/', title: 'x' },
    view: {
      customer: { id: CID, name: '城东便利店', aliases: [], mobiles: [], phones: [], emails: [], importantDates: [], custom: {}, createdAt: NOW, updatedAt: NOW },
      contacts: [],
      timeline: [],
      timelineTotal: 0,
      openTasks: [task('t-1', '送新品海报', '2025-03-06'), task('t-2', '核对价格', '2025-03-01')],
      openNeeds: [
        need('n-raised', 'raised', { due: '2025-03-01', kind: 'complaint' }),
        need('n-progress', 'in_progress'),
        need('n-resolved', 'resolved', { resolution: '已补货', resolvedAt: NOW - 86_400_000 }),
      ],
      visit: { due: '2025-03-02', overdueDays: 3, intervalDays: 14, method: 'visit' },
      talking: [point(1, 'urgent'), point(2, 'attention'), point(3, 'care'), point(4, 'opportunity'), point(5), point(6), point(7)],
      ...view,
    },
  };
}

function fakeActions(overrides: Partial<PanelActions> = {}): PanelActions {
  const ok = () => vi.fn(async () => {});
  return {
    choose: ok(),
    unchoose: ok(),
    cancelPick: vi.fn(),
    search: vi.fn(async () => []),
    createCustomer: ok(),
    saveNote: ok(),
    collapse: vi.fn(),
    retry: vi.fn(),
    logVisit: ok(),
    addNeed: ok(),
    advanceNeed: ok(),
    addTask: ok(),
    updateTask: ok(),
    dismissTalking: ok(),
    insertText: vi.fn(async () => true),
    ...overrides,
  };
}

let host: HTMLDivElement;
let root: Root;
beforeEach(() => {
  // Snoozing and the reminder check read the clock when clicked; only Date is faked (timers stay real).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.useRealTimers();
});

async function render(actions: PanelActions, st: PanelState = state(), locale: Locale = 'zh-CN') {
  await act(async () => {
    root.render(createElement(PanelView, { t: panelTranslator(locale), locale, phase: 'ready', state: st, actions, now: NOW }));
  });
}
const all = (id: string, within: ParentNode = host) => [...within.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
const one = (id: string, within: ParentNode = host) => {
  const found = all(id, within);
  expect(found, id).toHaveLength(1);
  return found[0];
};
async function click(el: Element) {
  await act(async () => {
    (el as HTMLElement).click();
  });
}
/** Type into a React-controlled field (set the DOM value, then the input event React listens for). */
async function type(el: Element, value: string) {
  await act(async () => {
    const field = el as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')!.set!;
    setter.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('talking points', () => {
  it('come first, in the given order, five at a time, with tone and rule', async () => {
    await render(fakeActions());
    const section = one('talking');
    const main = host.querySelector('main')!;
    expect(main.firstElementChild).toBe(section);
    const points = all('talking-point');
    expect(points.map((p) => p.dataset.rule)).toEqual(['rule-1', 'rule-2', 'rule-3', 'rule-4', 'rule-5']);
    expect(points[0].dataset.tone).toBe('urgent');
    expect(points[0].textContent).toContain('要点 1');
    expect(points[0].textContent).toContain('依据 1');
    const more = one('talking-more');
    expect(more.textContent).toBe('再显示 2 条');
    await click(more);
    expect(all('talking-point')).toHaveLength(7);
  });

  it('is hidden when there is nothing to say', async () => {
    await render(fakeActions(), state({ talking: [] }));
    expect(all('talking')).toHaveLength(0);
  });

  it('insert sends the words only and says so when the page has no reply box', async () => {
    const insertText = vi.fn(async () => false);
    await render(fakeActions({ insertText }));
    await click(one('talking-insert', all('talking-point')[1]));
    expect(insertText).toHaveBeenCalledWith('要点 2');
    expect(all('talking-point')[1].textContent).toContain('页面上没有打开的回复框');
  });

  it('copy puts the words and the evidence on the clipboard', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await render(fakeActions());
    await click(one('talking-copy', all('talking-point')[0]));
    expect(writeText).toHaveBeenCalledWith('要点 1\n依据：依据 1');
    expect(all('talking-point')[0].textContent).toContain('已复制');
  });

  it('dismiss asks the background and hides the point; a failure brings it back with the reason', async () => {
    const dismissTalking = vi.fn(async () => {});
    await render(fakeActions({ dismissTalking }));
    await click(one('talking-dismiss', all('talking-point')[0]));
    expect(dismissTalking).toHaveBeenCalledWith(CID, 'rule-1:x');
    expect(all('talking-point').map((p) => p.dataset.rule)[0]).toBe('rule-2');

    const failing = vi.fn(async () => Promise.reject({ code: 'quota' }));
    await render(fakeActions({ dismissTalking: failing }), state({ talking: [point(9)] }));
    await click(one('talking-dismiss'));
    expect(all('talking-point')).toHaveLength(1);
    expect(one('talking').textContent).toContain('磁盘空间不足');
  });
});

describe('visit due and logging a visit', () => {
  it('an overdue visit leads the task list, not counted as a task', async () => {
    await render(fakeActions());
    const tasks = one('open-tasks');
    const row = one('visit-due', tasks);
    expect(row.textContent).toContain('拜访已逾期 3 天');
    expect(tasks.querySelector('li')).toBe(row);
    expect(all('task', tasks)).toHaveLength(2);
  });

  it('a callback due today says so; one not yet due shows nothing', async () => {
    await render(fakeActions(), state({ visit: { due: '2025-03-05', overdueDays: 0, intervalDays: 7, method: 'call' } }));
    expect(one('visit-due').textContent).toContain('回访今天到期');
    await render(fakeActions(), state({ visit: { due: '2025-03-09', overdueDays: 0, intervalDays: 7, method: 'visit' } }));
    expect(all('visit-due')).toHaveLength(0);
  });

  it('saves method, time, summary and needs; on failure everything typed stays', async () => {
    let fail = true;
    const logVisit = vi.fn(async () => (fail ? Promise.reject({ code: 'invalid', detail: 'summary' }) : undefined));
    await render(fakeActions({ logVisit }));
    await click(one('visit-due-log'));
    const form = one('visit-form');
    await click(form.querySelector('input[value="call"]')!);
    await type(one('visit-at', form), '2025-03-05T09:30');
    await type(one('visit-summary', form), '订货正常，库存偏低');
    await click(one('visit-add-need', form));
    await type(one('visit-need-description', form), '希望增加配送次数');
    await type(one('visit-need-due', form), '2025-03-12');
    await click(one('visit-add-need', form)); // left empty: dropped
    await click(one('visit-save', form));

    const expected = {
      method: 'call',
      at: new Date(2025, 2, 5, 9, 30).getTime(),
      summary: '订货正常，库存偏低',
      needs: [{ kind: 'need', description: '希望增加配送次数', due: '2025-03-12' }],
    };
    expect(logVisit).toHaveBeenCalledWith(CID, expected);
    expect((one('visit-summary') as HTMLTextAreaElement).value).toBe('订货正常，库存偏低');
    expect((all('visit-need-description')[0] as HTMLInputElement).value).toBe('希望增加配送次数');
    expect(one('visit-form').textContent).toContain('内容不符合要求：summary');

    fail = false;
    await click(one('visit-save'));
    expect(logVisit).toHaveBeenCalledTimes(2);
    expect(all('visit-form')).toHaveLength(0);
  });
});

describe('needs: the closed loop', () => {
  it('shows each step and the next action; overdue unresolved needs stand out', async () => {
    await render(fakeActions());
    const needs = all('need');
    expect(needs.map((n) => n.dataset.status)).toEqual(['raised', 'in_progress', 'resolved']);
    expect(needs[0].dataset.overdue).toBe('true');
    expect(needs[0].textContent).toContain('逾期 4 天');
    expect(needs[0].textContent).toContain('投诉');
    const next = (n: HTMLElement) => all('need-advance', n).map((b) => b.dataset.to);
    expect(next(needs[0])).toEqual(['in_progress', 'resolved']);
    expect(next(needs[1])).toEqual(['resolved']);
    expect(next(needs[2])).toEqual(['informed']);
    expect(needs[2].textContent).toContain('已补货');
    expect(needs[2].querySelector('[aria-current="step"]')!.textContent).toBe('已解决');
  });

  it('start, resolve with a resolution, inform with channel and time', async () => {
    const advanceNeed = vi.fn(async () => {});
    await render(fakeActions({ advanceNeed }));
    const [raised, inProgress, resolved] = all('need');
    await click(all('need-advance', raised)[0]);
    expect(advanceNeed).toHaveBeenLastCalledWith('n-raised', { to: 'in_progress' });

    await click(one('need-advance', inProgress));
    await click(one('need-confirm', inProgress));
    expect(advanceNeed).toHaveBeenCalledTimes(1); // no resolution yet
    await type(one('need-resolution', inProgress), '已联系物流加配送');
    await click(one('need-confirm', inProgress));
    expect(advanceNeed).toHaveBeenLastCalledWith('n-progress', { to: 'resolved', resolution: '已联系物流加配送' });

    await click(one('need-advance', resolved));
    await click(one('need-channel', resolved).querySelector('input[value="微信"]')!);
    await type(one('need-informed-at', resolved), '2025-03-05T09:45');
    await click(one('need-confirm', resolved));
    expect(advanceNeed).toHaveBeenLastCalledWith('n-resolved', { to: 'informed', channel: '微信', at: new Date(2025, 2, 5, 9, 45).getTime() });
  });

  it('adds a need or complaint with a due date', async () => {
    const addNeed = vi.fn(async () => {});
    await render(fakeActions({ addNeed }));
    await click(one('need-add'));
    const form = one('need-form');
    await click(one('need-kind', form).querySelector('input[value="complaint"]')!);
    await type(one('need-description', form), '送货晚了两天');
    await type(one('need-due', form), '2025-03-07');
    await click(one('need-save', form));
    expect(addNeed).toHaveBeenCalledWith(CID, { kind: 'complaint', description: '送货晚了两天', due: '2025-03-07' });
    expect(all('need-form')).toHaveLength(0);
  });
});

describe('tasks', () => {
  it('adds with a quick due choice and a reminder time on that day', async () => {
    const addTask = vi.fn(async () => {});
    await render(fakeActions({ addTask }));
    await click(one('task-add'));
    const form = one('task-form');
    await type(one('task-title', form), '带新品样品');
    await click(one('task-due', form).querySelector('input[value="nextMonday"]')!);
    await type(one('task-remind-time', form), '08:30');
    await click(one('task-save', form));
    expect(addTask).toHaveBeenCalledWith(CID, { title: '带新品样品', due: '2025-03-10', remindAt: new Date(2025, 2, 10, 8, 30).getTime() });
  });

  it('"before the next visit" is offered only with a visit date', async () => {
    await render(fakeActions(), state({ visit: undefined }));
    await click(one('task-add'));
    expect(one('task-due').querySelector('input[value="beforeVisit"]')).toBeNull();
  });

  it('done, snooze and rename each send one update', async () => {
    const updateTask = vi.fn(async () => {});
    await render(fakeActions({ updateTask }));
    const [first, second] = all('task');
    await click(one('task-done', first));
    expect(updateTask).toHaveBeenLastCalledWith('t-1', { status: 'done' });

    await click(one('task-snooze', second));
    const options = all('task-snooze-option', second);
    expect(options.map((o) => o.textContent)).toEqual(['1 小时后', '明天', '下周']);
    await click(options[1]);
    expect(updateTask).toHaveBeenLastCalledWith('t-2', { due: '2025-03-06', remindAt: null });

    await click(one('task-edit', second));
    const input = one('task-title-input', second);
    await type(input, '核对零售价格');
    await act(async () => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(updateTask).toHaveBeenLastCalledWith('t-2', { title: '核对零售价格' });
  });

  it('a failed "done" unticks the box and says why', async () => {
    const updateTask = vi.fn(async () => Promise.reject({ code: 'notFound' }));
    await render(fakeActions({ updateTask }));
    const first = all('task')[0];
    await click(one('task-done', first));
    expect((one('task-done', first) as HTMLInputElement).checked).toBe(false);
    expect(first.textContent).toContain('找不到');
  });
});

describe('English', () => {
  it('has every word', async () => {
    await render(fakeActions(), state(), 'en');
    expect(one('talking-more').textContent).toBe('Show 2 more');
    expect(one('visit-due').textContent).toContain('Visit 3 d overdue');
    expect(one('log-visit').textContent).toBe('Log visit');
  });
});
