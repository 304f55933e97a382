import { detectIdentifiers } from '../match/detect';
import { normaliseEmail } from '../match/identifiers';
import type { PageIdentifier } from '../model/match';
import type { Extracted, SiteAdapter } from './types';

/**
 * The demo webmail (tests/sites/server.ts, /mail/). Two documents: the message, shown in an iframe
 * (`.mail-view`: sender plus mobiles in the body, e.g. a signature), and the top document, where only
 * an open reply box names someone (its recipients). The inbox list is many people, so it yields nothing.
 */
const isLocal = (url: URL) => url.hostname === '127.0.0.1' || url.hostname === 'localhost';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const adapter: SiteAdapter = {
  id: 'demo-webmail',
  matches: (url) => isLocal(url) && (url.pathname === '/mail' || url.pathname.startsWith('/mail/')),
  watchRoot: (doc) => doc.querySelector('.mail-view') ?? doc.querySelector('.compose')?.parentElement ?? null,
  extract(doc, ctx): Extracted {
    const identifiers: PageIdentifier[] = [];
    const names: string[] = [];
    const view = doc.querySelector('.mail-view');
    if (view) {
      const sender = view.querySelector('.sender');
      const email = normaliseEmail(sender?.getAttribute('data-email') ?? '');
      if (EMAIL.test(email)) identifiers.push({ kind: 'email', value: email, role: 'sender' });
      const name = (sender?.getAttribute('data-name') || sender?.textContent || '').trim();
      if (name && name !== email) names.push(name);
      const body = view.querySelector('.mail-body')?.textContent ?? '';
      for (const d of detectIdentifiers(body, { customerCodePattern: ctx.customerCodePattern }))
        if (d.kind === 'mobile') identifiers.push({ kind: 'mobile', value: d.value, role: 'text' });
      return { identifiers, names };
    }
    const compose = doc.querySelector('.compose');
    if (compose && !compose.hasAttribute('hidden')) {
      // `.value` is what the manager typed; the attribute is only the prefilled default.
      const to = compose.querySelector<HTMLInputElement>('input.compose-to');
      const seen = new Set<string>();
      for (const part of (to?.value ?? to?.getAttribute('value') ?? '').split(/[,;，；\s]+/)) {
        // "王芳 <a@b.com>" as well as a bare address.
        const email = normaliseEmail(/<([^>]+)>/.exec(part)?.[1] ?? part);
        if (EMAIL.test(email) && !seen.has(email)) {
          seen.add(email);
          identifiers.push({ kind: 'email', value: email, role: 'recipient' });
        }
      }
    }
    return { identifiers, names };
  },
};
export default adapter;
