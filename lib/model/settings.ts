import { z } from 'zod';

export const LocaleSetting = z.enum(['auto', 'zh-CN', 'en']);
export type LocaleSetting = z.infer<typeof LocaleSetting>;

/** Kept in extension storage (storage.local) so the content script can read it without the database. */
export const Settings = z.object({
  locale: LocaleSetting.default('auto'),
  /** Regex source for the company's customer code (客户编码); empty means "do not look for codes". */
  customerCodePattern: z.string().max(500).default(''),
  panelCollapsed: z.boolean().default(false),
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = Settings.parse({});
