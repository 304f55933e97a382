// zod/mini: this schema is read by the panel on every page, and the mini build is tree-shakable, so the
// panel does not carry the full zod library for three fields.
import * as z from 'zod/mini';

export const LocaleSetting = z.enum(['auto', 'zh-CN', 'en']);
export type LocaleSetting = z.infer<typeof LocaleSetting>;

/** Kept in extension storage (storage.local) so the content script can read it without the database. */
export const Settings = z.object({
  locale: z._default(LocaleSetting, 'auto'),
  /** Regex source for the company's customer code (客户编码); empty means "do not look for codes". */
  customerCodePattern: z._default(z.string().check(z.maxLength(500)), ''),
  panelCollapsed: z._default(z.boolean(), false),
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = Settings.parse({});
