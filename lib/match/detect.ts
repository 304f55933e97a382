import { type DetectedIdentifier, type IdentifierKind, identKey, normaliseMobile, toHalfWidth } from './identifiers';
import { isValidUscc } from './uscc';

export interface DetectOptions {
  /** Regex source for the company's customer codes, e.g. '\\b4403\\d{8}\\b' or 'KH\\d{6}'. */
  customerCodePattern?: string | null;
}

// Every regex is a single left-to-right pass: fixed-length or label-delimited
// quantifiers plus a look-behind that only lets a token start at a run boundary,
// so scanning stays linear even on 300 kB of page text.

// Local part may only start where a local-part run starts (no re-scan of each suffix);
// TLD is letters only, so a trailing '.' is never included.
const EMAIL =
  /(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/g;
// Optional +86 / 0086 / "86 " / (+86) prefix, then 3-4-4 with one consistent separator.
const MOBILE =
  /(?<![\d+])(?:(?:\+|00)86[ -]?|86[ -]|\((?:\+|00)?86\)[ -]?)?1[3-9]\d([ -]?)\d{4}\1\d{4}(?!\d)/g;
// Area code starts with 1-8 (0 or 9 never start a real licence number).
const LICENCE = /(?<![\dA-Za-z_])[1-8]\d{11}(?![\dA-Za-z_])/g;
const USCC = /(?<![\dA-Za-z])[0-9A-HJ-NP-RTUWXYa-hj-np-rtuwxy]{18}(?![\dA-Za-z])/g;

// yyyyMMddHHmm. Trade-off: a licence that happens to read as a date-time is missed,
// but 19/20 are not province codes, so real licences (area code first) never start so.
const COMPACT_DATE_TIME = /^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d$/;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);
const JOINERS = '.-/:';

/** Token glued to more digits by a decimal point, dash, slash or colon (amounts, dates, ranges, longer ids). */
function joined(t: string, s: number, e: number): boolean {
  return (JOINERS.includes(t[s - 1] ?? ' ') && isDigit(t[s - 2])) || (JOINERS.includes(t[e] ?? ' ') && isDigit(t[e + 1]));
}

const patternCache = new Map<string, RegExp | null>();

/**
 * Compiles a customer-code pattern once (cached by source) with flag 'g'; null if empty or invalid.
 * Full-width characters in the source are folded like the page text, so '客户编号：' still matches.
 */
export function compileCustomerCodePattern(src: string): RegExp | null {
  let re = patternCache.get(src);
  if (re === undefined) {
    try {
      re = src.trim() ? new RegExp(toHalfWidth(src), 'g') : null;
    } catch {
      re = null;
    }
    patternCache.set(src, re);
  }
  return re;
}

interface Hit extends DetectedIdentifier {
  at: number;
}

/** Identifiers in `text`, de-duplicated by kind+value, in order of first appearance. */
export function detectIdentifiers(text: string, options?: DetectOptions): DetectedIdentifier[] {
  const t = toHalfWidth(text); // same length as text, so indices map back to the original
  const hits: Hit[] = [];
  const add = (kind: IdentifierKind, value: string, at: number, end: number) =>
    hits.push({ kind, value, raw: text.slice(at, end), at });

  for (const m of t.matchAll(LICENCE)) {
    const s = m.index, e = s + 12;
    if (!joined(t, s, e) && !COMPACT_DATE_TIME.test(m[0])) add('licence', m[0], s, e);
  }
  for (const m of t.matchAll(USCC)) {
    const s = m.index, e = s + 18, v = m[0].toUpperCase();
    if (!joined(t, s, e) && isValidUscc(v)) add('uscc', v, s, e);
  }
  for (const m of t.matchAll(MOBILE)) {
    const s = m.index, e = s + m[0].length;
    // Letters/underscore next to it: a fragment of an order id, credit code or e-mail local part.
    if (isWordChar(t[s - 1]) || isWordChar(t[e]) || t[e] === '@' || joined(t, s, e)) continue;
    // Space-grouped ("138 0013 8000"): more space-separated digits means a grouped card/account number.
    if (m[1] === ' ' && ((t[s - 1] === ' ' && isDigit(t[s - 2])) || (t[e] === ' ' && isDigit(t[e + 1])))) continue;
    const v = normaliseMobile(m[0]);
    if (v) add('mobile', v, s, e);
  }
  for (const m of t.matchAll(EMAIL)) add('email', m[0].toLowerCase(), m.index, m.index + m[0].length);

  const re = options?.customerCodePattern ? compileCustomerCodePattern(options.customerCodePattern) : null;
  if (re) {
    for (const m of t.matchAll(re)) {
      const g = m.length > 1 && m[1] !== undefined ? m[1] : m[0];
      const v = g.trim();
      if (!v) continue;
      // Position of the (trimmed) group inside the match; first occurrence is good enough for raw.
      const s = m.index + m[0].indexOf(g) + g.indexOf(v);
      add('customerCode', v, s, s + v.length);
    }
  }

  hits.sort((a, b) => a.at - b.at); // stable: ties keep kind order above
  const seen = new Set<string>();
  const out: DetectedIdentifier[] = [];
  for (const { kind, value, raw } of hits) {
    const k = identKey(kind, value);
    if (!seen.has(k)) {
      seen.add(k);
      out.push({ kind, value, raw });
    }
  }
  return out;
}
