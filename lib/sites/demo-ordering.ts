import { normaliseLicence, normaliseMobile, toHalfWidth } from '../match/identifiers';
import type { PageIdentifier } from '../model/match';
import type { Extracted, SiteAdapter } from './types';

/**
 * The demo web ordering system (tests/sites/server.ts, /ordering/). Only the customer block
 * (`section.cust-info`, on customer and order pages) names "the customer on this page"; list pages
 * show hundreds of customers and so yield nothing.
 */
const isLocal = (url: URL) => url.hostname === '127.0.0.1' || url.hostname === 'localhost';

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

const adapter: SiteAdapter = {
  id: 'demo-ordering',
  matches: (url) => isLocal(url) && (url.pathname === '/ordering' || url.pathname.startsWith('/ordering/')),
  // The SPA replaces the content of #app on every navigation; the shell around it never changes.
  watchRoot: (doc) => doc.getElementById('app'),
  extract(doc): Extracted {
    const block = doc.querySelector('#app section.cust-info');
    if (!block) return { identifiers: [], names: [] };
    const identifiers: PageIdentifier[] = [];
    const code = toHalfWidth(text(block.querySelector('.cust-code'))).replace(/\s/g, '');
    if (code) identifiers.push({ kind: 'customerCode', value: code, role: 'field' });
    const licence = normaliseLicence(text(block.querySelector('.cust-licence')));
    if (licence) identifiers.push({ kind: 'licence', value: licence, role: 'field' });
    const phones = block.querySelectorAll('.cust-phone .tel');
    for (const el of phones.length ? [...phones] : [...block.querySelectorAll('.cust-phone')]) {
      const mobile = normaliseMobile(text(el));
      if (mobile && !identifiers.some((i) => i.kind === 'mobile' && i.value === mobile))
        identifiers.push({ kind: 'mobile', value: mobile, role: 'field' });
    }
    const name = text(block.querySelector('.cust-name'));
    return { identifiers, names: name ? [name] : [] };
  },
};
export default adapter;
