import { detectIdentifiers } from '../match/detect';
import type { PageIdentifier } from '../model/match';
import type { Extracted, ExtractContext, SiteAdapter } from './types';

/** A single customer's page has far less text; reading only the first part keeps one scan well under 50 ms. */
const MAX_TEXT = 150_000;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SVG']);

/** Visible-ish text via a TreeWalker over text nodes: reading node values never forces a layout. */
export function pageText(root: Node, max = MAX_TEXT): string {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.nodeType === Node.ELEMENT_NODE && SKIP.has((n as Element).tagName.toUpperCase())
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const parts: string[] = [];
  let length = 0;
  for (let n = walker.nextNode(); n && length < max; n = walker.nextNode()) {
    if (n.nodeType !== Node.TEXT_NODE) continue;
    const t = n.nodeValue;
    if (t && t.trim()) {
      parts.push(t);
      length += t.length + 1;
    }
  }
  // Newlines keep adjacent cells apart so two numbers in neighbouring cells never join.
  return parts.join('\n');
}

export function identifiersIn(text: string, ctx: ExtractContext, role: PageIdentifier['role'] = 'text'): PageIdentifier[] {
  return detectIdentifiers(text, { customerCodePattern: ctx.customerCodePattern }).map(({ kind, value }) => ({ kind, value, role }));
}

/** Any page without its own adapter: every identifier in its text and mailto links. */
const generic: SiteAdapter = {
  id: 'generic',
  matches: () => true,
  extract(doc: Document, ctx: ExtractContext): Extracted {
    if (!doc.body) return { identifiers: [], names: [] };
    const mailtos = [...doc.querySelectorAll('a[href^="mailto:" i]')]
      .map((a) => decodeURIComponent((a.getAttribute('href') ?? '').slice(7).split('?')[0]))
      .join('\n');
    return { identifiers: identifiersIn(`${pageText(doc.body)}\n${mailtos}`, ctx), names: [] };
  },
};
export default generic;
