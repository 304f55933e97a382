import { describe, expect, it } from 'vitest';
import { isValidPattern, matchesPattern, proposePattern } from '../../../lib/rules/url-pattern';

describe('matchesPattern', () => {
  it.each([
    // pattern, url, expected
    ['https://order.example.com/customer/*', 'https://order.example.com/customer/KH30512001', true],
    ['https://order.example.com/customer/*', 'https://order.example.com/customer/', true],
    ['https://order.example.com/customer/*', 'https://order.example.com/customer', false],
    ['https://order.example.com/customer/*', 'https://order.example.com/orders/1', false],
    ['https://order.example.com/customer/*', 'http://order.example.com/customer/1', false],
    ['*://order.example.com/customer/*', 'http://order.example.com/customer/1', true],
    ['*://order.example.com/customer/*', 'https://order.example.com/customer/1', true],
    ['*://order.example.com/*', 'ftp://order.example.com/x', false],
    // query and fragment ignored, on both sides
    ['https://crm.example.com/cust/detail.do', 'https://crm.example.com/cust/detail.do?id=30512001#top', true],
    ['https://crm.example.com/cust/detail.do?id=1', 'https://crm.example.com/cust/detail.do?id=2', true],
    ['https://crm.example.com/', 'https://crm.example.com/#/customer/30512001', true],
    // host case-insensitive, path case-sensitive
    ['https://ORDER.Example.COM/customer/*', 'https://order.example.com/customer/1', true],
    ['https://order.example.com/Customer/*', 'https://order.example.com/customer/1', false],
    // subdomain wildcard: the domain itself and any subdomain, nothing else
    ['https://*.example.com/*', 'https://example.com/a', true],
    ['https://*.example.com/*', 'https://a.b.example.com/a', true],
    ['https://*.example.com/*', 'https://badexample.com/a', false],
    ['https://*.example.com/*', 'https://example.com.evil.cn/a', false],
    // ports: written → must match; not written → any
    ['http://127.0.0.1:5178/ordering/*', 'http://127.0.0.1:5178/ordering/customers', true],
    ['http://127.0.0.1:5178/ordering/*', 'http://127.0.0.1:5179/ordering/customers', false],
    ['http://127.0.0.1/ordering/*', 'http://127.0.0.1:5178/ordering/customers', true],
    ['https://crm.example.com:443/*', 'https://crm.example.com/x', true],
    // no path: the whole site
    ['https://crm.example.com', 'https://crm.example.com/deep/page', true],
    // wildcards in the middle of the path, and literal regex characters
    ['https://crm.example.com/cust/*/orders', 'https://crm.example.com/cust/12/orders', true],
    ['https://crm.example.com/cust/*/orders', 'https://crm.example.com/cust/12/orders/3', false],
    ['https://crm.example.com/a.b/(x)/*', 'https://crm.example.com/a.b/(x)/1', true],
    ['https://crm.example.com/a.b/*', 'https://crm.example.com/aXb/1', false],
    // non-ASCII path as typed matches the encoded address
    ['https://crm.example.com/客户/*', 'https://crm.example.com/%E5%AE%A2%E6%88%B7/1', true],
    // invalid patterns and addresses match nothing
    ['https://*/*', 'https://example.com/', false],
    ['https://ex*ample.com/*', 'https://example.com/', false],
    ['https://example.*/*', 'https://example.com/', false],
    ['example.com/*', 'https://example.com/', false],
    ['https://example.com/*', 'not a url', false],
  ])('%s vs %s → %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
  });

  it('tells well-formed patterns from others', () => {
    for (const p of ['https://a.com/*', '*://*.a.com/x/*', 'http://127.0.0.1:5178/ordering/*', 'https://a.com']) expect(isValidPattern(p), p).toBe(true);
    for (const p of ['', 'a.com/*', 'https://*/', 'https://a.*.com/', 'https://a.com:port/', 'file:///c/x', 'https:///x', 'https://a.com/ x'])
      expect(isValidPattern(p), p).toBe(false);
  });
});

describe('proposePattern', () => {
  it.each([
    ['http://127.0.0.1:5178/ordering/customers/KH30512001', 'http://127.0.0.1:5178/ordering/customers/*'],
    ['http://127.0.0.1:5178/ordering/orders/DD20251124000233', 'http://127.0.0.1:5178/ordering/orders/*'],
    ['https://crm.example.com/customer/30512001/detail', 'https://crm.example.com/customer/*/detail'],
    ['https://crm.example.com/customer/9b2f4c1e-7a3d-4e2b-9c1f-0d2e3f4a5b6c', 'https://crm.example.com/customer/*'],
    ['https://crm.example.com/c/5f0c3a9e8b7d6c5b4a39281f', 'https://crm.example.com/c/*'],
    ['https://crm.example.com/cust/detail.do?custId=30512001', 'https://crm.example.com/cust/detail.do'],
    ['https://crm.example.com/cust/detail.do;jsessionid=8F3A2B1C0D?id=1', 'https://crm.example.com/cust/detail.do*'],
    ['https://crm.example.com/customer-30512001.html', 'https://crm.example.com/customer-*.html'],
    ['https://crm.example.com/#/customer/30512001', 'https://crm.example.com/*'],
    ['https://crm.example.com/app/', 'https://crm.example.com/app/*'],
    ['https://CRM.Example.com/v2/customers/view', 'https://crm.example.com/v2/customers/view'],
    ['https://crm.example.com/page/2/list', 'https://crm.example.com/page/*/list'],
  ])('%s → %s', (url, expected) => {
    const p = proposePattern(url);
    expect(p).toBe(expected);
    expect(isValidPattern(p)).toBe(true);
    expect(matchesPattern(p, url), 'claims the page it was made on').toBe(true);
  });

  it('claims the other customers of the same page kind', () => {
    const p = proposePattern('https://crm.example.com/customer/30512001/detail');
    expect(matchesPattern(p, 'https://crm.example.com/customer/40110002/detail')).toBe(true);
    expect(matchesPattern(p, 'https://crm.example.com/orders/40110002/detail')).toBe(false);
  });
});
