import { addressIn, bodyText, collector, emailsIn, mobilesIn, safely, type Person } from './mail-kit';
import type { Extracted, ExtractContext, SiteAdapter } from './types';

/**
 * 163 / 126 / yeah.net Mail: one NetEase client (/js6/main.jsp) where every open mail and every compose
 * window is a tab `[id^="_dvModuleContainer_"]` inside one container; the tabs in the background carry an
 * inline `display: none`. The sources of each selector are named in tests/fixtures/sites/mail163/*.html.
 * - account: `#spnUid` (the full address);
 * - read tab: `ul#ulFull` with rows `li.fS`: label `div.fT` (发件人：/收件人：) and `.js-component-addr.nui-addr`
 *   holding `span.nui-addr-name` and `span.nui-addr-email` (`<addr>`); the recipients row is `li[id$="_liReadOutto"]`;
 * - the body is an iframe (/js6/read/readhtml.jsp) whose document wraps the mail in `.netease_mail_readhtml`;
 * - compose tab: `.js-component-emailcontainer` holds chips `.nui-addr[title=addr]` (`em.nui-addr-email`) and
 *   the input `input.nui-editableAddr-ipt` being typed in; the From link is `a[title^="发件人地址"]`, address in `span.re`.
 */
const HOSTS = new Set(['mail.163.com', 'mail.126.com', 'mail.yeah.net']);
const TAB = '[id^="_dvModuleContainer_"]';
const BODY = '.netease_mail_readhtml';
const SENDER_LABEL = /发件人|^\s*from/i;
const RECIPIENT_LABEL = /收件人|抄送|^\s*(to|cc)\b/i;
// The whole body is read, quotes included (no fresh-text walk), and a signature sits at the end of a mail:
// 60,000 characters reach it in all but newsletters, which are cut here to keep one scan cheap.
const MAX_BODY = 60_000;

function inHiddenTab(el: Element): boolean {
  const tab = el.closest(TAB);
  return !!tab && (tab.hasAttribute('hidden') || /display\s*:\s*none/i.test(tab.getAttribute('style') ?? ''));
}

const shown = (els: Iterable<Element>): Element[] => [...els].filter((el) => !inHiddenTab(el));

/** The account's own addresses: the header's `#spnUid` and the From of any compose tab. */
function ownAddresses(doc: Document): Set<string> {
  const own = new Set<string>();
  const uid = (doc.querySelector('#spnUid')?.textContent ?? '').trim();
  // Older headers show the user name alone; the mailbox's domain is the host's without "mail.".
  const host = doc.location?.hostname ?? '';
  const account = addressIn(uid) || (uid && HOSTS.has(host) ? addressIn(`${uid}@${host.slice(5)}`) : '');
  if (account) own.add(account);
  for (const from of doc.querySelectorAll('a[title^="发件人地址"] .re')) {
    const email = addressIn(from.textContent);
    if (email) own.add(email);
  }
  return own;
}

function personIn(addr: Element): Person {
  const email = addressIn(addr.querySelector('.nui-addr-email')?.textContent) || addressIn(addr.getAttribute('title'));
  return { email, name: (addr.querySelector('.nui-addr-name')?.textContent ?? '').trim() };
}

/** Recipients of the compose tab in front: chips plus whatever is still being typed (`.value`, not the attribute). */
function readCompose(fields: Element[], own: Set<string>): Extracted {
  const out = collector(own);
  for (const field of fields) {
    for (const chip of field.querySelectorAll('.nui-addr')) out.addPerson(personIn(chip), 'recipient');
    for (const input of field.querySelectorAll('input')) {
      for (const email of emailsIn(input.value)) out.addPerson({ email, name: '' }, 'recipient');
    }
  }
  return { identifiers: out.identifiers, names: out.names };
}

/**
 * The open mail(s): the other party's address as sender. A mail the account sent itself names its customer
 * among the recipients instead. In conversation mode several headers are shown; each other sender counts once.
 */
function readMail(headers: Element[], own: Set<string>, ctx: ExtractContext): Extracted {
  const senders: Person[] = [];
  const recipients: Person[] = [];
  for (const header of headers) {
    for (const row of header.children) {
      if (row.tagName !== 'LI') continue;
      const label = row.querySelector('.fT')?.textContent ?? '';
      const people = [...row.querySelectorAll('.js-component-addr, .nui-addr')].map(personIn);
      if (SENDER_LABEL.test(label)) senders.push(...people.slice(0, 1));
      else if (row.id.endsWith('_liReadOutto') || RECIPIENT_LABEL.test(label)) recipients.push(...people);
    }
  }
  const out = collector(own);
  out.addOtherParty(senders, recipients);
  // The body is usually a frame of its own (read as such); an inline one is read here.
  const body = headers[0].closest(TAB)?.querySelector(BODY);
  return { identifiers: [...out.identifiers, ...mobilesIn(bodyText(body, MAX_BODY), ctx)], names: out.names };
}

const adapter: SiteAdapter = {
  id: 'mail163',
  origins: ['https://mail.163.com/*', 'https://mail.126.com/*', 'https://mail.yeah.net/*'],
  matches: (url) => HOSTS.has(url.hostname) && /^\/js\d+\//.test(url.pathname),
  watchRoot: (doc) => doc.querySelector(TAB)?.parentElement ?? doc.querySelector(BODY),
  extract: safely((doc, ctx) => {
    // The mail body's own frame (readhtml.jsp): only what its text says, i.e. the signature's mobiles.
    if (!doc.querySelector(TAB)) return { identifiers: mobilesIn(bodyText(doc.querySelector(BODY), MAX_BODY), ctx), names: [] };
    const own = ownAddresses(doc);
    const fields = shown(doc.querySelectorAll('.js-component-emailcontainer'));
    if (fields.length) return readCompose(fields, own);
    const headers = shown(doc.querySelectorAll('ul[id$="ulFull"]'));
    if (headers.length) return readMail(headers, own, ctx);
  }),
};
export default adapter;
