import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import browser from 'webextension-polyfill';
import type { CustomerSummary } from '../../lib/db/customers';
import { request } from '../../lib/messaging/client';
import { PANEL_PORT, isPanelPush } from '../../lib/messaging/ports';
import type { CustomerDraft, PanelRequest, PanelState } from '../../lib/messaging/protocol';
import type { Interaction } from '../../lib/model';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/model/settings';
import { loadSettings, saveSettings, watchSettings } from '../../lib/settings';
import type { PanelPhase } from './PanelView';
import { toPanelError, type PanelActions, type PanelError, type PendingNote } from './types';

const RECONNECT_FIRST_MS = 250;
const RECONNECT_MAX_MS = 2_000;
/** A port that stayed up this long was healthy; the next reconnect starts fast again. */
const PORT_HEALTHY_MS = 5_000;

/** Settings from storage.local (lib/settings), kept current through storage.onChanged. Undefined until first read. */
export function useSettings(early?: Promise<Settings>, initial?: Settings): Settings | undefined {
  const [settings, setSettings] = useState<Settings | undefined>(initial);
  useEffect(() => {
    let live = true;
    (early ?? loadSettings())
      .then((s) => live && setSettings(s))
      .catch(() => live && setSettings(DEFAULT_SETTINGS));
    const stop = watchSettings((s) => live && setSettings(s));
    return () => {
      live = false;
      stop();
    };
  }, [early]);
  return settings;
}

export interface PanelModel {
  phase: PanelPhase;
  state?: PanelState;
  error?: PanelError;
  pendingNotes: PendingNote[];
  picking: boolean;
  actions: PanelActions;
}

/**
 * The panel's container: asks the background for the tab's state, listens on a port for changes
 * (reconnecting when the service worker restarts), and turns view callbacks into messages.
 */
export function usePanelState(token: string, early?: Promise<PanelState>, initial?: PanelState): PanelModel {
  const [phase, setPhase] = useState<PanelPhase>(initial ? 'ready' : 'loading');
  const [state, setState] = useState<PanelState | undefined>(initial);
  const [error, setError] = useState<PanelError>();
  const [pendingNotes, setPendingNotes] = useState<PendingNote[]>([]);
  const [picking, setPicking] = useState(false);
  const seq = useRef(0);
  const fatal = useRef(false);
  const lastUrl = useRef<string | undefined>(undefined);
  /** The first answer, asked for before React started (entrypoints/panel/main.tsx); used once. */
  const earlyState = useRef(early);

  /** Show a state the background sent; any older request still in flight is ignored. */
  const apply = useCallback((next: PanelState) => {
    ++seq.current;
    if (lastUrl.current !== undefined && lastUrl.current !== next.page?.url) setPicking(false);
    lastUrl.current = next.page?.url;
    setState(next);
    setError(undefined);
    setPhase('ready');
  }, []);

  const refresh = useCallback(async (): Promise<void> => {
    if (!token) {
      fatal.current = true;
      setError({ code: 'badToken' });
      setPhase('error');
      return;
    }
    const mine = ++seq.current;
    try {
      const pending = earlyState.current;
      earlyState.current = undefined;
      const next = await (pending ?? request<PanelState>({ type: 'panel/state', token }));
      if (mine !== seq.current) return; // a newer answer is on its way
      apply(next);
    } catch (err) {
      if (mine !== seq.current) return;
      const e = toPanelError(err);
      setError(e);
      if (e.code === 'badToken') {
        fatal.current = true;
        setPhase('error');
      } else {
        // Keep showing what we have; only fail the whole panel when there is nothing to show.
        setPhase((p) => (p === 'ready' ? p : 'error'));
      }
    }
  }, [token, apply]);

  // State on start, then on every push; reconnect the port with backoff when the worker goes away.
  useEffect(() => {
    let stopped = false;
    let port: browser.Runtime.Port | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = RECONNECT_FIRST_MS;
    let openedAt = 0;

    const schedule = () => {
      if (stopped || fatal.current) return;
      if (Date.now() - openedAt >= PORT_HEALTHY_MS) delay = RECONNECT_FIRST_MS;
      clearTimeout(timer);
      timer = setTimeout(() => {
        connect();
        void refresh();
      }, delay);
      delay = Math.min(delay * 2, RECONNECT_MAX_MS);
    };

    const connect = () => {
      if (stopped || !token) return;
      try {
        port = browser.runtime.connect({ name: PANEL_PORT });
      } catch {
        port = undefined;
        schedule();
        return;
      }
      openedAt = Date.now();
      port.onMessage.addListener((msg: unknown) => {
        if (isPanelPush(msg)) void refresh();
      });
      port.onDisconnect.addListener(() => {
        port = undefined;
        schedule();
      });
      try {
        port.postMessage({ type: 'subscribe', token });
      } catch {
        // The port died between connect and post; onDisconnect schedules the retry.
      }
    };

    void refresh();
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      port?.disconnect();
    };
  }, [token, refresh]);

  /** Replies that carry the new state are shown as they are; anything else means "ask again". */
  const settle = useCallback(
    async (reply: unknown) => {
      if (reply && typeof reply === 'object' && 'match' in reply && 'page' in reply) apply(reply as PanelState);
      else await refresh();
    },
    [apply, refresh],
  );

  /**
   * Send a change that the background answers with the fresh state, and show that state. Rejects with
   * the request's error, so the form that asked keeps what was typed and says why.
   */
  const change = useCallback(
    async (message: PanelRequest): Promise<void> => {
      const next = await request<PanelState | null>(message);
      await settle(next);
    },
    [settle],
  );

  const actions = useMemo<PanelActions>(
    () => ({
      async choose(customerId) {
        const next = await request<PanelState | null>({ type: 'panel/choose', token, customerId });
        setPicking(false);
        await settle(next);
      },
      async unchoose() {
        let next: PanelState | null;
        try {
          next = await request<PanelState | null>({ type: 'panel/unchoose', token });
        } catch (err) {
          setError(toPanelError(err));
          return;
        }
        await settle(next);
        setPicking(true);
      },
      cancelPick() {
        setPicking(false);
      },
      search(query) {
        return request<CustomerSummary[]>({ type: 'panel/search', token, query: query.slice(0, 100) });
      },
      async createCustomer(draft: CustomerDraft) {
        const next = await request<PanelState | null>({
          type: 'panel/createCustomer',
          token,
          draft: { ...draft, mobiles: draft.mobiles ?? [], emails: draft.emails ?? [] },
        });
        setPicking(false);
        await settle(next);
      },
      async saveNote(customerId, text) {
        const note: PendingNote = { id: `pending-${Date.now()}-${Math.random().toString(36).slice(2)}`, customerId, text, at: Date.now() };
        setPendingNotes((p) => [note, ...p]);
        try {
          const saved = await request<Interaction | null>({ type: 'panel/note', token, customerId, text });
          // Show the stored note at once, even if the refresh below is slow or fails.
          if (saved && typeof saved === 'object' && saved.id && saved.customerId === customerId) {
            setState((st) =>
              st?.view && st.view.customer.id === customerId && !st.view.timeline.some((i) => i.id === saved.id)
                ? { ...st, view: { ...st.view, timeline: [saved, ...st.view.timeline], timelineTotal: st.view.timelineTotal + 1 } }
                : st,
            );
          }
          await refresh();
        } finally {
          setPendingNotes((p) => p.filter((n) => n.id !== note.id));
        }
      },
      logVisit(customerId, visit) {
        return change({
          type: 'panel/visit',
          token,
          customerId,
          method: visit.method,
          at: visit.at,
          summary: visit.summary,
          needs: visit.needs.map((n) => ({ kind: n.kind, description: n.description, ...(n.due ? { due: n.due } : {}) })),
        });
      },
      addNeed(customerId, need) {
        return change({ type: 'panel/need/add', token, customerId, kind: need.kind, description: need.description, ...(need.due ? { due: need.due } : {}) });
      },
      advanceNeed(needId, step) {
        return change({ type: 'panel/need/advance', token, needId, ...step });
      },
      addTask(customerId, task) {
        return change({
          type: 'panel/task/add',
          token,
          customerId,
          title: task.title,
          ...(task.due ? { due: task.due } : {}),
          ...(task.remindAt !== undefined ? { remindAt: task.remindAt } : {}),
        });
      },
      updateTask(taskId, patch) {
        return change({ type: 'panel/task/update', token, taskId, ...patch });
      },
      dismissTalking(customerId, pointId) {
        return change({ type: 'panel/talking/dismiss', token, customerId, pointId });
      },
      async insertText(text) {
        const reply = await request<{ inserted?: unknown } | null>({ type: 'panel/insert', token, text: text.slice(0, 5_000) });
        return !!reply && reply.inserted === true;
      },
      collapse() {
        void saveSettings({ panelCollapsed: true }).catch((err: unknown) => setError(toPanelError(err)));
      },
      retry() {
        setPhase((p) => (p === 'error' ? 'loading' : p));
        void refresh();
      },
    }),
    [token, refresh, settle, change],
  );

  return { phase, state, error, pendingNotes, picking, actions };
}
