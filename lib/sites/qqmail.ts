import { normaliseEmail } from '../match/identifiers';
import { collector, commonAncestor, displayName, emailsIn, freshText, mobilesIn, safely } from './mail-kit';
import type { Extracted, ExtractContext, SiteAdapter } from './types';

/**
 * QQ Mail, classic UI (mail.qq.com/cgi-bin/…). The top document (frame_html) holds the account address
 * (`#useraddr`) and `iframe#mainFrame`, whose own document is the page that matters: the read page
 * (readmail: `span.addrtitle` "发件人：" + `span[e][n]`, address in `e`, name in `n`; recipients
 * `div.addrtitle ~ span[e][n]`; body `#mailContentContainer`) or compose (readtemplate?t=compose: chips
 * `.addr_base[addr]` and `input`s in `#toAreaCtrl`/`#ccAreaCtrl`/`#bccAreaCtrl`; own address in
 * `input#sendmailname`). The top document yields nothing by itself.
 * Tencent Exmail (exmail.qq.com) shares this code base but has its own adapter.
 */

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const RECIPIENT_FIELDS = ['#toAreaCtrl', '#ccAreaCtrl', '#bccAreaCtrl'];
// QQ quotes the earlier mail in plain text under a "------------------ 原始邮件 ------------------" line
// (other clients in a blockquote). Only the new text before it is read: 20,000 characters is plenty.
const FRESH = { max: 20_000, quote: 'blockquote', quoteLine: /-{4,}\s*(?:原始邮件|Original)/ };
// QQ ends a name (a chip's text above all) with the separator it puts between recipients.
const NAME_SEPARATOR = /[;；]\s*$/;

function address(raw: string | null | undefined): string | null {
  const email = normaliseEmail((raw ?? '').replace(/^<|>$/g, ''));
  return EMAIL.test(email) ? email : null;
}

function ownAddressIn(doc: Document): string | null {
  return (
    address(doc.querySelector<HTMLInputElement>('input#sendmailname')?.value) ??
    emailsIn(doc.querySelector('#useraddr')?.textContent ?? '')[0] ??
    emailsIn(doc.querySelector('#sendmailname_val span')?.textContent ?? '')[0] ??
    null
  );
}

/** The account's address: in this document (compose), else in frame_html around it (same origin, read only). */
function ownerAddress(doc: Document): string | null {
  const own = ownAddressIn(doc);
  if (own) return own;
  try {
    const top = doc.defaultView?.frameElement?.ownerDocument;
    return top && top !== doc ? ownAddressIn(top) : null;
  } catch {
    return null; // a cross-origin parent: nothing to learn there
  }
}

function read(doc: Document, ctx: ExtractContext): Extracted {
  const owner = ownerAddress(doc);
  const { identifiers, names, add, addName } = collector([owner]);

  // Read page: one "发件人：" header per message shown.
  let froms = [...doc.querySelectorAll('span.addrtitle + span[e]')];
  if (!froms.length) froms = [...doc.querySelectorAll('#tipFromAddr_readmail[fromaddr]')];
  const opened = froms.flatMap((from) => {
    const email = address(from.getAttribute('e') ?? from.getAttribute('fromaddr'));
    return email ? [{ from, email }] : [];
  });
  const others = opened.filter((o) => o.email !== owner);
  for (const { from, email } of others) {
    add('email', email, 'sender');
    addName(displayName(from.getAttribute('n') ?? from.querySelector('b.grn')?.textContent, email, NAME_SEPARATOR));
  }
  if (others.length) {
    // One body per read page, so it belongs to the (first) message shown.
    const body = doc.querySelector('#mailContentContainer');
    if (body) for (const m of mobilesIn(freshText(body, FRESH), ctx)) add(m.kind, m.value, m.role);
  } else if (opened.length && owner) {
    // The manager's own mail (Sent folder): the other party is who it went to (收件人 / 抄送 rows).
    for (const to of doc.querySelectorAll('div.addrtitle ~ span[e]')) {
      const email = address(to.getAttribute('e'));
      if (email) add('email', email, 'recipient');
    }
  }

  // Compose: chips carry the address in `addr`; what is still being typed is the inputs' live `.value`.
  for (const field of RECIPIENT_FIELDS.map((id) => doc.querySelector(id))) {
    if (!field) continue;
    for (const chip of field.querySelectorAll('.addr_base[addr]')) {
      const email = address(chip.getAttribute('addr'));
      if (!email || email === owner) continue;
      add('email', email, 'recipient');
      addName(displayName(chip.textContent, email, NAME_SEPARATOR));
    }
    for (const input of field.querySelectorAll('input')) for (const email of emailsIn(input.value ?? '')) add('email', email, 'recipient');
  }
  return { identifiers, names };
}

const adapter: SiteAdapter = {
  id: 'qqmail',
  origins: ['https://mail.qq.com/*'],
  // Every page of the app (frame_html, readmail, readtemplate?t=compose, mail_list …) is a cgi-bin document.
  matches: (url) => url.hostname === 'mail.qq.com' && url.pathname.startsWith('/cgi-bin/'),
  // Read and compose pages are whole documents (the frame reloads); within one, only the header, the body
  // and the recipient fields change.
  watchRoot: (doc) =>
    commonAncestor([...doc.querySelectorAll('.readmailinfo, #mailContentContainer, #toAreaCtrl, #ccAreaCtrl, #bccAreaCtrl')]),
  extract: safely(read),
};
export default adapter;
