import { normaliseEmail } from '../match/identifiers';
import { collector, displayName, emailsIn, freshText, mobilesIn, safely } from './mail-kit';
import type { Extracted, ExtractContext, SiteAdapter } from './types';

/**
 * Gmail (mail.google.com/mail/…), one single-page document. An open thread is a list of messages
 * (`div.adn`); an expanded one has the header `h3.iw span.gD[email][name]`, its recipients in
 * `span.hb [email]` and its body in `div.a3s`. A compose window or inline reply (`[data-compose-id]`)
 * holds recipient chips (`[role=option][data-hovercard-id][data-name]`, or the older `div[name=to] …`)
 * and the To input. The account's own address is in the page title ("<subject> - me@x.com - Gmail").
 */

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
// Gmail wraps the quoted earlier mail in .gmail_quote (other clients' in a blockquote). Only the new text
// before it is read, where the signature sits near the top: 20,000 characters is plenty.
const FRESH = { max: 20_000, quote: '.gmail_quote, blockquote' };

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

/** Address of an element Gmail tags with a person: `email`, else the hovercard id. */
const personAddress = (el: Element) => address(el.getAttribute('email') ?? el.getAttribute('data-hovercard-id'));

function ownerAddress(doc: Document): string | null {
  // The last address in the title is the account's: a subject may contain one too, but comes first.
  const fromTitle = emailsIn(doc.title ?? '').pop();
  if (fromTitle) return fromTitle;
  // The Google account button: aria-label "Google Account: Name (me@x.com)".
  const account = doc.querySelector('a[href^="https://accounts.google.com/SignOutOptions"][aria-label]');
  return emailsIn(account?.getAttribute('aria-label') ?? '').pop() ?? null;
}

function read(doc: Document, ctx: ExtractContext): Extracted {
  const owner = ownerAddress(doc);
  const { identifiers, names, add, addName } = collector([owner]);

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
    for (const m of mobilesIn(freshText(body, FRESH), ctx)) add(m.kind, m.value, m.role);
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
  extract: safely(read),
};
export default adapter;
