import { createContext, useContext } from 'react';
import { translator, type Locale, type Translate } from '@/lib/i18n';

export interface LocaleContextValue {
  locale: Locale;
  t: Translate;
}

export const LocaleContext = createContext<LocaleContextValue>({ locale: 'zh-CN', t: translator('zh-CN') });

/** The dashboard's current language and its translate function. */
export function useLocale(): LocaleContextValue {
  return useContext(LocaleContext);
}
