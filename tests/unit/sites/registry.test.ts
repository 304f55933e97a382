// @vitest-environment happy-dom
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import generic from '../../../lib/sites/generic';
import { ADAPTERS, adapterFor } from '../../../lib/sites/registry';
import { savedPages } from './saved-pages';

// Every file but these is an adapter (mail-kit.ts: helpers the webmail adapters share).
const siteFiles = readdirSync(resolve(__dirname, '../../../lib/sites')).filter(
  (f) => f.endsWith('.ts') && !['registry.ts', 'types.ts', 'enablement.ts', 'mail-kit.ts'].includes(f) && !f.endsWith('.test.ts'),
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
  'https://mail.qq.com/cgi-bin/readmail?mailid=ZC1&sid=x',
  'https://mail.qq.com/cgi-bin/readtemplate?t=compose&sid=x',
  'https://exmail.qq.com/cgi-bin/frame_html?sid=x',
  'https://exmail.qq.com/cgi-bin/readmail?mailid=1',
  'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTz',
  'https://outlook.office.com/mail/inbox/id/AAQk',
  'https://outlook.live.com/mail/0/',
  'https://mail.163.com/js6/main.jsp?sid=x#module=read',
  'https://mail.126.com/js6/main.jsp?sid=x',
  'https://mail.yeah.net/js6/main.jsp',
  'https://webmail.example-isp.cn/?_task=mail&_action=show&_uid=12&_mbox=INBOX',
  'https://webmail.example-isp.cn/?_task=mail&_action=compose',
  'https://mail.example.com/roundcube/?_task=settings',
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

describe('webmail adapters', () => {
  it('each claims its own webmail and names the hosts to enable', () => {
    const claims: [string, string][] = [
      ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTz', 'gmail'],
      ['https://outlook.office.com/mail/inbox/id/AAQk', 'outlook'],
      ['https://mail.qq.com/cgi-bin/readmail?mailid=ZC1&sid=x', 'qqmail'],
      ['https://exmail.qq.com/cgi-bin/readmail?mailid=1', 'exmail'],
      ['https://mail.126.com/js6/main.jsp?sid=x', 'mail163'],
      ['https://webmail.example-isp.cn/?_task=mail&_action=show&_uid=12&_mbox=INBOX', 'roundcube'],
      ['https://mail.example.com/roundcube/?_task=settings', 'generic'],
    ];
    for (const [url, id] of claims) expect(adapterFor(new URL(url)).id, url).toBe(id);
    for (const a of ADAPTERS.filter((a) => ['gmail', 'outlook', 'qqmail', 'exmail', 'mail163'].includes(a.id))) {
      expect(a.origins?.length, a.id).toBeGreaterThan(0);
      for (const o of a.origins!) expect(o, a.id).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
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
