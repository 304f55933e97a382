import { book } from './book';
import { common } from './common';
import { conversation } from './conversation';
import { dashboard } from './dashboard';
import { exchange } from './exchange';
import { handoverMessages } from './handover';
import { inboxMessages } from './inbox';
import { importMessages } from './import';
import { panel } from './panel';
import { reminderMessages } from './reminders';
import { rules } from './rules';
import { sites } from './sites';
import type { LocaleSetting } from '../model/settings';

export type Locale = 'zh-CN' | 'en';
/** Each message file maps a key to its two translations, so a missing translation is a type error. */
export type Messages = Record<string, { 'zh-CN': string; en: string }>;

/** Every message file, one per owner; a key defined twice would silently take the later file's text (tested). */
export const MESSAGE_FILES = { common, panel, dashboard, book, exchange, importMessages, handoverMessages, sites, rules, inboxMessages, conversation, reminderMessages } satisfies Record<string, Messages>;

const all = { ...common, ...panel, ...dashboard, ...book, ...exchange, ...importMessages, ...handoverMessages, ...sites, ...rules, ...inboxMessages, ...conversation, ...reminderMessages } satisfies Messages;
export type MessageKey = keyof typeof all;

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

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => {
    let text: string = all[key][locale];
    if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  };
}

export const MESSAGE_KEYS = Object.keys(all) as MessageKey[];
