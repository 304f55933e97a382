import { browser } from 'wxt/browser';

/**
 * The panel's first moments, in a tiny classic script in panel.html's head that runs before the React
 * bundle has loaded (React is most of the panel's start-up on a slow office PC):
 * - it asks for the tab's state and reads the settings at once; entrypoints/panel/main.tsx picks both
 *   promises up (and asks again if one failed);
 * - when the answer is a matched customer, it paints the header (product bar and the customer's name)
 *   with the same classes React uses, so the manager sees who it is at once, and starts loading the
 *   React app's modules. React's first render replaces the header. Text goes in through textContent only.
 */
export interface EarlyWindow {
  accountLensFirstState?: Promise<unknown>;
  accountLensFirstSettings?: Promise<unknown>;
  /** The answers once they are in, so React can start from them without a loading frame. */
  accountLensFirstStateReply?: unknown;
  accountLensFirstSettingsValue?: Record<string, unknown>;
}

type EarlyReply = { ok?: boolean; data?: { match?: { state?: string }; view?: { customer?: { name?: unknown } } } };

function el(tag: string, className: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Mirrors PanelView's header (components/panel/PanelView.tsx, Header.tsx): keep the classes in step. */
function paintHeader(root: HTMLElement, name?: string) {
  const shell = el('div', 'flex h-screen flex-col bg-white text-slate-800');
  shell.dataset.shell = '';
  const header = el('header', 'sticky top-0 z-20 shrink-0 border-b border-slate-200 bg-white/95 backdrop-blur');
  const bar = el('div', 'flex h-9 items-center gap-2 px-3');
  bar.append(
    el('span', 'inline-flex h-5 w-5 items-center justify-center rounded-[5px] bg-blue-600 text-white'),
    el('span', 'truncate text-[12px] font-medium text-slate-500', browser.i18n.getMessage('extName')),
  );
  header.append(bar);
  if (name !== undefined) {
    const block = el('div', 'px-4 pb-3 pt-1');
    const line = el('div', 'flex items-start gap-2');
    line.append(el('h1', 'min-w-0 flex-1 break-words text-[17px] font-semibold leading-6 text-slate-900', name));
    block.append(line);
    header.append(block);
  }
  shell.append(header);
  root.replaceChildren(shell);
  if (name !== undefined) requestAnimationFrame(() => {
    document.documentElement.dataset.shownAt ??= String(Math.round(performance.timeOrigin + performance.now()));
  });
}

/**
 * Starts loading the React app's modules (listed by the build, wxt.config.ts) as soon as the name is in
 * the page: main.tsx imports them only after the frame that paints it, and by then they are on their way.
 * Not any earlier: loading them beside the request for the state delayed its answer and the name.
 */
function preloadApp() {
  const modules = document.querySelector<HTMLMetaElement>('meta[name="panel-app-modules"]')?.content.split(' ') ?? [];
  for (const href of modules) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
}

export default defineUnlistedScript(() => {
  const early = window as EarlyWindow;
  early.accountLensFirstSettings = browser.storage.local.get('settings');
  early.accountLensFirstSettings.then((v) => (early.accountLensFirstSettingsValue = v as Record<string, unknown>), () => undefined);
  const token = location.hash.slice(1);
  if (!token) return;
  performance.mark('early:sent');
  early.accountLensFirstState = browser.runtime.sendMessage({ type: 'panel/state', token });
  early.accountLensFirstState.then(
    (reply) => {
      performance.mark('early:reply');
      early.accountLensFirstStateReply = reply;
      const r = reply as EarlyReply;
      const name = r?.ok && r.data?.match?.state === 'matched' ? r.data.view?.customer?.name : undefined;
      const root = document.getElementById('root');
      // Only into an empty root: once React has rendered, it owns the page. Without a customer, just
      // the product bar: the rest of the panel follows when the page has settled.
      if (root && !root.hasChildNodes()) paintHeader(root, typeof name === 'string' ? name : undefined);
      if (name !== undefined) preloadApp();
    },
    () => undefined,
  );
});
