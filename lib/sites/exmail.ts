import { addressIn, bodyText, collector, commonAncestor, emailsIn, mobilesIn, ownAddressesUp, safely, type Person } from './mail-kit';
import type { Extracted, ExtractContext, SiteAdapter } from './types';

/**
 * Tencent Exmail (exmail.qq.com), the classic QQ Mail code base: the top `/cgi-bin/frame_html` shows the
 * account (`#useraddr`) and loads the mail list, a mail or the compose form into `iframe#mainFrame`, a
 * document of its own (/cgi-bin/readmail, /cgi-bin/readtemplate?t=compose). The sources of each selector are
 * named in tests/fixtures/sites/exmail/*.html.
 * - read: a label `.addrtitle` (发件人： / 收件人： / 抄送：, or "Sender" + "：") is followed by the people it
 *   names, each an element with the address in `e` and the name in `n`; also `#tipFromAddr_readmail[fromaddr]`;
 *   body `#mailContentContainer` inside `#contentDiv`;
 * - compose: `#toAreaCtrl` / `#ccAreaCtrl` / `#bccAreaCtrl` hold chips `.addr_base[addr]` and the input being
 *   typed in; hidden `textarea#to/#cc/#bcc`; the From is `input#sendmailname[value]` and `#sendmailname_val`.
 */
const HOST = 'exmail.qq.com';
const FIELDS = ['toAreaCtrl', 'ccAreaCtrl', 'bccAreaCtrl'];
const SENDER_LABEL = /发件人|^\s*(from|sender)/i;
const RECIPIENT_LABEL = /收件人|抄送|^\s*(to|cc|recipient)/i;
/** A label ends the people of the one before it; a lone "：" in its own `.addrtitle` does not. */
const WORDS = /[\p{L}]/u;
// The whole body is read, quotes included (no fresh-text walk), and a signature sits at the end of a mail:
// 60,000 characters reach it in all but newsletters, which are cut here to keep one scan cheap.
const MAX_BODY = 60_000;

/** The account: the top frame_html's `#useraddr`, and the From of a compose form. */
const ownAddresses = (doc: Document) =>
  ownAddressesUp(doc, (d) => [
    d.querySelector('#useraddr')?.textContent,
    d.querySelector<HTMLInputElement>('input#sendmailname')?.value,
    d.querySelector('#sendmailname_val span')?.textContent,
  ]);

const personOf = (el: Element): Person => ({
  email: addressIn(el.getAttribute('e')),
  name: (el.getAttribute('n') ?? '').trim(),
});

/** The people a label names: what follows it up to the next label (in its cell, or in the next cells). */
function peopleAfter(label: Element): Person[] {
  const walk = (from: Element | null) => {
    const found: Element[] = [];
    for (let el = from; el; el = el.nextElementSibling) {
      if (el.classList.contains('addrtitle') && WORDS.test(el.textContent ?? '')) break;
      if (el.hasAttribute('e')) found.push(el);
      else found.push(...el.querySelectorAll('[e]'));
    }
    return found;
  };
  let found = walk(label.nextElementSibling);
  const cell = label.parentElement;
  if (!found.length && cell && (cell.tagName === 'TD' || cell.tagName === 'TH')) found = walk(cell.nextElementSibling);
  return found.map(personOf).filter((p) => p.email);
}

/** Compose / reply: chips, the text still being typed (`.value`), and the hidden fields the form sends. */
function readCompose(doc: Document, fields: Element[], own: Set<string>): Extracted {
  const out = collector(own);
  const add = (p: Person) => out.addPerson(p, 'recipient');
  for (const field of fields) {
    for (const chip of field.querySelectorAll('.addr_base[addr]')) {
      add({ email: addressIn(chip.getAttribute('addr')), name: (chip.querySelector('b')?.textContent ?? '').trim() });
    }
    for (const input of field.querySelectorAll('input')) for (const email of emailsIn(input.value)) add({ email, name: '' });
  }
  for (const id of ['to', 'cc', 'bcc']) {
    const hidden = doc.getElementById(id);
    if (hidden?.tagName === 'TEXTAREA') for (const email of emailsIn((hidden as HTMLTextAreaElement).value)) add({ email, name: '' });
  }
  return { identifiers: out.identifiers, names: out.names };
}

/**
 * An open mail: its sender unless that is the account itself, whose mail names its customer among the
 * recipients. A conversation shows several headers; each other sender counts once.
 */
function readMail(doc: Document, labels: Element[], own: Set<string>, ctx: ExtractContext): Extracted {
  const senders: Person[] = [];
  const recipients: Person[] = [];
  for (const label of labels) {
    const text = label.textContent ?? '';
    if (SENDER_LABEL.test(text)) senders.push(...peopleAfter(label).slice(0, 1));
    else if (RECIPIENT_LABEL.test(text)) recipients.push(...peopleAfter(label));
  }
  if (!senders.length) {
    const tip = doc.querySelector('#tipFromAddr_readmail[fromaddr]');
    if (tip) senders.push({ email: addressIn(tip.getAttribute('fromaddr')), name: (tip.closest('[n]')?.getAttribute('n') ?? '').trim() });
  }
  const out = collector(own);
  out.addOtherParty(senders, recipients);
  const body = doc.querySelector('#mailContentContainer') ?? doc.querySelector('#contentDiv');
  return { identifiers: [...out.identifiers, ...mobilesIn(bodyText(body, MAX_BODY), ctx)], names: out.names };
}

const adapter: SiteAdapter = {
  id: 'exmail',
  origins: ['https://exmail.qq.com/*'],
  matches: (url) => url.hostname === HOST && url.pathname.startsWith('/cgi-bin/'),
  watchRoot(doc) {
    const fields = FIELDS.flatMap((id) => doc.getElementById(id) ?? []);
    return fields.length ? commonAncestor(fields) : doc.querySelector('#mainmail');
  },
  extract: safely((doc, ctx) => {
    const own = ownAddresses(doc);
    const fields = FIELDS.flatMap((id) => doc.getElementById(id) ?? []);
    if (fields.length) return readCompose(doc, fields, own);
    const labels = [...doc.querySelectorAll('.addrtitle')];
    if (labels.length || doc.querySelector('#tipFromAddr_readmail')) return readMail(doc, labels, own, ctx);
  }),
};
export default adapter;
