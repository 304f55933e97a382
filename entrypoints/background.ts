import browser, { type Runtime } from 'webextension-polyfill';
import { createRouter } from '@/lib/background/router';
import { browserSessionStore } from '@/lib/background/browser-session-store';
import { TabStates } from '@/lib/background/tab-state';
import { PanelTokens } from '@/lib/background/tokens';
import { PANEL_PORT, type PanelPush } from '@/lib/messaging/ports';
import type { MatchResult } from '@/lib/model';

/** Wires browser events to lib/background. Everything it knows lives in IndexedDB or storage.session. */
export default defineBackground(() => {
  const tabs = new TabStates(browserSessionStore);
  const tokens = new PanelTokens(browserSessionStore);
  const ports = new Map<number, Set<Runtime.Port>>();

  const notify = (tabId: number, match: MatchResult) => {
    const push: PanelPush = { type: 'panel/changed', match };
    for (const port of ports.get(tabId) ?? []) port.postMessage(push);
  };

  const route = createRouter({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    tabs,
    tokens,
    notify,
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));

  // Panels subscribe over a port: it closes when the worker stops, and the panel reconnects.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT) return;
    const tabId = port.sender?.tab?.id;
    const fromPanel = port.sender?.url?.startsWith(browser.runtime.getURL('/panel.html'));
    if (tabId === undefined || !fromPanel) return port.disconnect();
    port.onMessage.addListener(async (msg: unknown) => {
      const token = (msg as { type?: string; token?: unknown })?.token;
      if ((msg as { type?: string })?.type !== 'subscribe' || typeof token !== 'string') return port.disconnect();
      if ((await tokens.tabOf(token)) !== tabId) return port.disconnect();
      const set = ports.get(tabId) ?? new Set();
      set.add(port);
      ports.set(tabId, set);
    });
    port.onDisconnect.addListener(() => ports.get(tabId)?.delete(port));
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    ports.delete(tabId);
    void tabs.forget(tabId);
    void tokens.revokeTab(tabId);
  });
});
