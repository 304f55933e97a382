import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { mergeSettings, parseStoredSettings, SettingsError, validateCustomerCodePattern } from '../../lib/settings';
import { backupFileName } from '../../lib/io/download';

describe('parseStoredSettings', () => {
  it('gives the defaults for nothing stored or a non-object', () => {
    for (const raw of [undefined, null, 'zh-CN', 42, [], true]) expect(parseStoredSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid stored settings', () => {
    const raw = { locale: 'en', customerCodePattern: 'KH\\d{8}', panelCollapsed: true };
    expect(parseStoredSettings(raw)).toEqual({ ...DEFAULT_SETTINGS, ...raw });
  });

  it('a bad cadence row or reminder time falls back to the defaults and keeps the rest', () => {
    const s = parseStoredSettings({ locale: 'en', cadence: [{ intervalDays: 0, method: 'visit' }], reminders: { enabled: false, quietStart: '25:00' } });
    expect(s.locale).toBe('en');
    expect(s.cadence).toEqual(DEFAULT_SETTINGS.cadence);
    expect(s.reminders).toEqual(DEFAULT_SETTINGS.reminders);
    const good = parseStoredSettings({ cadence: [{ segments: ['核心'], intervalDays: 10, method: 'call' }], reminders: { enabled: false, quietStart: '22:30' } });
    expect(good.cadence).toEqual([{ segments: ['核心'], intervalDays: 10, method: 'call' }]);
    expect(good.reminders).toMatchObject({ enabled: false, quietStart: '22:30', quietEnd: '08:00' });
  });

  it('fills missing fields with defaults', () => {
    expect(parseStoredSettings({ locale: 'zh-CN' })).toEqual({ ...DEFAULT_SETTINGS, locale: 'zh-CN' });
  });

  it('falls back field by field, keeping the good fields', () => {
    expect(parseStoredSettings({ locale: 'fr', customerCodePattern: 'KH\\d{8}', panelCollapsed: 'yes' })).toEqual({
      ...DEFAULT_SETTINGS,
      locale: 'auto',
      customerCodePattern: 'KH\\d{8}',
      panelCollapsed: false,
    });
    expect(parseStoredSettings({ locale: 'en', customerCodePattern: 12 })).toEqual({ ...DEFAULT_SETTINGS, locale: 'en' });
  });

  it('drops a stored pattern that does not compile or matches the empty string', () => {
    expect(parseStoredSettings({ locale: 'en', customerCodePattern: 'KH(' })).toEqual({ ...DEFAULT_SETTINGS, locale: 'en' });
    expect(parseStoredSettings({ customerCodePattern: '\\d*' }).customerCodePattern).toBe('');
  });

  it('ignores keys it does not know', () => {
    expect(parseStoredSettings({ locale: 'en', futureOption: 1 })).toEqual({ ...DEFAULT_SETTINGS, locale: 'en' });
  });

  it('never returns the shared default object', () => {
    const s = parseStoredSettings(undefined);
    s.locale = 'en';
    expect(DEFAULT_SETTINGS.locale).toBe('auto');
  });
});

describe('validateCustomerCodePattern', () => {
  it('accepts empty (codes are not looked for)', () => {
    expect(validateCustomerCodePattern('')).toEqual({ ok: true });
    expect(validateCustomerCodePattern('   ')).toEqual({ ok: true });
  });

  it('accepts ordinary patterns', () => {
    for (const p of ['KH\\d{8}', '\\b4403\\d{8}\\b', '客户编号[:：]\\s*([A-Z0-9]+)', '[A-Z]{2}-\\d+']) {
      expect(validateCustomerCodePattern(p), p).toEqual({ ok: true });
    }
  });

  it('refuses patterns that do not compile', () => {
    for (const p of ['KH(', '[a-', '\\d{2,1}', '*KH']) {
      const r = validateCustomerCodePattern(p);
      expect(r.ok, p).toBe(false);
      if (!r.ok) {
        expect(r.reason).toBe('syntax');
        expect(r.error).toBeTruthy();
      }
    }
  });

  it('refuses a pattern that only breaks after full-width folding', () => {
    // '（' is folded to '(' by detect.ts, which would leave the group unclosed.
    const r = validateCustomerCodePattern('客户（\\d+');
    expect(r.ok).toBe(false);
  });

  it('refuses patterns that match the empty string', () => {
    for (const p of ['\\d*', 'a?', '(?:KH)?', '\\b', '(?=KH)', '^', 'x|']) {
      const r = validateCustomerCodePattern(p);
      expect(r, p).toMatchObject({ ok: false, reason: 'matchesEmpty' });
    }
  });

  it('refuses patterns longer than the schema allows', () => {
    expect(validateCustomerCodePattern('a'.repeat(501))).toMatchObject({ ok: false, reason: 'tooLong' });
  });
});

describe('mergeSettings', () => {
  it('applies a patch', () => {
    expect(mergeSettings(DEFAULT_SETTINGS, { locale: 'en' })).toEqual({ ...DEFAULT_SETTINGS, locale: 'en' });
  });

  it('refuses an invalid patch', () => {
    expect(() => mergeSettings(DEFAULT_SETTINGS, { customerCodePattern: '\\d*' })).toThrow(SettingsError);
    expect(() => mergeSettings(DEFAULT_SETTINGS, { locale: 'fr' as 'en' })).toThrow(SettingsError);
  });
});

describe('backupFileName', () => {
  it('uses local date and time, zero-padded', () => {
    expect(backupFileName(new Date(2025, 2, 4, 9, 5))).toBe('account-lens-backup-20250304-0905.json');
    expect(backupFileName(new Date(2024, 11, 31, 23, 59))).toBe('account-lens-backup-20241231-2359.json');
  });
});
