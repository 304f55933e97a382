import { beforeEach, describe, expect, it } from 'vitest';
import { createRouter, type Sender } from '../../lib/background/router';
import { memorySessionStore } from '../../lib/background/session-store';
import { TabStates } from '../../lib/background/tab-state';
import { PanelTokens, newPanelToken } from '../../lib/background/tokens';
import { saveCustomer } from '../../lib/db/customers';
import type { MatchResult, PageSignals } from '../../lib/model';
import { customer, useFreshDb } from './db-helpers';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const page = (tabId: number, frameId = 0): Sender => ({ id: EXT, url: 'http://127.0.0.1:4173/ordering/orders/1', tab: { id: tabId }, frameId });
const panelOf = (tabId: number, token: string): Sender => ({ id: EXT, url: `${ORIGIN}panel.html#${token}`, tab: { id: tabId }, frameId: 3 });
const dashboard: Sender = { id: EXT, url: `${ORIGIN}dashboard.html` };

function signals(over: Partial<PageSignals> = {}): PageSignals {
  return { url: 'http://127.0.0.1:4173/ordering/orders/1', title: '订单', adapter: 'test', identifiers: [], names: [], ruleMisses: [], ...over };
}

describe('background router', () => {
  let route: ReturnType<typeof createRouter>;
  let pushes: [number, MatchResult][];
  let rulesChanged: number;
  let shop: { id: string };

  beforeEach(async () => {
    useFreshDb();
    const store = memorySessionStore();
    pushes = [];
    rulesChanged = 0;
    route = createRouter({
      extensionId: EXT,
      extensionOrigin: ORIGIN,
      tabs: new TabStates(store),
      tokens: new PanelTokens(store),
      notify: (tabId, match) => pushes.push([tabId, match]),
      rulesChanged: async () => void (rulesChanged += 1),
    });
    shop = await saveCustomer(customer({ name: '福田区平安烟酒店', licenceNo: '440304100001', mobiles: ['13800138000'] }));
  });

  const sendSignals = (tabId: number, s: PageSignals, frameId = 0, fresh = true) =>
    route({ type: 'page/signals', signals: s, fresh, navStart: 0 }, page(tabId, frameId));

  /** What a content script does for the panel it mounts: register a token it made. */
  async function tokenFor(tabId: number, navStart = 0): Promise<string> {
    const token = newPanelToken();
    const reply = await route({ type: 'panel/token', token, navStart }, page(tabId));
    if (!reply.ok) throw new Error(reply.error);
    return token;
  }

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['an unknown type', { type: 'customers/list' }],
    ['signals of the wrong shape', { type: 'page/signals', signals: { identifiers: 'x' }, fresh: true }],
    ['an oversized identifier list', { type: 'page/signals', signals: signals({ identifiers: Array(500).fill({ kind: 'email', value: 'a@b.c' }) }), fresh: true }],
  ])('refuses %s as badRequest and keeps working', async (_label, message) => {
    expect(await route(message, page(1))).toMatchObject({ ok: false, error: 'badRequest' });
    expect(await sendSignals(1, signals({ identifiers: [{ kind: 'licence', value: '440304100001', role: 'field' }] }))).toEqual({
      ok: true,
      data: { state: 'matched' },
    });
  });

  it('refuses messages from another extension', async () => {
    expect(await route({ type: 'panel/token', token: newPanelToken(), navStart: 0 }, { ...page(1), id: 'someone-else' })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
  });

  it('matches a tab on identifiers and tells its panel', async () => {
    await sendSignals(7, signals({ identifiers: [{ kind: 'licence', value: '440304100001', role: 'field' }] }));
    expect(pushes).toEqual([[7, expect.objectContaining({ state: 'matched', customerId: shop.id })]]);
    const token = await tokenFor(7);
    const state = await route({ type: 'panel/state', token }, panelOf(7, token));
    expect(state).toMatchObject({ ok: true, data: { match: { state: 'matched' }, view: { customer: { name: '福田区平安烟酒店' } } } });
  });

  it('a panel token is bound to its tab and only works from the panel page', async () => {
    const token = await tokenFor(7);
    expect(await route({ type: 'panel/state', token }, panelOf(8, token))).toMatchObject({ ok: false, error: 'badToken' });
    expect(await route({ type: 'panel/state', token: 'x'.repeat(32) }, panelOf(7, 'x'.repeat(32)))).toMatchObject({ ok: false, error: 'badToken' });
    // The host page's content script cannot use the panel's requests, even with the token.
    expect(await route({ type: 'panel/state', token }, page(7))).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await route({ type: 'panel/search', token, query: '平安' }, page(7))).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('a registered token cannot be taken over by a second registration for another tab', async () => {
    const token = await tokenFor(7);
    await route({ type: 'panel/token', token, navStart: 0 }, page(8));
    expect(await route({ type: 'panel/state', token }, panelOf(8, token))).toMatchObject({ ok: false, error: 'badToken' });
  });

  it('a new page drops the previous page’s customer, and the panel’s first question waits for the new scan', async () => {
    const licence = { kind: 'licence' as const, value: '440304100001', role: 'field' as const };
    await sendSignals(7, signals({ identifiers: [licence] }));
    const navStart = Date.now() + 1;
    await new Promise((r) => setTimeout(r, 5));
    const token = await tokenFor(7, navStart);
    // The panel asks before the new page has reported: the answer waits for the report, never the old customer.
    const asked = route({ type: 'panel/state', token }, panelOf(7, token));
    await new Promise((r) => setTimeout(r, 30));
    await sendSignals(7, signals({ url: 'http://127.0.0.1:4173/ordering/customers', identifiers: [] }));
    expect(await asked).toMatchObject({ ok: true, data: { match: { state: 'none' } } });
  });

  it('a panel that asks before its content script registered is answered once the registration arrives', async () => {
    await sendSignals(7, signals({ identifiers: [{ kind: 'licence', value: '440304100001', role: 'field' }] }));
    const token = newPanelToken();
    const asked = route({ type: 'panel/state', token }, panelOf(7, token));
    await new Promise((r) => setTimeout(r, 20));
    await route({ type: 'panel/token', token, navStart: 0 }, page(7));
    expect(await asked).toMatchObject({ ok: true, data: { match: { state: 'matched' } } });
  });

  it('only the top frame may ask for a panel token', async () => {
    expect(await route({ type: 'panel/token', token: newPanelToken(), navStart: 0 }, page(7, 2))).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('merges frames: a mail frame’s sender matches the tab, and leaves with the frame', async () => {
    await sendSignals(5, signals({ url: 'http://127.0.0.1/mail/' }));
    await sendSignals(5, signals({ url: 'http://127.0.0.1/mail/message/1', identifiers: [{ kind: 'mobile', value: '13800138000', role: 'text' }] }), 4);
    expect(pushes.at(-1)).toEqual([5, expect.objectContaining({ state: 'matched', customerId: shop.id })]);
    await route({ type: 'page/gone' }, page(5, 4));
    expect(pushes.at(-1)).toEqual([5, expect.objectContaining({ state: 'none' })]);
  });

  it('saves a note with the page it came from', async () => {
    await sendSignals(7, signals({ identifiers: [{ kind: 'licence', value: '440304100001', role: 'field' }] }));
    const token = await tokenFor(7);
    const reply = await route({ type: 'panel/note', token, customerId: shop.id, text: '  老板说下周进货  ' }, panelOf(7, token));
    expect(reply).toMatchObject({ ok: true, data: { kind: 'note', summary: '老板说下周进货', pageUrl: 'http://127.0.0.1:4173/ordering/orders/1' } });
    const state = await route({ type: 'panel/state', token }, panelOf(7, token));
    expect(state.ok && (state.data as { view: { timeline: { summary: string }[] } }).view.timeline[0].summary).toBe('老板说下周进货');
  });

  it('remembers the manager’s choice on an ambiguous page', async () => {
    const spouse = await saveCustomer(customer({ name: '福田区平安便利店', mobiles: ['13800138000'] }));
    await sendSignals(7, signals({ identifiers: [{ kind: 'mobile', value: '13800138000', role: 'text' }] }));
    expect(pushes.at(-1)?.[1].state).toBe('ambiguous');
    const token = await tokenFor(7);
    const chosen = await route({ type: 'panel/choose', token, customerId: spouse.id }, panelOf(7, token));
    expect(chosen).toMatchObject({ ok: true, data: { match: { state: 'matched', customerId: spouse.id, chosen: true } } });
    // The same page in another tab is matched to the chosen customer at once.
    await sendSignals(9, signals({ identifiers: [{ kind: 'mobile', value: '13800138000', role: 'text' }] }));
    expect(pushes.at(-1)).toEqual([9, expect.objectContaining({ state: 'matched', customerId: spouse.id })]);
  });

  it('creates a customer from the page and refuses an invalid credit code', async () => {
    await sendSignals(7, signals({ identifiers: [{ kind: 'licence', value: '440305999999', role: 'field' }], names: ['新开烟酒行'] }));
    const token = await tokenFor(7);
    const bad = await route({ type: 'panel/createCustomer', token, draft: { name: '新开烟酒行', uscc: '911100001000013539' } }, panelOf(7, token));
    expect(bad).toMatchObject({ ok: false, error: 'invalid', detail: 'uscc' });
    const created = await route({ type: 'panel/createCustomer', token, draft: { name: '新开烟酒行', licenceNo: '440305999999', mobiles: ['+86 139-0000-1111'] } }, panelOf(7, token));
    expect(created).toMatchObject({ ok: true, data: { match: { state: 'matched' }, view: { customer: { name: '新开烟酒行', mobiles: ['13900001111'] } } } });
  });

  it('after an import, open panels hear about it even when their match stays the same', async () => {
    await sendSignals(7, signals({ identifiers: [{ kind: 'licence', value: '440304100001', role: 'field' }] }));
    pushes.length = 0;
    await route({ type: 'data/changed' }, dashboard);
    expect(pushes).toEqual([[7, expect.objectContaining({ state: 'matched', customerId: shop.id })]]);
  });

  it('extension pages other than the panel may ask for a re-match, content scripts may not', async () => {
    expect(await route({ type: 'data/changed' }, page(1))).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await route({ type: 'data/changed' }, dashboard)).toEqual({ ok: true, data: null });
  });

  it('saves a rule taught on a page, once however often it is taught, and copies the rules for content scripts', async () => {
    const rule = { label: '订货系统 · 客户编码', urlPattern: 'https://order.example.cn/customer/*', selector: '#custCode', target: 'customerCode' as const, enabled: true };
    const first = await route({ type: 'rules/save', rule }, page(1));
    expect(first).toMatchObject({ ok: true, data: { created: true, rule: { label: rule.label, selector: '#custCode' } } });
    expect(await route({ type: 'rules/save', rule: { ...rule, label: '客户编码' } }, page(2))).toMatchObject({ ok: true, data: { created: false } });
    expect(rulesChanged).toBe(2);
    const { getDb } = await import('../../lib/db/db');
    expect((await getDb().siteRules.toArray()).map((r) => r.label)).toEqual(['客户编码']);
  });

  it('refuses a taught rule of the wrong shape, and one sent by an extension page', async () => {
    const bad = { label: 'x', urlPattern: 'not a pattern', selector: '#a', target: 'customerCode', enabled: true };
    expect(await route({ type: 'rules/save', rule: bad }, page(1))).toMatchObject({ ok: false, error: 'badRequest' });
    const good = { ...bad, urlPattern: 'https://a.cn/*' };
    expect(await route({ type: 'rules/save', rule: good }, dashboard)).toMatchObject({ ok: false, error: 'forbidden' });
    expect(rulesChanged).toBe(0);
  });

  describe('the conversation in the panel', () => {
    type View = { view: { visit: { overdueDays: number; due: string }; talking: { ruleId: string; id: string }[]; openNeeds: { id: string; status: string }[]; openTasks: { id: string }[] } };
    async function open() {
      await sendSignals(7, signals({ identifiers: [{ kind: 'licence', value: '440304100001', role: 'field' }] }));
      const token = await tokenFor(7);
      const ask = async (msg: Record<string, unknown>) => {
        const reply = await route({ ...msg, token }, panelOf(7, token));
        if (!reply.ok) throw new Error(`${reply.error} ${reply.detail ?? ''}`);
        return reply.data as View;
      };
      return { token, ask };
    }

    it('a resolved need yields the "tell the customer" point, which goes once the customer is informed', async () => {
      const { ask } = await open();
      let state = await ask({ type: 'panel/need/add', customerId: shop.id, kind: 'complaint', description: '条烟破损' });
      const needId = state.view.openNeeds[0].id;
      await ask({ type: 'panel/need/advance', needId, to: 'resolved', resolution: '已调换两条' });
      state = await ask({ type: 'panel/state' });
      expect(state.view.talking.map((p) => p.ruleId)).toContain('need-tell-customer');
      state = await ask({ type: 'panel/need/advance', needId, to: 'informed', channel: '电话' });
      expect(state.view.talking.map((p) => p.ruleId)).not.toContain('need-tell-customer');
      expect(state.view.openNeeds).toEqual([]);
    });

    it('logging a visit moves the next visit date; a dismissed point stays hidden today', async () => {
      const { ask } = await open();
      let state = await ask({ type: 'panel/state' });
      expect(state.view.visit.overdueDays).toBeGreaterThan(0); // created in 2023, never visited
      const visitPoint = state.view.talking.find((p) => p.ruleId === 'visit-due')!;
      state = await ask({ type: 'panel/talking/dismiss', customerId: shop.id, pointId: visitPoint.id });
      expect(state.view.talking.map((p) => p.id)).not.toContain(visitPoint.id);
      state = await ask({ type: 'panel/visit', customerId: shop.id, method: 'visit', at: Date.now(), summary: '巡店', needs: [{ kind: 'need', description: '想要新品' }] });
      expect(state.view.visit.overdueDays).toBe(0);
      expect(state.view.openNeeds).toHaveLength(1);
    });

    it('tasks: added, then done; a wrong step in the loop is refused as invalid', async () => {
      const { ask, token } = await open();
      let state = await ask({ type: 'panel/task/add', customerId: shop.id, title: '送样品', due: '2026-12-01' });
      const taskId = state.view.openTasks[0].id;
      state = await ask({ type: 'panel/task/update', taskId, status: 'done' });
      expect(state.view.openTasks).toEqual([]);
      state = await ask({ type: 'panel/need/add', customerId: shop.id, kind: 'need', description: 'x' });
      const bad = await route({ type: 'panel/need/advance', token, needId: state.view.openNeeds[0].id, to: 'informed', channel: '电话' }, panelOf(7, token));
      expect(bad).toMatchObject({ ok: false, error: 'invalid' });
    });
  });
});
