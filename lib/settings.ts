import type { Storage } from 'webextension-polyfill';
import type { MessageKey } from './i18n';
import { toHalfWidth } from './match/identifiers';
import { DEFAULT_SETTINGS, Settings } from './model/settings';

/**
 * The manager's settings, kept in `browser.storage.local` under one key so that the content script can
 * read them without the database (design.md rule 2). Every read and write goes through the zod schema.
 */
export const SETTINGS_KEY = 'settings';

/** The polyfill throws when imported outside an extension, so it is loaded on first use: the pure parts stay testable in Node. */
const extensionApi = async () => (await import('webextension-polyfill')).default;

export type PatternCheck =
  | { ok: true }
  | { ok: false; reason: 'syntax' | 'matchesEmpty' | 'tooLong'; error: string };

/** Customer-code patterns offered as examples in settings; `label` names a dashboard message. */
export const CUSTOMER_CODE_PATTERN_EXAMPLES: { pattern: string; label: MessageKey }[] = [
  { pattern: 'KH\\d{8}', label: 'settings.pattern.example.kh' },
  { pattern: '\\b4403\\d{8}\\b', label: 'settings.pattern.example.area' },
  { pattern: '客户编号[:：]\\s*([A-Z0-9]+)', label: 'settings.pattern.example.label' },
];

/** Longest pattern the schema accepts. */
export const MAX_PATTERN_LENGTH = 500;

/** Texts a pattern is tried on to catch one that can match nothing at all (`\b`, `x*`, `(?=KH)`). */
const EMPTY_MATCH_PROBES = ['', ' ', 'a', '0', 'KH12345678', '客户编码：KH00000001\n', 'Customer code: 440300000001.'];

/**
 * Checks a customer-code pattern (客户编码规则) before it is saved. Empty means "do not look for codes"
 * and is fine. Otherwise it must compile with flag 'g' (as written and after the full-width folding that
 * lib/match/detect applies) and must never match the empty string, which would find "codes" everywhere.
 */
export function validateCustomerCodePattern(src: string): PatternCheck {
  if (!src.trim()) return { ok: true };
  if (src.length > MAX_PATTERN_LENGTH) return { ok: false, reason: 'tooLong', error: `longer than ${MAX_PATTERN_LENGTH} characters` };
  let re: RegExp;
  try {
    new RegExp(src, 'g');
    re = new RegExp(toHalfWidth(src), 'g');
  } catch (err) {
    return { ok: false, reason: 'syntax', error: err instanceof Error ? err.message : String(err) };
  }
  for (const probe of EMPTY_MATCH_PROBES) {
    for (const m of probe.matchAll(re)) {
      if (m[0] === '') return { ok: false, reason: 'matchesEmpty', error: 'the pattern matches the empty string' };
    }
  }
  return { ok: true };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Turns whatever is stored under `settings` into valid Settings. Each field is checked on its own, so one
 * bad field (an old format, a hand edit) falls back to its default without losing the others.
 */
export function parseStoredSettings(raw: unknown): Settings {
  if (!isRecord(raw)) return { ...DEFAULT_SETTINGS };
  const whole = Settings.safeParse(raw);
  const out: Settings = whole.success ? whole.data : { ...DEFAULT_SETTINGS };
  if (!whole.success) {
    const shape = Settings.shape;
    for (const key of Object.keys(shape) as (keyof Settings)[]) {
      const field = shape[key].safeParse(raw[key]);
      if (field.success) (out as Record<keyof Settings, unknown>)[key] = field.data;
    }
  }
  if (!validateCustomerCodePattern(out.customerCodePattern).ok) out.customerCodePattern = DEFAULT_SETTINGS.customerCodePattern;
  return out;
}

/** Thrown by saveSettings when the patch is not valid; nothing is written then. */
export class SettingsError extends Error {
  constructor(
    readonly field: keyof Settings,
    readonly detail: string,
  ) {
    super(`${field}: ${detail}`);
  }
}

/**
 * Applies a patch to stored settings and validates the result; throws SettingsError (writing nothing)
 * when it is not valid. Pure, so the rule is testable without a browser.
 */
export function mergeSettings(current: Settings, patch: Partial<Settings>): Settings {
  const merged = Settings.safeParse({ ...current, ...patch });
  if (!merged.success) {
    const issue = merged.error.issues[0];
    throw new SettingsError(String(issue.path[0] ?? 'locale') as keyof Settings, issue.message);
  }
  const check = validateCustomerCodePattern(merged.data.customerCodePattern);
  if (!check.ok) throw new SettingsError('customerCodePattern', check.error);
  return merged.data;
}

export async function loadSettings(): Promise<Settings> {
  const browser = await extensionApi();
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseStoredSettings(stored[SETTINGS_KEY]);
}

/** Read-modify-write of the stored settings. Keys this build does not know (a newer version's) are kept. */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const browser = await extensionApi();
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const next = mergeSettings(parseStoredSettings(stored), patch);
  await browser.storage.local.set({ [SETTINGS_KEY]: { ...(isRecord(stored) ? stored : {}), ...next } });
  return next;
}

/** Calls `cb` with the new settings whenever they change (in any extension page or the content script). Returns an unsubscribe. */
export function watchSettings(cb: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) cb(parseStoredSettings(changes[SETTINGS_KEY].newValue));
  };
  let stopped = false;
  let stop = () => {
    stopped = true;
  };
  void extensionApi().then((browser) => {
    if (stopped) return;
    browser.storage.onChanged.addListener(listener);
    stop = () => browser.storage.onChanged.removeListener(listener);
  });
  return () => stop();
}
