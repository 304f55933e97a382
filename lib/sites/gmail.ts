import { detectIdentifiers } from '../match/detect';
import { normaliseEmail } from '../match/identifiers';
import type { PageIdentifier } from '../model/match';
import type { Extracted, ExtractContext, SiteAdapter } from './types';

/**
 * Gmail (mail.google.com/mail/…), one single-page document. An open thread is a list of messages
 * (`div.adn`); an expanded one has the header `h3.iw span.gD[email][name]`, its recipients in
 * `span.hb [email]` and its body in `div.a3s`. A compose window or inline reply (`[data-compose-id]`)
 * holds recipient chips (`[role=option][data-hovercard-id][data-name]`, or the older `div[name=to] …`)
 * and the To input. The account's own address is in the page title ("<subject> - me@x.com - Gmail").
 */

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
/** Reading a newsletter's whole body would cost time for nothing: signatures sit near the top. */
const MAX_BODY = 20_000;

const CHIPS = [
  '[data-compose-id] [role="option"][data-hovercard-id]',
  '[data-compose-id] [email]',
  'div[name="to"] [data-hovercard-id]',
  'div[name="cc"] [data-hovercard-id]',
  'div[name="bcc"] [data-hovercard-id]',
].join(', ');
// Typed but not yet turned into a chip (peoplekit input), and the legacy fields that hold "Name <addr>".
const TYPED = [
  'input[peoplekit-id="BbVjBd"]',
  'input.agP',
  'div[name="to"] input',
  'div[name="cc"] input',
  'div[name="bcc"] input',
  'textarea[name="to"]',
  'textarea[name="cc"]',
  'textarea[name="bcc"]',
  'input[type="hidden"][name="to"]',
  'input[type="hidden"][name="cc"]',
  'input[type="hidden"][name="bcc"]',
].join(', ');

function address(raw: string | null | undefined): string | null {
  const email = normaliseEmail(raw ?? '');
  return EMAIL.test(email) ? email : null;
}

const emailsIn = (text: string) => detectIdentifiers(text).flatMap((d) => (d.kind === 'email' ? [d.value] : []));

/** Address of an element Gmail tags with a person: `email`, else the hovercard id. */
const personAddress = (el: Element) => address(el.getAttribute('email') ?? el.getAttribute('data-hovercard-id'));

function displayName(raw: string | null | undefined, email: string): string {
  const name = (raw ?? '').replace(/<[^>]*>/g, '').trim();
  return name && normaliseEmail(name) !== email ? name : '';
}

function ownerAddress(doc: Document): string | null {
  // The last address in the title is the account's: a subject may contain one too, but comes first.
  const fromTitle = emailsIn(doc.title ?? '').pop();
  if (fromTitle) return fromTitle;
  // The Google account button: aria-label "Google Account: Name (me@x.com)".
  const account = doc.querySelector('a[href^="https://accounts.google.com/SignOutOptions"][aria-label]');
  return emailsIn(account?.getAttribute('aria-label') ?? '').pop() ?? null;
}

/** The message's own text, up to the quoted earlier mail (which may hold the manager's signature). */
function freshText(body: Element): string {
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let text = '';
  for (let n = walker.nextNode(); n && text.length < MAX_BODY; n = walker.nextNode()) {
    if (n.nodeType === Node.ELEMENT_NODE) {
      if ((n as Element).matches('.gmail_quote, blockquote')) break;
    } else if (!/^(STYLE|SCRIPT)$/i.test(n.parentElement?.tagName ?? '')) text += `${n.nodeValue}\n`;
  }
  return text;
}

function read(doc: Document, ctx: ExtractContext): Extracted {
  const owner = ownerAddress(doc);
  const identifiers: PageIdentifier[] = [];
  const names: string[] = [];
  const seen = new Set<string>();
  const add = (kind: PageIdentifier['kind'], value: string, role: PageIdentifier['role']) => {
    if (seen.has(`${kind}:${value}`) || (kind === 'email' && value === owner)) return;
    seen.add(`${kind}:${value}`);
    identifiers.push({ kind, value, role });
  };
  const addName = (name: string) => name && !names.includes(name) && names.push(name);

  // Open messages. Only expanded ones have the h3 header; collapsed ones and inbox rows use other markup.
  const messages = [...doc.querySelectorAll('div.adn')];
  const opened = messages.length
    ? messages.flatMap((m) => {
        const from = m.querySelector('h3.iw [email], td.gF [email], span.gD[data-hovercard-id]');
        return from ? [{ message: m as Element | null, from }] : [];
      })
    : [...doc.querySelectorAll('span.gD[email]')].map((from) => ({ message: null as Element | null, from }));
  const others = opened.filter(({ from }) => {
    const email = personAddress(from);
    return email && email !== owner;
  });
  for (const { from } of others) {
    const email = personAddress(from)!;
    add('email', email, 'sender');
    addName(displayName(from.getAttribute('name') ?? from.textContent, email));
  }
  for (const { message } of others) {
    const body = message?.querySelector('div.a3s');
    if (!body) continue;
    for (const d of detectIdentifiers(freshText(body), { customerCodePattern: ctx.customerCodePattern }))
      if (d.kind === 'mobile') add('mobile', d.value, 'text');
  }
  // Only the manager's own messages are open (the Sent folder): the other party is who they went to.
  if (opened.length && !others.length && owner) {
    for (const { message } of opened)
      for (const to of message?.querySelectorAll('.hb [email]') ?? []) {
        const email = personAddress(to);
        if (email) add('email', email, 'recipient');
      }
  }

  // Compose windows and inline replies.
  for (const chip of doc.querySelectorAll(CHIPS)) {
    const email = personAddress(chip);
    if (!email || email === owner) continue;
    add('email', email, 'recipient');
    addName(displayName(chip.getAttribute('data-name') ?? chip.getAttribute('name'), email));
  }
  for (const field of doc.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(TYPED)) {
    // `.value` is what was typed; the attribute is only the value the page was served with.
    for (const email of emailsIn(field.value ?? '')) add('email', email, 'recipient');
  }
  return { identifiers, names };
}

const adapter: SiteAdapter = {
  id: 'gmail',
  origins: ['https://mail.google.com/*'],
  matches: (url) => url.hostname === 'mail.google.com' && (url.pathname === '/mail' || url.pathname.startsWith('/mail/')),
  // The thread (in [role=main]) and the compose dock are separate children of <body>: nothing narrower holds both.
  watchRoot: () => null,
  extract(doc, ctx) {
    try {
      return read(doc, ctx);
    } catch {
      return { identifiers: [], names: [] }; // markup we do not know: say nothing rather than break the content script
    }
  },
};
export default adapter;
