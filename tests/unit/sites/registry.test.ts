// @vitest-environment happy-dom
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import generic from '../../../lib/sites/generic';
import { ADAPTERS, adapterFor } from '../../../lib/sites/registry';
import { savedPages } from './saved-pages';

const siteFiles = readdirSync(resolve(__dirname, '../../../lib/sites')).filter(
  (f) => f.endsWith('.ts') && !['registry.ts', 'types.ts'].includes(f) && !f.endsWith('.test.ts'),
);
const fixturesOf = (id: string) => resolve(__dirname, '../../fixtures/sites', id);

/** Addresses adapters are tested against; each must be claimed by exactly one site adapter (or none). */
const SAMPLE_URLS = [
  'http://127.0.0.1:4173/ordering/orders/DD20251124000233',
  'http://127.0.0.1:4173/ordering/customers',
  'http://localhost:4173/mail/',
  'http://127.0.0.1:4173/mail/message/abc',
  'http://127.0.0.1:4173/other-system/shop/9',
  'https://mail.qq.com/cgi-bin/frame_html',
  'https://example.com/',
];

describe('site adapter registry', () => {
  it('registers every adapter file, each once, with a unique id', () => {
    const ids = ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ADAPTERS.length).toBe(siteFiles.length);
  });

  it('every adapter has saved pages to be tested against', () => {
    for (const a of ADAPTERS) {
      expect(existsSync(fixturesOf(a.id)), `tests/fixtures/sites/${a.id}`).toBe(true);
      expect(readdirSync(fixturesOf(a.id)).filter((f) => f.endsWith('.html')).length, a.id).toBeGreaterThan(0);
    }
  });

  it('no two site adapters claim the same page; the generic adapter comes last', () => {
    expect(ADAPTERS.at(-1)).toBe(generic);
    for (const url of SAMPLE_URLS) {
      const claims = ADAPTERS.filter((a) => a !== generic && a.matches(new URL(url))).map((a) => a.id);
      expect(claims.length, `${url} claimed by ${claims.join(', ')}`).toBeLessThanOrEqual(1);
      expect(adapterFor(new URL(url)).id).toBe(claims[0] ?? 'generic');
    }
  });
});

describe('generic adapter', () => {
  const doc = savedPages('generic')('shop-page.html');

  it('finds identifiers in the text and mailto links, but not in scripts, styles or text boxes', () => {
    const found = generic.extract(doc, { customerCodePattern: 'KH\\d{8}' });
    expect(found.identifiers).toEqual([
      { kind: 'licence', value: '440311998877', role: 'text' },
      { kind: 'mobile', value: '13922334455', role: 'text' },
      { kind: 'customerCode', value: 'KH00998877', role: 'text' },
      { kind: 'email', value: 'boss@xinkai-shop.example', role: 'text' },
    ]);
  });

  it('looks for customer codes only when the company’s pattern is set', () => {
    const kinds = generic.extract(doc, { customerCodePattern: '' }).identifiers.map((i) => i.kind);
    expect(kinds).not.toContain('customerCode');
  });
});
