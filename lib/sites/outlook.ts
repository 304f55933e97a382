import { normaliseEmail } from '../match/identifiers';
import { collector, displayName, emailsIn, freshText, mobilesIn, safely } from './mail-kit';
import type { Extracted, ExtractContext, SiteAdapter } from './types';

/**
 * Outlook on the web (work/school and outlook.live.com), one single-page document. In the reading pane
 * each message's sender is a span whose aria-label is "From: <address>" (prefix localized; the visible
 * child is the display name), its recipients sit in `[data-testid=RecipientWell]` and its body in
 * `[id^=UniqueMessageBody_]`. A compose form (new mail or inline reply) has To/Cc/Bcc wells,
 * `[role=group][id$=_TO]` etc., holding resolved chips (`._EType_RECIPIENT_ENTITY`, aria-label = address)
 * and the text still being typed. The account's own mailbox is the folder tree's `primaryMailboxRoot_…`.
 */

const HOSTS = new Set([
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
  // Microsoft 365's newer address for the same app (2024 onwards).
  'outlook.cloud.microsoft',
]);
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

// The 2025 hashed class, then the localized aria-label prefixes, which survive Outlook re-hashing its classes.
const FROM_PREFIXES = [
  'From', 'Von', 'De', 'Da', 'Van', 'Från', 'Fra', 'Od', 'От', '发件人', '寄件者', '寄件人', '差出人', '보낸 사람',
];
const FROM = ['span.o4zjZ[aria-label]', ...FROM_PREFIXES.flatMap((p) => [`[aria-label^="${p}:"]`, `[aria-label^="${p}："]`])].join(', ');
const READING = '#ReadingPaneContainerId, [data-app-section="ConversationContainer"]';
const BODY = '[id^="UniqueMessageBody_"]';
const WELLS = [
  '[role="group"][id$="_TO"]',
  '[role="group"][id$="_CC"]',
  '[role="group"][id$="_BCC"]',
  '[contenteditable="true"][aria-label="To"]',
  '[contenteditable="true"][aria-label="Cc"]',
  '[contenteditable="true"][aria-label="Bcc"]',
].join(', ');
const CHIP = '._EType_RECIPIENT_ENTITY';
const CHIP_NAME = 'span[class^="textContainer-"], span[class^="individualText-"]';
// Outlook quotes the earlier mail under its "From: … Sent: …" block (#divRplyFwdMsg, #appendonsend), other
// clients in a blockquote. Only the new text before it is read: 20,000 characters is plenty for a signature.
const FRESH = { max: 20_000, quote: '#divRplyFwdMsg, #appendonsend, blockquote' };

function address(raw: string | null | undefined): string | null {
  const email = normaliseEmail(raw ?? '');
  return EMAIL.test(email) ? email : null;
}

function ownerAddress(doc: Document): string | null {
  const root = doc.querySelector('[id^="primaryMailboxRoot_"]');
  return address(root?.getAttribute('data-folder-name')) ?? emailsIn(root?.getAttribute('title') ?? '')[0] ?? null;
}

/** Text of an element with its text nodes kept apart (a "Cc" button's label must not join the typed address). */
function textOf(el: Element): string {
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) text += `${n.nodeValue}\n`;
  return text;
}

/**
 * The message a sender belongs to: its container (hashed class seen in 2025), else the smallest ancestor
 * within `limit` that also holds a body or a recipient well.
 */
function messageOf(from: Element, limit: Element | null): Element | null {
  const known = from.closest('.aVla3');
  if (known) return known;
  for (let el = from.parentElement; el && el !== limit; el = el.parentElement)
    if (el.querySelector(`${BODY}, [data-testid="RecipientWell"]`)) return el;
  return null;
}

function read(doc: Document, ctx: ExtractContext): Extracted {
  const owner = ownerAddress(doc);
  const { identifiers, names, add, addName } = collector([owner]);

  // Open messages, in the reading pane only: the mail list's rows carry names and labels too.
  const pane = doc.querySelector(READING);
  const opened = [...(pane ?? doc).querySelectorAll(FROM)]
    .filter((el) => !el.closest('#MailList') && !el.closest(WELLS))
    .flatMap((from) => {
      const email = emailsIn(from.getAttribute('aria-label') ?? '')[0];
      return email ? [{ from, email, message: messageOf(from, pane) }] : [];
    });
  const others = opened.filter((o) => o.email !== owner);
  for (const { from, email } of others) {
    add('email', email, 'sender');
    addName(displayName(from.querySelector('span.OZZZK')?.textContent ?? from.textContent, email));
  }
  for (const { message } of others) {
    const body = message?.querySelector(BODY);
    if (!body) continue;
    for (const m of mobilesIn(freshText(body, FRESH), ctx)) add(m.kind, m.value, m.role);
  }
  // Only the manager's own messages are open (Sent Items): the other party is who they went to.
  if (opened.length && !others.length && owner) {
    for (const { message } of opened) {
      const well = message?.querySelector('[data-testid="RecipientWell"]');
      if (!well) continue;
      const labelled = [...well.querySelectorAll('[aria-label], [title]')]
        .map((el) => `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`)
        .join(' ');
      for (const email of emailsIn(`${textOf(well)} ${labelled}`)) add('email', email, 'recipient');
    }
  }

  // Compose: resolved chips first (their aria-label is the address even when they show a name) …
  for (const chip of doc.querySelectorAll(CHIP)) {
    const labels = [chip, ...chip.querySelectorAll('[aria-label]')].map((el) => el.getAttribute('aria-label') ?? '');
    const email = labels.map((l) => emailsIn(l)[0]).find(Boolean) ?? emailsIn(chip.getAttribute('title') ?? '')[0];
    if (!email || email === owner) continue;
    add('email', email, 'recipient');
    addName(displayName(chip.querySelector(CHIP_NAME)?.textContent, email));
  }
  // … then what is still being typed: text in the contenteditable well, or an input's live `.value`.
  for (const well of doc.querySelectorAll(WELLS)) {
    const typed = [...well.querySelectorAll('input')].map((i) => i.value ?? '').join(' ');
    for (const email of emailsIn(`${textOf(well)} ${typed}`)) add('email', email, 'recipient');
  }
  return { identifiers, names };
}

const adapter: SiteAdapter = {
  id: 'outlook',
  origins: [...HOSTS].map((h) => `https://${h}/*`),
  matches: (url) => HOSTS.has(url.hostname) && (url.pathname === '/mail' || url.pathname.startsWith('/mail/')),
  // Messages, inline replies and new mail all render in the reading pane; the folder tree (owner) is static.
  watchRoot: (doc) => doc.querySelector('#ReadingPaneContainerId'),
  extract: safely(read),
};
export default adapter;
