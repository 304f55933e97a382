import { describe, expect, it } from 'vitest';
import { MESSAGE_FILES, MESSAGE_KEYS, resolveLocale, translator } from '../../lib/i18n';
import { PANEL_MESSAGE_FILES, panelTranslator } from '../../lib/i18n/panel-bundle';

const FILES = Object.values(MESSAGE_FILES);

describe('i18n', () => {
  it('no two message files define the same key (a later file would silently win)', () => {
    const keys = FILES.flatMap((m) => Object.keys(m));
    expect(keys.length).toBe(new Set(keys).size);
    expect(MESSAGE_KEYS.length).toBe(keys.length);
  });

  it("the panel's bundle loads only message files that are among all of them (so the checks here cover it)", () => {
    for (const file of Object.values(PANEL_MESSAGE_FILES)) expect(FILES).toContain(file);
  });

  it('every message has non-empty Chinese and English text with the same placeholders', () => {
    for (const file of FILES) {
      for (const [key, m] of Object.entries(file) as [string, { 'zh-CN': string; en: string }][]) {
        expect(m['zh-CN'].trim(), key).not.toBe('');
        expect(m.en.trim(), key).not.toBe('');
        const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
        expect(slots(m.en), key).toEqual(slots(m['zh-CN']));
      }
    }
  });

  it.each([
    ['auto', ['zh-CN', 'en'], 'zh-CN'],
    ['auto', ['zh-TW'], 'zh-CN'],
    ['auto', ['en-US', 'zh-CN'], 'en'],
    ['auto', ['fr-FR', 'en-GB'], 'en'],
    ['auto', ['fr-FR'], 'zh-CN'],
    ['en', ['zh-CN'], 'en'],
    ['zh-CN', ['en-US'], 'zh-CN'],
  ] as const)('setting %s with browser languages %j → %s', (setting, langs, expected) => {
    expect(resolveLocale(setting, langs)).toBe(expected);
  });

  it('fills placeholders', () => {
    expect(translator('en')('error.invalid', { detail: 'licenceNo' })).toBe('Not valid: licenceNo');
    expect(translator('zh-CN')('error.invalid', { detail: 'uscc' })).toBe('内容不符合要求：uscc');
    expect(panelTranslator('en')('panel.due.overdue', { days: 3 })).toBe('3 d overdue');
  });
});
