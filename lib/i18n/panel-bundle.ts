import { common } from './common';
import { conversation } from './conversation';
import { panel } from './panel';
import { makeTranslator, type Locale, type Messages, type Translator } from './translate';

/**
 * The words the panel's bundle carries: the shared ones, the panel's and its conversation tools'. The
 * panel is framed into every matched page and parses its bundle each time, so it does not load the
 * dashboard's hundreds of messages; a panel component typed with PanelTranslate cannot ask for them.
 */
export const PANEL_MESSAGE_FILES = { common, panel, conversation } satisfies Record<string, Messages>;

const panelMessages = { ...common, ...panel, ...conversation } satisfies Messages;
export type PanelMessageKey = keyof typeof panelMessages;
export type PanelTranslate = Translator<PanelMessageKey>;

export function panelTranslator(locale: Locale): PanelTranslate {
  return makeTranslator(panelMessages, locale);
}
