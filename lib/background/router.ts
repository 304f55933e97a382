import { addInteraction, getCustomer, getCustomerView, rememberPageChoice, saveCustomer, searchCustomers, toCustomerRow, type CustomerView } from '../db/customers';
import { cleanPageName } from '../match/names/normalise';
import type { NameService } from './names';
import { getDb, isQuotaError } from '../db/db';
import { normaliseEmail, normaliseLicence, normaliseMobile, normaliseUscc } from '../match/identifiers';
import { ContentRequest, CustomerDraft, PageRequest, PanelRequest, type ErrorCode, type PanelState, type PopupState, type Reply } from '../messaging/protocol';
import { newId, type Interaction, type MatchResult } from '../model';
import { saveTaughtRule } from '../rules/store';
import { CaptureError, captureNote, type CaptureInput, type CaptureResult } from './capture';
import { withConversation } from './customer-view';
import { ConversationError, addNeed, addTask, advanceNeed, logVisit, updateTask } from '../db/conversation';
import { toYmd } from '../dates';
import { DEFAULT_SETTINGS, type Settings } from '../model/settings';
import { dismiss, type Dismissal } from '../talking';
import { computeMatch, type TabState, type TabStates } from './tab-state';
import type { PanelTokens } from './tokens';

/** The parts of runtime.MessageSender the router trusts (set by the browser, not by the sender). */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface RouterDeps {
  extensionId: string;
  /** `chrome-extension://<id>/` */
  extensionOrigin: string;
  tabs: TabStates;
  tokens: PanelTokens;
  /** Tell the panels of a tab that its match changed. */
  notify(tabId: number, match: MatchResult): void;
  /** The taught rules changed (saved from a page, or edited in the dashboard): copy them where content scripts read them. */
  rulesChanged(): Promise<void>;
  /** The manager's settings (cadence, industry); defaults when absent (tests). */
  settings?(): Promise<Settings>;
  /** Talking points hidden for a day (storage.local in the extension). */
  dismissals?: { list(): Promise<Dismissal[]>; add(d: Dismissal): Promise<void> };
  /** Put text at the caret of the tab's focused reply box; false when no frame has one. */
  insertText?(tabId: number, text: string): Promise<boolean>;
  /** Tasks or dates changed: reminders are scheduled again. */
  remindersChanged?(): void;
  /** The fuzzy-name index (lib/background/names): kept current after writes. */
  names?: Pick<NameService, 'refresh' | 'reload' | 'upsert' | 'status'>;
  /** A backup was restored: drop caches that trust edit times (the reminders' dated customers). */
  restored?(): Promise<void>;
}

class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail = '',
  ) {
    super(code);
  }
}

const ok = <T>(data: T): Reply<T> => ({ ok: true, data });

/** How long the panel's first `panel/state` waits for its page's first scan before answering. */
const FIRST_SCAN_WAIT_MS = 2_000;

export function createRouter(deps: RouterDeps) {
  const { tabs, tokens, extensionOrigin } = deps;
  const panelUrl = `${extensionOrigin}panel.html`;

  const isExtensionPage = (s: Sender) => !!s.url?.startsWith(extensionOrigin);
  const isPanel = (s: Sender) => !!s.url && (s.url === panelUrl || s.url.startsWith(`${panelUrl}#`) || s.url.startsWith(`${panelUrl}?`));

  function contentTab(s: Sender): number {
    if (isExtensionPage(s) || s.tab?.id === undefined || s.tab.id < 0) throw new Refusal('forbidden');
    return s.tab.id;
  }

  async function panelTab(s: Sender, token: string): Promise<number> {
    if (!isPanel(s) || s.tab?.id === undefined) throw new Refusal('forbidden');
    const tabId = await tokens.tabOf(token);
    if (tabId === undefined || tabId !== s.tab.id) throw new Refusal('badToken');
    return tabId;
  }

  /**
   * Tabs whose new top-level document registered its panel but has not reported what it shows yet.
   * Until it does, the tab's state would describe the previous page, so `panel/state` waits (bounded).
   * In memory only: after a worker restart the panel simply asks again.
   */
  const scanPending = new Map<number, (() => void)[]>();
  const firstScan = (tabId: number) => {
    for (const wake of scanPending.get(tabId) ?? []) wake();
    scanPending.delete(tabId);
  };
  const awaitFirstScan = (tabId: number) =>
    scanPending.has(tabId)
      ? new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, FIRST_SCAN_WAIT_MS);
          scanPending.get(tabId)!.push(() => (clearTimeout(timer), resolve()));
        })
      : Promise.resolve();

  /**
   * The matched customer's view, read as soon as a page matches rather than when its panel asks: the
   * panel frame takes a while to start, and the read is done by then. Any write through the router
   * drops the cache, and an entry lives a few seconds at most.
   */
  const views = new Map<number, { customerId: string; at: number; view: Promise<CustomerView | undefined> }>();
  const VIEW_TTL_MS = 5_000;
  const memoryDismissals: Dismissal[] = [];
  const dismissals = deps.dismissals ?? { list: async () => memoryDismissals, add: async (d: Dismissal) => void memoryDismissals.push(d) };
  const settingsNow = () => (deps.settings ? deps.settings().catch(() => DEFAULT_SETTINGS) : Promise.resolve(DEFAULT_SETTINGS));
  /** The stored view plus what the conversation needs (next visit, talking points). */
  const readView = async (customerId: string) => {
    const view = await getCustomerView(customerId);
    if (!view) return undefined;
    const [settings, hidden] = await Promise.all([settingsNow(), dismissals.list()]);
    return withConversation(view, settings, hidden);
  };
  const viewOf = (tabId: number, customerId: string) => {
    const hit = views.get(tabId);
    if (hit && hit.customerId === customerId && Date.now() - hit.at < VIEW_TTL_MS) return hit.view;
    const view = readView(customerId);
    views.set(tabId, { customerId, at: Date.now(), view });
    view.catch(() => views.delete(tabId));
    return view;
  };
  const dropViews = () => views.clear();

  /** `force`: the data behind an unchanged match changed (an import), so open panels read it again. */
  async function publish(tabId: number, [before, after]: [TabState | undefined, TabState], force = false) {
    if (after.match.state === 'matched') void viewOf(tabId, after.match.customerId).catch(() => undefined);
    if (force || JSON.stringify(before?.match) !== JSON.stringify(after.match)) deps.notify(tabId, after.match);
    return after;
  }

  async function panelState(tabId: number): Promise<PanelState> {
    const state = await tabs.get(tabId);
    if (!state) return { match: { state: 'idle' }, page: { url: '', title: '' } };
    const view = state.match.state === 'matched' ? await viewOf(tabId, state.match.customerId) : undefined;
    const misses = new Map(Object.values(state.frames).flatMap((f) => f.signals.ruleMisses ?? []).map((m) => [m.ruleId, m]));
    return { match: state.match, view, page: state.page, ...(misses.size > 0 && { ruleMisses: [...misses.values()] }) };
  }

  /** A note was added outside the panel: the tab's open panel re-reads its customer's history. */
  async function afterNote(tabId: number, customerId: string) {
    dropViews();
    const state = await tabs.get(tabId);
    if (state?.match.state === 'matched' && state.match.customerId === customerId) deps.notify(tabId, state.match);
  }

  /** A conversation write, with its refusals turned into the protocol's codes. */
  async function conversation<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (err instanceof ConversationError) throw new Refusal(err.code === 'notFound' ? 'notFound' : 'invalid', err.detail);
      throw err;
    }
  }

  /** After a write from a panel: its customer's view is read again and every panel of that customer is told. */
  async function changedFor(tabId: number): Promise<PanelState> {
    dropViews();
    const state = await tabs.get(tabId);
    if (state?.match.state === 'matched') {
      const customerId = state.match.customerId;
      for (const other of await tabs.tabIds()) {
        const s = other === tabId ? state : await tabs.get(other);
        if (other !== tabId && s?.match.state === 'matched' && s.match.customerId === customerId) deps.notify(other, s.match);
      }
    }
    return panelState(tabId);
  }

  async function capture(input: CaptureInput): Promise<CaptureResult> {
    try {
      return await captureNote(input);
    } catch (err) {
      if (err instanceof CaptureError) throw new Refusal(err.code === 'customerGone' ? 'notFound' : 'invalid', err.code);
      throw err;
    }
  }

  const rematch = (tabId: number, force = false) => tabs.update(tabId, (f) => f).then((r) => publish(tabId, r, force));

  async function handleContent(msg: ContentRequest, s: Sender): Promise<unknown> {
    const tabId = contentTab(s);
    const frameId = String(s.frameId ?? 0);
    switch (msg.type) {
      case 'page/signals': {
        const result = await publish(
          tabId,
          await tabs.update(tabId, (frames) => {
            const now = Date.now();
            if (frameId === '0' && msg.fresh) {
              // A new top-level document: subframes reported before it began belonged to the old page.
              for (const [id, f] of Object.entries(frames)) if (f.at < (msg.navStart ?? now)) delete frames[id];
            }
            return { ...frames, [frameId]: { signals: msg.signals, at: now } };
          }),
        );
        if (frameId === '0') firstScan(tabId);
        return { state: result.match.state };
      }
      case 'page/gone':
        if (frameId !== '0') await publish(tabId, await tabs.update(tabId, ({ [frameId]: _gone, ...rest }) => rest));
        return null;
      case 'panel/token': {
        if (frameId !== '0') throw new Refusal('forbidden');
        // A new top-level document: what the tab showed before belongs to the previous page.
        const [, after] = await tabs.update(tabId, (frames) => {
          for (const [id, f] of Object.entries(frames)) if (f.at < msg.navStart) delete frames[id];
          return frames;
        });
        if (!after.frames['0'] && !scanPending.has(tabId)) scanPending.set(tabId, []);
        await tokens.register(msg.token, tabId);
        return null;
      }
      case 'rules/save': {
        // From the teach-this-page picker, which runs in the tab (sender.tab set by the browser).
        const saved = await saveTaughtRule(msg.rule);
        await deps.rulesChanged();
        return saved;
      }
    }
  }

  async function handlePanel(msg: PanelRequest, s: Sender): Promise<unknown> {
    const tabId = await panelTab(s, msg.token);
    switch (msg.type) {
      case 'panel/state':
        await awaitFirstScan(tabId);
        return panelState(tabId);
      case 'panel/choose': {
        const state = await tabs.get(tabId);
        if (!state?.pageKey) throw new Refusal('notFound');
        const chosen = await getCustomer(msg.customerId);
        if (!chosen) throw new Refusal('notFound');
        await rememberPageChoice(state.pageKey, msg.customerId);
        // Chosen on a page that named the customer but showed none of its identifiers: that name becomes
        // an alias, so the next page showing it (another mail from them) is recognised by itself.
        const pageName = aliasFromPage(state.match, msg.customerId);
        if (pageName && !chosen.aliases.includes(pageName) && pageName !== chosen.name) {
          const updated = await saveCustomer({ ...chosen, aliases: [...chosen.aliases, pageName] });
          await deps.names?.upsert(toCustomerRow(updated));
          dropViews();
        }
        await rematch(tabId);
        return panelState(tabId);
      }
      case 'panel/unchoose': {
        const state = await tabs.get(tabId);
        if (state?.pageKey) await getDb().pageChoices.delete(state.pageKey);
        await rematch(tabId);
        return panelState(tabId);
      }
      case 'panel/search':
        return searchCustomers(msg.query, 20);
      case 'panel/note': {
        if (!(await getCustomer(msg.customerId))) throw new Refusal('notFound');
        const state = await tabs.get(tabId);
        const now = Date.now();
        const note: Interaction = {
          id: newId(),
          customerId: msg.customerId,
          kind: 'note',
          at: now,
          summary: msg.text,
          pageUrl: state?.page.url || undefined,
          pageTitle: state?.page.title.slice(0, 200) || undefined,
          createdAt: now,
        };
        await addInteraction(note);
        dropViews();
        return note;
      }
      case 'panel/visit': {
        await conversation(() => logVisit({ customerId: msg.customerId, method: msg.method, at: msg.at, summary: msg.summary, needs: msg.needs }));
        return changedFor(tabId);
      }
      case 'panel/need/add':
        await conversation(() => addNeed({ customerId: msg.customerId, kind: msg.kind, description: msg.description, due: msg.due }));
        return changedFor(tabId);
      case 'panel/need/advance':
        await conversation(() => advanceNeed({ needId: msg.needId, to: msg.to, resolution: msg.resolution, channel: msg.channel, at: msg.at }));
        return changedFor(tabId);
      case 'panel/task/add':
        await conversation(() => addTask({ customerId: msg.customerId, title: msg.title, due: msg.due, remindAt: msg.remindAt }));
        deps.remindersChanged?.();
        return changedFor(tabId);
      case 'panel/task/update':
        await conversation(() => updateTask(msg.taskId, { title: msg.title, due: msg.due, remindAt: msg.remindAt, status: msg.status }));
        deps.remindersChanged?.();
        return changedFor(tabId);
      case 'panel/talking/dismiss':
        await dismissals.add(dismiss(msg.customerId, { id: msg.pointId }, toYmd(Date.now())));
        return changedFor(tabId);
      case 'panel/insert':
        return { inserted: (await deps.insertText?.(tabId, msg.text)) ?? false };
      case 'panel/createCustomer': {
        const customer = await saveCustomer(draftToCustomer(CustomerDraft.parse(msg.draft)));
        await deps.names?.upsert(toCustomerRow(customer));
        deps.remindersChanged?.();
        dropViews();
        const state = await tabs.get(tabId);
        if (state?.pageKey) await rememberPageChoice(state.pageKey, customer.id);
        await rematch(tabId);
        return panelState(tabId);
      }
    }
  }

  async function handlePage(msg: PageRequest, s: Sender): Promise<unknown> {
    if (!isExtensionPage(s) || isPanel(s)) throw new Refusal('forbidden');
    switch (msg.type) {
      case 'data/changed':
        dropViews();
        if (msg.restored) {
          deps.names?.reload();
          await deps.restored?.();
        } else deps.names?.refresh();
        deps.remindersChanged?.();
        await deps.rulesChanged();
        for (const tabId of await tabs.tabIds()) await rematch(tabId, true);
        return null;
      case 'rules/changed':
        // Content scripts hear the copy change (storage.onChanged) and scan again; no re-match needed here.
        await deps.rulesChanged();
        return null;
      case 'capture/save': {
        if (!msg.text.trim() && !msg.selection?.trim()) throw new Refusal('invalid', 'text');
        const state = msg.tabId !== undefined ? await tabs.get(msg.tabId) : undefined;
        const result = await capture({
          customerId: msg.customerId,
          text: msg.text,
          selection: msg.selection,
          pageUrl: msg.pageUrl ?? state?.page.url,
          pageTitle: msg.pageTitle ?? state?.page.title,
        });
        if (result.savedTo === 'customer' && msg.tabId !== undefined) await afterNote(msg.tabId, result.customerId);
        return result;
      }
      case 'capture/selection': {
        const state = await tabs.get(msg.tabId);
        const customerId = state?.match.state === 'matched' ? state.match.customerId : undefined;
        const result = await capture({
          customerId,
          text: '',
          selection: msg.selection,
          pageUrl: msg.pageUrl ?? state?.page.url,
          pageTitle: msg.pageTitle ?? state?.page.title,
        });
        if (result.savedTo === 'customer') await afterNote(msg.tabId, result.customerId);
        return result;
      }
      case 'customers/search':
        return searchCustomers(msg.query, 10);
      case 'popup/state': {
        const state = await tabs.get(msg.tabId);
        if (!state) return { match: { state: 'idle' } } satisfies PopupState;
        const customerName = state.match.state === 'matched' ? (await getCustomer(state.match.customerId))?.name : undefined;
        return { match: state.match, customerName } satisfies PopupState;
      }
      case 'bench/names':
        return deps.names ? deps.names.status() : null;
      case 'bench/match': {
        const timings: number[] = [];
        const states: string[] = [];
        for (const q of msg.queries) {
          const t0 = performance.now();
          const r = await computeMatch({
            '0': {
              at: 0,
              signals: { url: 'https://bench.invalid/', title: '', adapter: 'bench', identifiers: q.map((i) => ({ ...i, role: 'field' as const })) as never, names: [], ruleMisses: [] },
            },
          });
          timings.push(performance.now() - t0);
          states.push(r.match.state);
        }
        return { timings, states };
      }
    }
  }

  /** Handle one runtime message. Never throws: a refusal is a reply, and the worker keeps running. */
  return async function route(raw: unknown, sender: Sender): Promise<Reply<unknown>> {
    try {
      if (sender.id !== deps.extensionId) throw new Refusal('forbidden');
      const content = ContentRequest.safeParse(raw);
      if (content.success) return ok(await handleContent(content.data, sender));
      const panel = PanelRequest.safeParse(raw);
      if (panel.success) return ok(await handlePanel(panel.data, sender));
      const page = PageRequest.safeParse(raw);
      if (page.success) return ok(await handlePage(page.data, sender));
      throw new Refusal('badRequest');
    } catch (err) {
      if (err instanceof Refusal) return { ok: false, error: err.code, detail: err.detail || undefined };
      const e = err as { issues?: { path: PropertyKey[]; message: string }[] };
      if (e.issues) return { ok: false, error: 'invalid', detail: e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
      if (isQuotaError(err)) return { ok: false, error: 'quota' };
      return { ok: false, error: 'internal', detail: err instanceof Error ? err.message : String(err) };
    }
  };
}

/**
 * The page's name to keep as an alias of the customer the manager chose: the name a name match was made
 * on, else the page's first name, but only when no identifier on the page already ties them.
 */
export function aliasFromPage(match: MatchResult, customerId: string): string | undefined {
  if (match.state === 'idle') return undefined;
  if (match.state === 'matched' && match.customerId === customerId && match.because.length) return undefined;
  if (match.state === 'ambiguous' && match.candidates.some((c) => c.customerId === customerId && c.because.length)) return undefined;
  const byName = match.state === 'ambiguous' ? match.candidates.find((c) => c.customerId === customerId)?.nameReason : match.state === 'matched' ? match.nameReason : undefined;
  const raw = byName?.query ?? match.names[0];
  const name = raw ? cleanPageName(raw).slice(0, 200) : '';
  return name.length >= 2 ? name : undefined;
}

function draftToCustomer(d: CustomerDraft & { mobiles: string[]; emails: string[] }) {
  const now = Date.now();
  const bad = (field: string) => {
    throw new Refusal('invalid', field);
  };
  const licenceNo = d.licenceNo ? (normaliseLicence(d.licenceNo) ?? bad('licenceNo')) : undefined;
  const uscc = d.uscc ? (normaliseUscc(d.uscc) ?? bad('uscc')) : undefined;
  const mobiles = d.mobiles.filter(Boolean).map((m) => normaliseMobile(m) ?? bad('mobiles'));
  const emails = d.emails.filter(Boolean).map((e) => normaliseEmail(e));
  return {
    id: newId(),
    name: d.name,
    licenceNo: licenceNo || undefined,
    customerCode: d.customerCode || undefined,
    uscc: uscc || undefined,
    mobiles: [...new Set(mobiles as string[])],
    emails: [...new Set(emails)],
    address: d.address || undefined,
    class: d.class || undefined,
    createdAt: now,
    updatedAt: now,
  };
}
