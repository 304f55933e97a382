import { detectIdentifiers } from '../match/detect';
import { normaliseEmail } from '../match/identifiers';
import type { PageIdentifier } from '../model/match';
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
const MAX_BODY = 20_000;
const RECIPIENT_FIELDS = ['#toAreaCtrl', '#ccAreaCtrl', '#bccAreaCtrl'];
// QQ quotes the earlier mail under a "------------------ 原始邮件 ------------------" line.
const QUOTE_MARK = /-{4,}\s*(?:原始邮件|Original)/;

function address(raw: string | null | undefined): string | null {
  const email = normaliseEmail((raw ?? '').replace(/^<|>$/g, ''));
  return EMAIL.test(email) ? email : null;
}

const emailsIn = (text: string) => detectIdentifiers(text).flatMap((d) => (d.kind === 'email' ? [d.value] : []));

function displayName(raw: string | null | undefined, email: string): string {
  const name = (raw ?? '')
    .replace(/<[^>]*>/g, '')
    .replace(/[;；]\s*$/, '')
    .trim();
  return name && normaliseEmail(name) !== email ? name : '';
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

/** The message itself, up to the quoted earlier mail (which may hold the manager's own signature). */
function freshText(body: Element): string {
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let text = '';
  for (let n = walker.nextNode(); n && text.length < MAX_BODY; n = walker.nextNode()) {
    if (n.nodeType === Node.ELEMENT_NODE) {
      if ((n as Element).matches('blockquote')) break;
    } else if (!/^(STYLE|SCRIPT)$/i.test(n.parentElement?.tagName ?? '')) {
      if (QUOTE_MARK.test(n.nodeValue ?? '')) break;
      text += `${n.nodeValue}\n`;
    }
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
    addName(displayName(from.getAttribute('n') ?? from.querySelector('b.grn')?.textContent, email));
  }
  if (others.length) {
    // One body per read page, so it belongs to the (first) message shown.
    const body = doc.querySelector('#mailContentContainer');
    if (body)
      for (const d of detectIdentifiers(freshText(body), { customerCodePattern: ctx.customerCodePattern }))
        if (d.kind === 'mobile') add('mobile', d.value, 'text');
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
      addName(displayName(chip.textContent, email));
    }
    for (const input of field.querySelectorAll('input')) for (const email of emailsIn(input.value ?? '')) add('email', email, 'recipient');
  }
  return { identifiers, names };
}

/** The nearest element holding all of `nodes`. */
function commonAncestor(nodes: Element[]): Element | null {
  let root: Element | null = nodes[0] ?? null;
  while (root && !nodes.every((n) => root!.contains(n))) root = root.parentElement;
  return root;
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
  extract(doc, ctx) {
    try {
      return read(doc, ctx);
    } catch {
      return { identifiers: [], names: [] }; // markup we do not know: say nothing rather than break the content script
    }
  },
};
export default adapter;
