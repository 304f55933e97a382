import { detectIdentifiers } from '../match/detect';
import { normaliseEmail } from '../match/identifiers';
import type { PageIdentifier } from '../model/match';
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
const MAX_BODY = 60_000;
const EMAIL = /^[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[a-z]{2,}$/i;

interface Person {
  email: string;
  name: string;
}

function addressIn(raw: string | null | undefined): string {
  if (!raw) return '';
  const email = normaliseEmail(/<([^<>]+)>/.exec(raw)?.[1] ?? raw);
  return EMAIL.test(email) ? email : '';
}

function addressesIn(text: string): string[] {
  return detectIdentifiers(text).flatMap((d) => (d.kind === 'email' ? [d.value] : []));
}

/** This frame's document and those of the frames above it that share its origin (the top frame_html). */
function documentsUp(doc: Document): Document[] {
  const docs = [doc];
  let win: Window | null = doc.defaultView;
  try {
    while (win?.parent && win.parent !== win && docs.length < 4) {
      win = win.parent;
      docs.push(win.document); // throws for a frame of another origin
    }
  } catch {
    // Cross-origin parent: what this frame shows is all there is.
  }
  return docs;
}

function ownAddresses(doc: Document): Set<string> {
  const own = new Set<string>();
  for (const d of documentsUp(doc)) {
    const found = [
      d.querySelector('#useraddr')?.textContent,
      d.querySelector<HTMLInputElement>('input#sendmailname')?.value,
      d.querySelector('#sendmailname_val span')?.textContent,
    ];
    for (const raw of found) {
      const email = addressIn(raw);
      if (email) own.add(email);
    }
  }
  return own;
}

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

function mobilesIn(el: Element | null | undefined, ctx: ExtractContext): PageIdentifier[] {
  const text = (el?.textContent ?? '').slice(0, MAX_BODY);
  if (!text) return [];
  return detectIdentifiers(text, { customerCodePattern: ctx.customerCodePattern }).flatMap((d) =>
    d.kind === 'mobile' ? [{ kind: 'mobile' as const, value: d.value, role: 'text' as const }] : [],
  );
}

function collector() {
  const identifiers: PageIdentifier[] = [];
  const names: string[] = [];
  const seen = new Set<string>();
  return {
    identifiers,
    names,
    add(p: Person, role: PageIdentifier['role']) {
      if (!p.email || seen.has(p.email)) return;
      seen.add(p.email);
      identifiers.push({ kind: 'email', value: p.email, role });
      if (p.name && normaliseEmail(p.name) !== p.email && !names.includes(p.name)) names.push(p.name);
    },
  };
}

/** Compose / reply: chips, the text still being typed (`.value`), and the hidden fields the form sends. */
function readCompose(doc: Document, fields: Element[], own: Set<string>): Extracted {
  const out = collector();
  const add = (p: Person) => !own.has(p.email) && out.add(p, 'recipient');
  for (const field of fields) {
    for (const chip of field.querySelectorAll('.addr_base[addr]')) {
      add({ email: addressIn(chip.getAttribute('addr')), name: (chip.querySelector('b')?.textContent ?? '').trim() });
    }
    for (const input of field.querySelectorAll('input')) for (const email of addressesIn(input.value)) add({ email, name: '' });
  }
  for (const id of ['to', 'cc', 'bcc']) {
    const hidden = doc.getElementById(id);
    if (hidden?.tagName === 'TEXTAREA') for (const email of addressesIn((hidden as HTMLTextAreaElement).value)) add({ email, name: '' });
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
  const out = collector();
  const others = senders.filter((p) => p.email && !own.has(p.email));
  if (others.length) for (const p of others) out.add(p, 'sender');
  else if (senders.some((p) => p.email)) for (const p of recipients) if (!own.has(p.email)) out.add(p, 'recipient');
  const body = doc.querySelector('#mailContentContainer') ?? doc.querySelector('#contentDiv');
  return { identifiers: [...out.identifiers, ...mobilesIn(body, ctx)], names: out.names };
}

/** The smallest element holding all of `els` (null when there are none). */
function commonAncestor(els: Element[]): Element | null {
  let root: Element | null = els[0] ?? null;
  while (root && !els.every((el) => root!.contains(el))) root = root.parentElement;
  return root;
}

const adapter: SiteAdapter = {
  id: 'exmail',
  origins: ['https://exmail.qq.com/*'],
  matches: (url) => url.hostname === HOST && url.pathname.startsWith('/cgi-bin/'),
  watchRoot(doc) {
    const fields = FIELDS.flatMap((id) => doc.getElementById(id) ?? []);
    return fields.length ? commonAncestor(fields) : doc.querySelector('#mainmail');
  },
  extract(doc, ctx): Extracted {
    try {
      const own = ownAddresses(doc);
      const fields = FIELDS.flatMap((id) => doc.getElementById(id) ?? []);
      if (fields.length) return readCompose(doc, fields, own);
      const labels = [...doc.querySelectorAll('.addrtitle')];
      if (labels.length || doc.querySelector('#tipFromAddr_readmail')) return readMail(doc, labels, own, ctx);
    } catch {
      // Unexpected markup: better nothing than a broken content script.
    }
    return { identifiers: [], names: [] };
  },
};
export default adapter;
