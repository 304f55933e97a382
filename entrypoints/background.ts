import browser, { type Runtime } from 'webextension-polyfill';
// chromeApi.scripting is not in the polyfill's types; WXT's `browser` is the typed chrome namespace.
import { browser as chromeApi } from 'wxt/browser';
import { createRouter } from '@/lib/background/router';
import { createNameService } from '@/lib/background/names';
import { CONTENT_SCRIPT_FILE, SITES_SCRIPT_ID, serialSync, type SitesApi } from '@/lib/background/sites';
import { ENABLED_SITES_KEY } from '@/lib/sites/enablement';
import { RULES_MIRROR_KEY, toMirror } from '@/lib/rules/mirror';
import { listRules } from '@/lib/rules/store';
import { browserSessionStore } from '@/lib/background/browser-session-store';
import { TabStates } from '@/lib/background/tab-state';
import { PanelTokens } from '@/lib/background/tokens';
import { PANEL_PORT, type PanelPush } from '@/lib/messaging/ports';
import type { MatchResult } from '@/lib/model';
import type { CaptureResult } from '@/lib/background/capture';
import type { Reply } from '@/lib/messaging/protocol';
import { resolveLocale, translator } from '@/lib/i18n';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { SETTINGS_KEY, loadSettings } from '@/lib/settings';
import { REMINDER_ALARM, createReminders } from '@/lib/background/reminders';
import { browserRemindersApi } from '@/lib/reminders/browser-api';
import { invalidateDatedCustomers } from '@/lib/reminders/store';
import { toYmd } from '@/lib/dates';
import { dismissalApplies, type Dismissal } from '@/lib/talking';

/** Talking points the manager hid for the day, per customer (pruned as they expire). */
const DISMISSALS_KEY = 'talkingDismissals';
const parseDismissals = (v: unknown): Dismissal[] =>
  Array.isArray(v) ? v.filter((d): d is Dismissal => !!d && typeof d.customerId === 'string' && typeof d.pointId === 'string' && typeof d.until === 'string') : [];

/** Wires browser events to lib/background. Everything it knows lives in IndexedDB or storage.session. */
export default defineBackground(() => {
  // The name index loads at once: a page whose identifiers match no one asks it by name (issue 4).
  const names = createNameService();
  names.warm();
  const tabs = new TabStates(browserSessionStore, names.lookup);
  const tokens = new PanelTokens(browserSessionStore);
  const ports = new Map<number, Set<Runtime.Port>>();

  const notify = (tabId: number, match: MatchResult) => {
    const push: PanelPush = { type: 'panel/changed', match };
    for (const port of ports.get(tabId) ?? []) port.postMessage(push);
  };

  // Reminders (issue 5): one alarm for the next one; each check shows what is due and sets it again.
  const reminders = createReminders(browserRemindersApi(browser, chromeApi));
  const checkReminders = () => void reminders.check().catch((err) => console.error('Account Lens: reminders failed', err));
  // A few seconds after the worker starts: the page that woke it (and its name index) come first.
  setTimeout(checkReminders, 3_000);
  chromeApi.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) checkReminders();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[SETTINGS_KEY]) checkReminders();
  });

  const mirrorRules = async () => {
    await browser.storage.local.set({ [RULES_MIRROR_KEY]: toMirror(await listRules()) });
  };
  void mirrorRules().catch((err) => console.error('Account Lens: could not copy the taught rules', err));

  const route = createRouter({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    tabs,
    tokens,
    notify,
    rulesChanged: mirrorRules,
    names,
    remindersChanged: checkReminders,
    restored: invalidateDatedCustomers,
    settings: loadSettings,
    dismissals: {
      list: async () => parseDismissals((await browser.storage.local.get(DISMISSALS_KEY))[DISMISSALS_KEY]),
      add: async (d) => {
        const today = toYmd(Date.now());
        const kept = parseDismissals((await browser.storage.local.get(DISMISSALS_KEY))[DISMISSALS_KEY]).filter((x) => dismissalApplies(x, today));
        await browser.storage.local.set({ [DISMISSALS_KEY]: [...kept, d] });
      },
    },
    // Every frame hears it; only the one whose reply box had the caret answers (entrypoints/content).
    insertText: async (tabId, text) => (await browser.tabs.sendMessage(tabId, { type: 'page/insert', text }).catch(() => undefined)) === true,
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

  // The content script runs on exactly the sites the manager enabled (lib/sites/enablement).
  const sitesApi: SitesApi = {
    readEnabled: async () => (await browser.storage.local.get(ENABLED_SITES_KEY))[ENABLED_SITES_KEY],
    writeEnabled: (sites) => browser.storage.local.set({ [ENABLED_SITES_KEY]: sites }),
    isGranted: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    registered: () => chromeApi.scripting.getRegisteredContentScripts({ ids: [SITES_SCRIPT_ID] }),
    register: (matches) =>
      chromeApi.scripting.registerContentScripts([
        { id: SITES_SCRIPT_ID, js: [CONTENT_SCRIPT_FILE], matches, allFrames: true, runAt: 'document_end', persistAcrossSessions: true },
      ]),
    update: (matches) => chromeApi.scripting.updateContentScripts([{ id: SITES_SCRIPT_ID, js: [CONTENT_SCRIPT_FILE], matches }]),
    unregister: () => chromeApi.scripting.unregisterContentScripts({ ids: [SITES_SCRIPT_ID] }),
  };
  const syncSites = serialSync(sitesApi);
  const resync = () => void syncSites().catch((err) => console.error('Account Lens: could not register the content script', err));
  resync();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[ENABLED_SITES_KEY]) resync();
  });
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);

  // Quick capture on selected text (issue 5): to the tab's customer, else the inbox; a notification says
  // where it went, and clicking it opens that place in the dashboard.
  const SAVE_SELECTION = 'save-selection';
  browser.runtime.onInstalled.addListener(() => {
    chromeApi.contextMenus.create({ id: SAVE_SELECTION, title: browser.i18n.getMessage('menuSaveSelection'), contexts: ['selection'] });
  });
  chromeApi.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SAVE_SELECTION || tab?.id === undefined || !info.selectionText) return;
    const message = { type: 'capture/selection', tabId: tab.id, selection: info.selectionText, pageUrl: tab.url, pageTitle: tab.title };
    // Through the router like any request, as the extension itself (its own origin), so the same checks apply.
    void route(message, { id: browser.runtime.id, url: browser.runtime.getURL('/background.js') }).then((reply) => announceCapture(reply));
  });
  async function announceCapture(reply: Reply<unknown>) {
    const t = translator(resolveLocale((await loadSettings().catch(() => DEFAULT_SETTINGS)).locale, [browser.i18n.getUILanguage()]));
    const result = reply.ok ? (reply.data as CaptureResult) : undefined;
    const id = result?.savedTo === 'customer' ? `capture:customer:${result.customerId}` : result ? 'capture:inbox' : 'capture:failed';
    await chromeApi.notifications.create(`${id}:${Date.now()}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('appName'),
      message: !result
        ? t('capture.failed', { detail: reply.ok ? '' : reply.error })
        : result.savedTo === 'customer'
          ? t('capture.savedTo', { name: result.customerName })
          : t('capture.savedToInbox'),
    });
  }
  chromeApi.notifications.onClicked.addListener((notificationId) => {
    if (reminders.onNotificationClicked(notificationId)) return;
    const [, where, customerId] = notificationId.split(':');
    const hash = where === 'customer' ? `#customer/${encodeURIComponent(customerId)}` : where === 'inbox' ? '#inbox' : '';
    if (hash) void browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${hash}`) });
    void chromeApi.notifications.clear(notificationId);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    ports.delete(tabId);
    void tabs.forget(tabId);
    void tokens.revokeTab(tabId);
  });
});
