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
import { makeTranslator, type Locale, type Messages, type Translator } from './translate';

export { resolveLocale, type Locale, type Messages, type Translator } from './translate';

/** Every message file, one per owner; a key defined twice would silently take the later file's text (tested). */
export const MESSAGE_FILES = { common, panel, dashboard, book, exchange, importMessages, handoverMessages, sites, rules, inboxMessages, conversation, reminderMessages } satisfies Record<string, Messages>;

const all = { ...common, ...panel, ...dashboard, ...book, ...exchange, ...importMessages, ...handoverMessages, ...sites, ...rules, ...inboxMessages, ...conversation, ...reminderMessages } satisfies Messages;
export type MessageKey = keyof typeof all;

export type Translate = Translator<MessageKey>;

/** Every surface's words; the panel loads only its own (lib/i18n/panel-bundle.ts). */
export function translator(locale: Locale): Translate {
  return makeTranslator(all, locale);
}

export const MESSAGE_KEYS = Object.keys(all) as MessageKey[];
