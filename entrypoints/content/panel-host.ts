import { browser } from 'wxt/browser';

const WIDTH = 380;

/**
 * The panel's frame on the host page: an extension page in an iframe inside a closed shadow root, so
 * the page's scripts cannot reach the frame's address (and its token) and its CSS cannot reach ours.
 * Framework-free on purpose: this runs on every page load (design.md rule 2).
 */
export function mountPanel(token: string, collapsed: boolean, onOpen: () => void) {
  const host = document.createElement('account-lens-panel');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `
    :host { all: initial; position: fixed; top: 0; right: 0; height: 100vh; width: ${WIDTH}px; z-index: 2147483646; }
    :host(.collapsed) { width: 0; }
    iframe { border: 0; width: 100%; height: 100%; display: block; background: #fff; color-scheme: light;
      box-shadow: -1px 0 0 rgba(15,23,42,.12), -8px 0 24px rgba(15,23,42,.08); }
    :host(.collapsed) iframe { visibility: hidden; }
    button { display: none; position: absolute; right: 0; top: 40%; width: 28px; padding: 10px 0; border: 0;
      border-radius: 8px 0 0 8px; background: #1d4ed8; color: #fff; cursor: pointer; writing-mode: vertical-rl;
      font: 600 13px/1.2 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; letter-spacing: 2px;
      box-shadow: -2px 2px 8px rgba(15,23,42,.25); }
    :host(.collapsed) button { display: block; }
    button:focus-visible { outline: 2px solid #93c5fd; outline-offset: 2px; }`;
  // The frame is made the first time the panel is open: a manager who keeps it collapsed pays nothing
  // for it on each page load (an extension frame costs the host page tens of milliseconds).
  let frame: HTMLIFrameElement | undefined;
  const ensureFrame = () => {
    if (frame) return;
    frame = document.createElement('iframe');
    frame.src = `${browser.runtime.getURL('/panel.html')}#${token}`;
    frame.title = browser.i18n.getMessage('extName');
    frame.setAttribute('allow', 'clipboard-write');
    shadow.prepend(frame);
  };
  const tab = document.createElement('button');
  tab.type = 'button';
  tab.textContent = browser.i18n.getMessage('panelTabLabel');
  tab.title = browser.i18n.getMessage('panelTabOpen');
  tab.addEventListener('click', onOpen);
  shadow.append(style, tab);
  host.classList.toggle('collapsed', collapsed);
  if (!collapsed) ensureFrame();
  document.documentElement.append(host);
  return {
    setCollapsed(value: boolean) {
      if (!value) ensureFrame();
      host.classList.toggle('collapsed', value);
    },
    /** Pages that rebuild <html>'s children (rare) would drop us: put the host back. */
    ensureAttached() {
      if (!host.isConnected) document.documentElement.append(host);
    },
    remove() {
      host.remove();
    },
  };
}
