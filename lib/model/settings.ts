// zod/mini: this schema is read by the panel on every page, and the mini build is tree-shakable, so the
// panel does not carry the full zod library for three fields.
import * as z from 'zod/mini';

export const LocaleSetting = z.enum(['auto', 'zh-CN', 'en']);
export type LocaleSetting = z.infer<typeof LocaleSetting>;

/** Kept in extension storage (storage.local) so the content script can read it without the database. */
/** One row of the visit cadence policy (lib/cadence.ts); the first row that fits a customer decides. */
export const CadenceRuleSetting = z.object({
  segments: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(40))).check(z.maxLength(20))),
  classRange: z.optional(z.tuple([z.number().check(z.int(), z.gte(0), z.lte(999)), z.number().check(z.int(), z.gte(0), z.lte(999))])),
  intervalDays: z.number().check(z.int(), z.gte(1), z.lte(365)),
  method: z.enum(['visit', 'call']),
});

const HHMM = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

/** Reminders (issue 5): browser notifications at a task's time, outside quiet hours; dates a few days ahead. */
export const ReminderSettings = z.object({
  enabled: z._default(z.boolean(), true),
  /** No notification between these times (a window may wrap midnight: 21:00–08:00); they wait until it ends. */
  quietStart: z._default(HHMM, '21:00'),
  quietEnd: z._default(HHMM, '08:00'),
  /** Tasks with a due date but no time are reminded at this time on the day. */
  dayTime: z._default(HHMM, '09:00'),
  /** Birthdays and important dates are reminded this many days ahead (0 = on the day). */
  dateLeadDays: z._default(z.number().check(z.int(), z.gte(0), z.lte(30)), 3),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export const Settings = z.object({
  locale: z._default(LocaleSetting, 'auto'),
  /** Regex source for the company's customer code (客户编码); empty means "do not look for codes". */
  customerCodePattern: z._default(z.string().check(z.maxLength(500)), ''),
  panelCollapsed: z._default(z.boolean(), false),
  /** Visit cadence policy; empty means the defaults of domain.md (lib/cadence DEFAULT_CADENCE). */
  cadence: z._default(z.array(CadenceRuleSetting).check(z.maxLength(50)), []),
  reminders: z._default(ReminderSettings, { enabled: true, quietStart: '21:00', quietEnd: '08:00', dayTime: '09:00', dateLeadDays: 3 }),
  /** The manager's line of business; 'auto' lets each customer's record decide (talking points). */
  industry: z._default(z.enum(['auto', 'tobacco', 'bank', 'telecom', 'other']), 'auto'),
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = Settings.parse({});
