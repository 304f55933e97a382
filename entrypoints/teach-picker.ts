import { browser } from 'wxt/browser';
import { startPicker, type PickerLocale } from '@/lib/rules/picker';

/**
 * "Identify the customer here" (issue 4): injected by the background with chrome.scripting.executeScript
 * into the active tab's top frame (built to /teach-picker.js). The picker itself is lib/rules/picker.ts;
 * this only reads the two settings it needs (by hand, not with zod: it runs inside a web page) and
 * sends the confirmed rule to the background.
 */
async function readSettings(): Promise<{ locale: PickerLocale; customerCodePattern: string }> {
  let stored: Record<string, unknown> = {};
  try {
    stored = ((await browser.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
  } catch {
    /* defaults below */
  }
  const setting = stored.locale;
  const languages = [browser.i18n?.getUILanguage?.() ?? '', ...navigator.languages];
  const auto: PickerLocale = languages.find((l) => /^(zh|en)/i.test(l))?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
  return {
    locale: setting === 'zh-CN' || setting === 'en' ? setting : auto,
    customerCodePattern: typeof stored.customerCodePattern === 'string' ? stored.customerCodePattern : '',
  };
}

export default defineUnlistedScript(async () => {
  if (window !== window.top) return;
  const settings = await readSettings();
  startPicker({
    ...settings,
    send: (message) => browser.runtime.sendMessage(message),
  });
});
