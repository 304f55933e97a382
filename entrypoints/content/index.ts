import { browser } from 'wxt/browser';
import { newPanelToken } from '@/lib/background/tokens';
import { applyRules, type AppliedRule } from '@/lib/rules/apply';
import { RULES_MIRROR_KEY, fromMirror } from '@/lib/rules/mirror';
import { adapterFor } from '@/lib/sites/registry';
import { trackReplyBox } from './insert-text';
import { mountPanel } from './panel-host';

/** Debounce for DOM changes: single-page apps re-render in bursts; one scan per burst is enough. */
const QUIET_MS = 200;
const MAX_WAIT_MS = 800;
/** On a page without a customer, the panel frame is made this long after the page's load event. */
const PANEL_QUIET_MS = 1_000;

interface StoredSettings {
  customerCodePattern?: unknown;
  panelCollapsed?: unknown;
}

async function readSettings(): Promise<{ customerCodePattern: string; panelCollapsed: boolean; rules: AppliedRule[] }> {
  // Validated by hand rather than with zod: the content script must stay tiny (design.md rule 2).
  // The taught rules come in the same read (lib/rules/mirror).
  const stored = await browser.storage.local.get(['settings', RULES_MIRROR_KEY]);
  const s = (stored.settings ?? {}) as StoredSettings;
  return {
    customerCodePattern: typeof s.customerCodePattern === 'string' ? s.customerCodePattern : '',
    panelCollapsed: s.panelCollapsed === true,
    rules: fromMirror(stored[RULES_MIRROR_KEY]),
  };
}

export default defineContentScript({
  // Local demo and test hosts only; real sites are enabled one by one at run time (issue 4).
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  allFrames: true,
  runAt: 'document_end',
  async main(ctx) {
    const isTop = window === window.top;
    const settingsRead = readSettings();
    // The panel's one-time token is made here and registered with the background before the first
    // scan, so the frame needs no round trip of its own (the page cannot read it: isolated world, and
    // the frame sits in a closed shadow root).
    const token = isTop ? newPanelToken() : undefined;
    if (token) void browser.runtime.sendMessage({ type: 'panel/token', token, navStart: performance.timeOrigin }).catch(() => {});
    let settings = await settingsRead;
    let lastSent = '';
    let fresh = true;
    let observed: Node | null = null;
    let timer: number | undefined;
    let firstChangeAt = 0;

    const observer = new MutationObserver(() => schedule());

    function scan() {
      timer = undefined;
      firstChangeAt = 0;
      if (ctx.isInvalid) return;
      const adapter = adapterFor(new URL(location.href));
      const found = adapter.extract(document, { customerCodePattern: settings.customerCodePattern });
      // Taught rules come first: the manager pointed at exactly where this page shows its customer.
      const taught = settings.rules.length ? applyRules(document, location.href, settings.rules) : undefined;
      const signals = {
        url: location.href.slice(0, 4000),
        title: document.title.slice(0, 500),
        adapter: adapter.id,
        identifiers: [...(taught?.identifiers ?? []), ...found.identifiers].slice(0, 200),
        names: [...new Set([...(taught?.names ?? []), ...found.names])].slice(0, 20).map((n) => n.slice(0, 200)),
        ruleMisses: (taught?.misses ?? []).slice(0, 50),
      };
      // Re-observe the adapter's root: a single-page app may have replaced it.
      const root = adapter.watchRoot?.(document) ?? document.body;
      if (root && root !== observed) {
        observer.disconnect();
        observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: root !== document.body });
        observed = root;
      }
      panel?.ensureAttached();
      const key = JSON.stringify(signals);
      if (key === lastSent) return;
      lastSent = key;
      const message = { type: 'page/signals', signals, fresh, navStart: performance.timeOrigin };
      fresh = false;
      browser.runtime
        .sendMessage(message)
        .then((reply) => {
          const state = (reply as { ok?: boolean; data?: { state?: string } } | undefined)?.data?.state;
          if (state === 'matched' || state === 'ambiguous') showPanel();
          else showPanelWhenQuiet();
        })
        .catch(() => {
          lastSent = ''; // the worker was restarting: send again on the next change
          showPanelWhenQuiet();
        });
    }

    /**
     * The panel frame costs the page real CPU while it starts (on a two-core office PC it stretches the
     * page's own work past 50 ms). So it is made as soon as this page shows a customer, and on a page
     * without one (a list, an inbox) only once the page has loaded and gone quiet.
     */
    let quietTimer: number | undefined;
    function showPanel() {
      if (!token || panel || ctx.isInvalid) return;
      if (quietTimer !== undefined) clearTimeout(quietTimer);
      panel = mountPanel(token, settings.panelCollapsed, () => void setCollapsed(false));
    }
    function showPanelWhenQuiet() {
      if (!token || panel || quietTimer !== undefined) return;
      const afterLoad = () => {
        quietTimer = ctx.setTimeout(() => requestIdleCallback(() => showPanel(), { timeout: 2_000 }), PANEL_QUIET_MS);
      };
      if (document.readyState === 'complete') afterLoad();
      else ctx.addEventListener(window, 'load', afterLoad, { once: true });
    }

    function schedule() {
      const now = performance.now();
      if (!firstChangeAt) firstChangeAt = now;
      if (timer !== undefined) clearTimeout(timer);
      // Trailing debounce, but never starve a page that changes constantly.
      const wait = Math.min(QUIET_MS, Math.max(0, firstChangeAt + MAX_WAIT_MS - now));
      timer = ctx.setTimeout(scan, wait);
    }

    let panel: ReturnType<typeof mountPanel> | undefined;
    const setCollapsed = async (value: boolean) => {
      const stored = ((await browser.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
      await browser.storage.local.set({ settings: { ...stored, panelCollapsed: value } });
    };
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !(changes.settings || changes[RULES_MIRROR_KEY])) return;
      void readSettings().then((s) => {
        const rescan = s.customerCodePattern !== settings.customerCodePattern || !!changes[RULES_MIRROR_KEY];
        settings = s;
        panel?.setCollapsed(s.panelCollapsed);
        if (rescan) schedule();
      });
    };
    browser.storage.onChanged.addListener(onStorage);
    // A talking point's "insert into the reply": only the frame whose reply box had the caret answers.
    const replyBox = trackReplyBox(document);
    const onMessage = (msg: unknown) => {
      const m = msg as { type?: unknown; text?: unknown };
      if (m?.type !== 'page/insert' || typeof m.text !== 'string') return undefined;
      return replyBox.insert(m.text.slice(0, 5_000)) ? Promise.resolve(true) : undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      observer.disconnect();
      browser.storage.onChanged.removeListener(onStorage);
      browser.runtime.onMessage.removeListener(onMessage);
      replyBox.stop();
      panel?.remove();
    });

    // Single-page navigation: the Navigation API where there is one, history events otherwise.
    const nav = (window as { navigation?: EventTarget }).navigation;
    if (nav) ctx.addEventListener(nav as unknown as Window, 'navigatesuccess' as never, schedule);
    ctx.addEventListener(window, 'popstate', schedule);
    ctx.addEventListener(window, 'hashchange', schedule);
    if (!isTop) {
      // A mail's frame closing takes its sender with it.
      ctx.addEventListener(window, 'pagehide', () => void browser.runtime.sendMessage({ type: 'page/gone' }).catch(() => {}));
    }

    scan();
  },
});
