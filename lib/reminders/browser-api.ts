import type Browser from 'webextension-polyfill';
import type { WxtBrowser } from 'wxt/browser';
import { DEFAULT_SETTINGS } from '../model/settings';
import { loadSettings } from '../settings';
import { REMINDER_ALARM, SHOWN_KEY, type RemindersApi } from '../background/reminders';
import { loadDatedCustomers, markTaskReminded, readOpenTasks, readReminderCustomers } from './store';

/**
 * The reminders' access to the browser and the database, for entrypoints/background.ts. Takes the
 * polyfill's `browser` and WXT's typed `chrome` namespace (notifications and alarms as Chrome has them).
 */
export function browserRemindersApi(browser: typeof Browser, chromeApi: WxtBrowser): RemindersApi {
  const dashboard = (hash: string) => browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${hash}`) }).then(() => undefined);
  return {
    now: () => Date.now(),
    loadSettings: () => loadSettings().catch(() => DEFAULT_SETTINGS),
    uiLanguage: () => browser.i18n.getUILanguage(),
    readTasks: readOpenTasks,
    readCustomersWithDates: loadDatedCustomers,
    readCustomers: readReminderCustomers,
    markTaskReminded,
    readShown: async () => ((await browser.storage.local.get(SHOWN_KEY))[SHOWN_KEY] ?? {}) as Record<string, number>,
    writeShown: (shown) => browser.storage.local.set({ [SHOWN_KEY]: shown }),
    notify: async ({ id, title, message }) => {
      await chromeApi.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
    },
    clearNotification: async (id) => {
      await chromeApi.notifications.clear(id);
    },
    setAlarm: (when) => chromeApi.alarms.create(REMINDER_ALARM, { when }),
    clearAlarm: async () => {
      await chromeApi.alarms.clear(REMINDER_ALARM);
    },
    openCustomer: (customerId) => dashboard(`#customer/${encodeURIComponent(customerId)}`),
    openAgenda: () => dashboard('#agenda'),
  };
}
