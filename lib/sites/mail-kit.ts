import { detectIdentifiers } from '../match/detect';
import { normaliseEmail } from '../match/identifiers';
import type { PageIdentifier } from '../model/match';
import type { Extracted, ExtractContext, SiteAdapter } from './types';

/**
 * Helpers the webmail adapters share. Not an adapter (registry.ts does not list it). They run in the
 * content script on every scan: text comes from textContent, attributes and tree walkers only.
 */

/** A person a mail header or a compose chip names ('' when the page gives no address or no name). */
export interface Person {
  email: string;
  name: string;
}

type Kind = PageIdentifier['kind'];
type Role = PageIdentifier['role'];

// Refuses quotes, brackets and separators around the address and wants a TLD of letters: header cells
// and typed fields hold "Name <addr>;" lists, so anything looser lets punctuation in.
const EMAIL = /^[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[a-z]{2,}$/i;

/** An address out of "王芳 <a@b.com>", "<a@b.com>" or "a@b.com"; '' when there is none. */
export function addressIn(raw: string | null | undefined): string {
  if (!raw) return '';
  const email = normaliseEmail(/<([^<>]+)>/.exec(raw)?.[1] ?? raw);
  return EMAIL.test(email) ? email : '';
}

/** Every address in a text ("a@b.com; 王芳 <c@d.com>，e@f.com"), in order, each once. */
export const emailsIn = (text: string): string[] =>
  detectIdentifiers(text).flatMap((d) => (d.kind === 'email' ? [d.value] : []));

/**
 * The name a page shows for `email`, without tags or "<addr>", or '' when it is empty or only the address.
 * `tail`: a site's trailing separator, cut after the tags and before trimming.
 */
export function displayName(raw: string | null | undefined, email: string, tail?: RegExp): string {
  let name = (raw ?? '').replace(/<[^>]*>/g, '');
  if (tail) name = name.replace(tail, '');
  name = name.trim();
  return name && normaliseEmail(name) !== email ? name : '';
}

/** How a site marks the start of the quoted earlier mail, and how much of a message to read at most. */
export interface FreshText {
  max: number;
  /** Elements that hold the quoted mail (selector). */
  quote: string;
  /** A text line that starts it, for sites that quote in plain text. */
  quoteLine?: RegExp;
}

/**
 * The message's own text, up to the quoted earlier mail (which may hold the manager's own signature).
 * Text nodes are joined by line breaks so that two cells never run together into one number.
 */
export function freshText(body: Element, { max, quote, quoteLine }: FreshText): string {
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let text = '';
  for (let n = walker.nextNode(); n && text.length < max; n = walker.nextNode()) {
    if (n.nodeType === Node.ELEMENT_NODE) {
      if ((n as Element).matches(quote)) break;
    } else if (!/^(STYLE|SCRIPT)$/i.test(n.parentElement?.tagName ?? '')) {
      if (quoteLine?.test(n.nodeValue ?? '')) break;
      text += `${n.nodeValue}\n`;
    }
  }
  return text;
}

/** An element's whole text (quotes included), cut at `max` characters: a newsletter must not slow a scan. */
export const bodyText = (el: Element | null | undefined, max: number): string => (el?.textContent ?? '').slice(0, max);

/** The mobiles a message's text names (a signature's phone), as identifiers of role 'text'. */
export function mobilesIn(text: string, ctx: ExtractContext): PageIdentifier[] {
  if (!text) return [];
  return detectIdentifiers(text, { customerCodePattern: ctx.customerCodePattern }).flatMap((d) =>
    d.kind === 'mobile' ? [{ kind: 'mobile' as const, value: d.value, role: 'text' as const }] : [],
  );
}

/**
 * What an adapter found, each identifier once (by kind and value) and never the account's own addresses
 * (`own`: the manager is not their own customer).
 */
export function collector(own: Iterable<string | null | undefined> = []) {
  const mine = new Set(own);
  const identifiers: PageIdentifier[] = [];
  const names: string[] = [];
  const seen = new Set<string>();

  /** Whether it was new (and kept). */
  const add = (kind: Kind, value: string, role: Role): boolean => {
    const key = `${kind}:${value}`;
    if (!value || seen.has(key) || (kind === 'email' && mine.has(value))) return false;
    seen.add(key);
    identifiers.push({ kind, value, role });
    return true;
  };
  const addName = (name: string) => {
    if (name && !names.includes(name)) names.push(name);
  };
  /** A person's address, and their name the first time the address is seen (unless it is the address). */
  const addPerson = (p: Person, role: Role) => {
    if (add('email', p.email, role) && p.name && normaliseEmail(p.name) !== p.email) addName(p.name);
  };

  return {
    identifiers,
    names,
    add,
    addName,
    addPerson,
    /**
     * The other party of the mails shown: the senders that are not the account; when the account sent
     * them all (Sent folder), the recipients instead.
     */
    addOtherParty(senders: Person[], recipients: Person[]) {
      const others = senders.filter((p) => p.email && !mine.has(p.email));
      if (others.length) for (const p of others) addPerson(p, 'sender');
      else if (senders.some((p) => p.email)) for (const p of recipients) addPerson(p, 'recipient');
    },
  };
}

/** This frame's document and those of the frames above it that share its origin (the app's top frame). */
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

/**
 * The account's addresses: those `read` finds ("Name <addr>" or bare) in this frame's document and in the
 * same-origin frames above it (a mail or compose frame may not show the login; the app's top frame does).
 */
export function ownAddressesUp(doc: Document, read: (d: Document) => Iterable<string | null | undefined>): Set<string> {
  const own = new Set<string>();
  for (const d of documentsUp(doc)) {
    for (const raw of read(d)) {
      const email = addressIn(raw);
      if (email) own.add(email);
    }
  }
  return own;
}

/** The smallest element holding all of `els` (null when there are none). */
export function commonAncestor(els: Element[]): Element | null {
  let root: Element | null = els[0] ?? null;
  while (root && !els.every((el) => root!.contains(el))) root = root.parentElement;
  return root;
}

/**
 * An adapter's `extract` from its reader: markup it does not know (a site redesign) yields nothing rather
 * than breaking the content script, and so does a page with nothing to read (`undefined`).
 */
export function safely(read: (doc: Document, ctx: ExtractContext) => Extracted | undefined): SiteAdapter['extract'] {
  return (doc, ctx) => {
    try {
      return read(doc, ctx) ?? { identifiers: [], names: [] };
    } catch {
      return { identifiers: [], names: [] };
    }
  };
}
