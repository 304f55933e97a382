/**
 * Address patterns of taught rules: `scheme://host/path` with `*` for any run of characters.
 *
 * - scheme: `http`, `https` or `*` (either);
 * - host: case-insensitive; `*` only as a leading `*.` (the domain itself and any subdomain); a port,
 *   when written, must match; without one any port matches (as in browser match patterns);
 * - path: case-sensitive, `*` anywhere; a pattern without a path means the whole site;
 * - the page's query and fragment are ignored, and so is anything after `?` or `#` in the pattern.
 *
 * Runs in the content script on every scan: no dependencies, compiled patterns are cached.
 */

const SHAPE = /^(https?|\*):\/\/((?:\*\.)?[^/\s*?#]+)(\/[^\s]*)?$/i;

interface Compiled {
  scheme: string;
  /** Lower-cased host without the `*.` and port. */
  host: string;
  wildcardHost: boolean;
  port: string | null;
  path: RegExp;
}

const cache = new Map<string, Compiled | null>();
const CACHE_MAX = 500;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Pattern path in the same percent-encoded form as `URL.pathname`, so typed non-ASCII paths still match. */
function canonicalPath(path: string): string {
  const bare = path.replace(/[?#].*$/, '') || '/';
  try {
    // `*` survives URL parsing unchanged; spaces and non-ASCII get encoded like the page's own address.
    return new URL(bare, 'http://x').pathname;
  } catch {
    return bare;
  }
}

function compile(pattern: string): Compiled | null {
  const m = SHAPE.exec(pattern.trim());
  if (!m) return null;
  let host = m[2].toLowerCase();
  const wildcardHost = host.startsWith('*.');
  if (wildcardHost) host = host.slice(2);
  let port: string | null = null;
  const colon = host.lastIndexOf(':');
  if (colon > -1 && !host.endsWith(']')) {
    port = host.slice(colon + 1);
    host = host.slice(0, colon);
    if (!/^\d{1,5}$/.test(port)) return null;
  }
  if (!host || host.startsWith('.') || host.endsWith('.')) return null;
  const path = m[3] === undefined ? '/*' : canonicalPath(m[3]);
  const source = path.split('*').map(escapeRe).join('.*');
  return { scheme: m[1].toLowerCase(), host, wildcardHost, port, path: new RegExp(`^${source}$`) };
}

function compiled(pattern: string): Compiled | null {
  let c = cache.get(pattern);
  if (c === undefined) {
    if (cache.size >= CACHE_MAX) cache.clear();
    c = compile(pattern);
    cache.set(pattern, c);
  }
  return c;
}

/** Whether `pattern` is a well-formed address pattern (the model validates with this). */
export function isValidPattern(pattern: string): boolean {
  return compiled(pattern) !== null;
}

/** Whether the page at `url` is one the pattern claims. Invalid patterns and addresses match nothing. */
export function matchesPattern(pattern: string, url: string | URL): boolean {
  const c = compiled(pattern);
  if (!c) return false;
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  const scheme = u.protocol.slice(0, -1);
  if (c.scheme === '*' ? scheme !== 'http' && scheme !== 'https' : scheme !== c.scheme) return false;
  const host = u.hostname.toLowerCase();
  if (c.wildcardHost ? host !== c.host && !host.endsWith(`.${c.host}`) : host !== c.host) return false;
  if (c.port !== null && (u.port || (scheme === 'https' ? '443' : '80')) !== c.port) return false;
  return c.path.test(u.pathname);
}

// A path segment that names one record rather than a page: numbers, UUIDs, long hex, and order or
// customer numbers (letters followed by a long digit run, e.g. DD20251124000233, KH30512001).
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const HEX = /^(?=[^a-f]*[0-9])(?=.*[a-f])[0-9a-f]{16,}$/i;
const NUMBERISH = /^[A-Za-z]{0,6}[-_]?\d{3,}[A-Za-z0-9-]*$|^\d+$/;
// Base64-ish tokens (session or record keys): long, mixing letters and digits.
const TOKEN = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9_-]{20,}$/;
/** Four or more digits inside a segment that otherwise names a page: `customer-12345.html`. */
const EMBEDDED_NUMBER = /\d{4,}/g;

function generaliseSegment(seg: string): string {
  if (!seg) return seg;
  let decoded = seg;
  try {
    decoded = decodeURIComponent(seg);
  } catch {
    /* keep as is */
  }
  if (UUID.test(decoded) || HEX.test(decoded) || NUMBERISH.test(decoded) || TOKEN.test(decoded)) return '*';
  return seg.replace(EMBEDDED_NUMBER, '*');
}

/**
 * A pattern for pages like this one: the page's origin and path with record ids turned into `*`, so it
 * claims every customer's page of the same kind. Old Java systems' `;jsessionid=…` path parameters become
 * `*` too. A path ending in `/` (a route of a single-page app or a folder) gets a trailing `*`.
 */
export function proposePattern(url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  let path = u.pathname;
  let tail = '';
  const semi = path.indexOf(';');
  if (semi > -1) {
    path = path.slice(0, semi);
    tail = '*';
  }
  const segments = path.split('/').map(generaliseSegment);
  let out = segments.join('/').replace(/\*+/g, '*');
  if (out.endsWith('/')) tail = '*';
  if (out.endsWith('*')) tail = '';
  out = `${out}${tail}` || '/*';
  return `${u.protocol}//${u.host.toLowerCase()}${out}`;
}
