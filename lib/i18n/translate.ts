import type { LocaleSetting } from '../model/settings';

/**
 * The translation machinery without any messages, so that a surface bundles only the message files it
 * loads (lib/i18n/index.ts: all of them; lib/i18n/panel-bundle.ts: the panel's).
 */
export type Locale = 'zh-CN' | 'en';
/** Each message file maps a key to its two translations, so a missing translation is a type error. */
export type Messages = Record<string, { 'zh-CN': string; en: string }>;

/** Text for a key, with `{name}` placeholders filled from `params`. */
export type Translator<Key extends string> = (key: Key, params?: Record<string, string | number>) => string;

export function makeTranslator<Key extends string>(messages: Record<Key, { 'zh-CN': string; en: string }>, locale: Locale): Translator<Key> {
  return (key, params) => {
    let text: string = messages[key][locale];
    if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  };
}

/** Browser language decides unless the settings say otherwise. */
export function resolveLocale(setting: LocaleSetting, browserLanguages: readonly string[]): Locale {
  if (setting !== 'auto') return setting;
  for (const lang of browserLanguages) {
    const l = lang.toLowerCase();
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
