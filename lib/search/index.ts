import { toHalfWidth } from '../match/identifiers';

// This module does not import pinyin-pro (a large dictionary): the search text is computed where a
// customer is written, with `customerSearchText` from ./pinyin, and only read here.

/**
 * Separators of the search text. Neither can occur in a normalised query (queries drop control
 * characters), so a match never spans two items.
 *  - ITEM separates items within a group;
 *  - GROUP separates the five groups, always all present, in this order:
 *    0 name · 1 name pinyin (full, initials) · 2 aliases and their pinyin ·
 *    3 identifiers (licence, customer code, USCC, mobiles, phones as digits, emails) · 4 owner, address.
 * The index reads the groups to rank a match.
 */
export const ITEM = '\u0001';
export const GROUP = '\u0002';
export const SEARCH_GROUPS = 5;
const ITEM_CODE = 1;
const GROUP_CODE = 2;

/**
 * In-memory search as you type over all customers (built for 100k rows within 30 ms a keystroke).
 *
 * Each row has one lower-cased search text laid out in groups (see `customerSearchText`). The index
 * keeps the texts in name order, concatenated into chunks of ~150 rows (16K characters), so a query
 * is ~700 `indexOf` scans over contiguous memory for 100k rows (scanning 100k separate strings in
 * name order is several times slower: they lie all over the heap). Matches come out in name order,
 * so taking the first `limit` of each rank needs no sort per keystroke. The index keeps its own copy
 * of the texts (in the chunks); it does not hold on to `row.search`.
 *
 * Ranks (lower first; ties in name order: Intl.Collator('zh-CN', numeric), then id):
 *  0 a term equals a whole identifier (licence, customer code, USCC, mobile, phone digits, email)
 *  1 the name starts with a term
 *  2 the name's pinyin (full or initials) starts with a term
 *  3 the name contains a term
 *  4 an alias, or the pinyin of the name or of an alias, contains a term
 *  5 an identifier, the owner or the address contains a term
 * With several terms (all must match) a row takes the best rank of its terms.
 */
export const RANKS = 6;
export const DEFAULT_LIMIT = 100;

export interface SearchRow {
  id: string;
  name: string;
}

export interface SearchQueryOptions<R> {
  /** How many ids to return (default 100); `total` still counts every match. */
  limit?: number;
  /**
   * Rows failing the filter are neither returned nor counted. With more than ~2k matches the filter
   * is run once over all rows and its result kept for the next queries while the index is unchanged
   * and the filter is the same: the same `filterKey`, or without a key the same function object. So
   * pass a memoised function, or a key naming the criteria (e.g. "class=28|segment=core"), else every
   * keystroke re-runs the filter over all rows (20-40 ms at 100k rows).
   */
  filter?: (row: R) => boolean;
  /** Names the filter's criteria, for reusing its result across queries (see `filter`). */
  filterKey?: string;
}

export interface SearchResult {
  /** Up to `limit` ids, best first. */
  ids: string[];
  /** Number of rows matching the query and the filter. */
  total: number;
}

export interface SearchIndexOptions<R> {
  /** The row's search text; by default `row.search`, else the lower-cased name. Read at build/upsert only. */
  text?: (row: R) => string;
  /** Name order; by default zh-CN (pinyin order) with numeric parts ("2号店" before "10号店"). */
  collator?: Intl.Collator;
}

const defaultText = (row: SearchRow): string => {
  const s = (row as { search?: unknown }).search;
  return typeof s === 'string' ? s : row.name.toLowerCase();
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;
const DIGITISH = /^[\d+\-().]+$/;
const LETTERS = /^[a-z]+$/;
const isDigitish = (t: string): boolean => DIGITISH.test(t) && /\d/.test(t);

/**
 * Query → terms, all of which must match. Trim, fold full-width to ASCII, lower-case, drop control
 * characters, split on spaces; adjacent tokens of letters only are joined (pinyin: "zhang ji" →
 * "zhangji"), adjacent digit-ish tokens (digits and + - ( ) .) are joined and keep their digits
 * ("138 0000" → "1380000", "0571-8888" → "05718888"; a leading +86 / 0086 is dropped). Anything else
 * is a term of its own ("张记 文三路" → ["张记", "文三路"]). Terms inside another term are dropped.
 */
export function normaliseQuery(q: string): string[] {
  const tokens = toHalfWidth(q).toLowerCase().replace(CONTROL, ' ').trim().split(/\s+/).filter(Boolean);
  const merged: string[] = [];
  let prevKind = '';
  for (const tok of tokens) {
    const kind = isDigitish(tok) ? 'digits' : LETTERS.test(tok) ? 'letters' : '';
    if (kind && kind === prevKind) merged[merged.length - 1] += tok;
    else merged.push(tok);
    prevKind = kind;
  }
  const terms = merged.map((t) => {
    if (!isDigitish(t)) return t;
    const d = t.replace(/\D/g, '');
    return /^(?:\+|00)86/.test(t) && d.length > 2 ? d.slice(2) : d;
  });
  const unique = [...new Set(terms.filter(Boolean))];
  return unique.filter((t) => !unique.some((o) => o !== t && o.includes(t)));
}

/** Between two rows of a chunk; never in a text (control characters are dropped) nor in a query. */
const ROW = '\u0003';
const ROW_RE = /\u0003/g;
/**
 * Chunk sizes in UTF-16 units. A chunk is cut at about CHUNK_CHARS and split in two past twice that,
 * so its string stays under 128 KB: larger strings go to V8's large-object space, where rewriting a
 * chunk on upsert costs milliseconds instead of microseconds. ~150 customers a chunk.
 */
const CHUNK_CHARS = 16_384;
/** Narrow to the previous matches when they are under 1/NARROW_RATIO of all rows. */
const NARROW_RATIO = 4;
/** Over this many direct filter calls, a query evaluates the filter over all rows in slot order. */
const FILTER_DIRECT = 2048;

/** Rows [i] of a chunk: text from starts[i] to starts[i+1] - 1; groups[3i..3i+2] absolute positions
 *  of the 1st-3rd GROUP in `str` (the row end when absent). */
interface Chunk {
  slots: number[];
  /** The rows' ids, in the same order (read in sequence when listing many results). */
  ids: string[];
  str: string;
  starts: Int32Array;
  groups: Int32Array;
}

interface MatchCache {
  terms: string[];
  /** chunk index * 65536 + row in chunk, in name order. */
  matches: Int32Array;
  count: number;
}

export class CustomerSearchIndex<R extends SearchRow = SearchRow> {
  /** Rows by slot (insertion order, which is roughly their order in memory); holes are reused. */
  private slots: (R | undefined)[] = [];
  private free: number[] = [];
  private slotOf = new Map<string, number>();
  /** In name order. */
  private chunks: Chunk[] = [];
  /** Lengths of all identifiers ever indexed (255: 255 or more): a term of another length cannot equal one. */
  private idLengths = new Uint8Array(256);
  private readonly textOf: (row: R) => string;
  private readonly collator: Intl.Collator;
  /** The matches of the last query; dropped on every change. */
  private cache: MatchCache | null = null;
  /** The match buffer of the query before the cached one, for reuse. */
  private spare: Int32Array | null = null;
  /** The last filter run over all rows; dropped on every change. */
  private filterCache: { fn: (row: R) => boolean; key: string | undefined; bits: Uint8Array } | null = null;

  constructor(options: SearchIndexOptions<R> = {}) {
    this.textOf = options.text ?? defaultText;
    this.collator = options.collator ?? new Intl.Collator('zh-CN', { numeric: true });
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  get(id: string): R | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.slots[slot];
  }

  /** Replace the contents with `rows` (a later row with the same id wins). Sorts once by name. */
  build(rows: Iterable<R>): void {
    this.slots = [];
    this.free = [];
    this.slotOf = new Map();
    this.idLengths = new Uint8Array(256);
    for (const row of rows) {
      const slot = this.slotOf.get(row.id);
      if (slot !== undefined) this.slots[slot] = row;
      else {
        this.slotOf.set(row.id, this.slots.length);
        this.slots.push(row);
      }
    }
    const keys = this.nameOrder();
    this.chunks = [];
    let slots: number[] = [];
    let texts: string[] = [];
    let chars = 0;
    for (const slot of keys) {
      const text = this.textFor(this.slots[slot]!);
      slots.push(slot);
      texts.push(text);
      chars += text.length + 1;
      if (chars >= CHUNK_CHARS || slots.length === 0xffff) {
        this.chunks.push(this.makeChunk(slots, texts));
        slots = [];
        texts = [];
        chars = 0;
      }
    }
    if (slots.length > 0) this.chunks.push(this.makeChunk(slots, texts));
    this.changed();
  }

  /** Add a row or replace the row with its id. */
  upsert(row: R): void {
    const slot = this.slotOf.get(row.id);
    if (slot !== undefined) this.detach(slot);
    const at = slot ?? this.free.pop() ?? this.slots.length;
    this.slots[at] = row;
    this.slotOf.set(row.id, at);
    this.attach(at, this.textFor(row));
    this.changed();
  }

  /** Remove a row by id; false when it was not there. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.detach(slot);
    this.slots[slot] = undefined;
    this.free.push(slot);
    this.slotOf.delete(id);
    this.changed();
    return true;
  }

  /**
   * Ids of the rows matching every term of `q`, best rank first, then in name order, and the number
   * of matches; an empty query gives every row (passing the filter) in name order.
   */
  query(q: string, opts: SearchQueryOptions<R> = {}): SearchResult {
    const limit = Math.max(0, opts.limit ?? DEFAULT_LIMIT);
    const terms = normaliseQuery(q);
    const pass = this.filterer(opts.filter, opts.filterKey);
    if (terms.length === 0) return this.all(limit, opts.filter ? pass : null);

    // The longest term is scanned for; the others are checked on the rows it hits.
    const order = terms.map((_, i) => i).sort((a, b) => terms[b].length - terms[a].length);
    const primary = terms[order[0]];
    const others = order.slice(1).map((i) => terms[i]);
    const termList = [primary, ...others];
    const exactPossible = termList.map((t) => /^[\x20-\x7e]+$/.test(t) && this.idLengths[Math.min(t.length, 255)] === 1);
    const firstAt = new Int32Array(termList.length);

    // Per rank, the matches taken so far (chunk index * 65536 + row), in name order. Typed arrays:
    // pushing 100k strings into plain arrays costs several times more (limit Infinity).
    const buckets: Int32Array[] = Array.from({ length: RANKS }, () => new Int32Array(64));
    const sizes = new Int32Array(RANKS);
    // Rows of rank ≥ cap can no longer be among the first `limit` (see below).
    let cap = limit > 0 ? RANKS : 0;
    let total = 0;
    let matches = this.spare ?? new Int32Array(1024);
    let matchCount = 0;

    const onRow = (ci: number, chunk: Chunk, j: number, p: number): void => {
      const { str, starts } = chunk;
      const rs = starts[j];
      const re = starts[j + 1] - 1;
      firstAt[0] = p;
      if (others.length > 0) {
        const row = str.slice(rs, re);
        for (let t = 0; t < others.length; t++) {
          const at = row.indexOf(others[t]);
          if (at < 0) return;
          firstAt[t + 1] = rs + at;
        }
      }
      if (matchCount === matches.length) {
        const grown = new Int32Array(matches.length * 4);
        grown.set(matches);
        matches = grown;
      }
      matches[matchCount++] = ci * 65536 + j;
      const slot = chunk.slots[j];
      if (!pass(slot)) return;
      total++;
      if (cap === 0) return;
      let best = RANKS;
      for (let t = 0; t < termList.length && best > 0; t++) {
        const r = rankOf(chunk, j, termList[t], firstAt[t], exactPossible[t], best < cap ? best : cap);
        if (r < best) best = r;
      }
      if (best >= cap) return;
      if (sizes[best] === buckets[best].length) {
        const grown = new Int32Array(buckets[best].length * 4);
        grown.set(buckets[best]);
        buckets[best] = grown;
      }
      buckets[best][sizes[best]++] = ci * 65536 + j;
      // Rows arrive in name order and ranks come first, so once ranks 0..r hold `limit` rows, a later
      // row of rank ≥ r cannot get in: cap is the first such r.
      for (let r = 0, sum = 0; r < cap; r++) {
        sum += sizes[r];
        if (sum >= limit) {
          cap = r;
          break;
        }
      }
    };

    // Typing extends the previous query: every row matching the new terms contains every old term
    // (each old term lies inside a new one), so only the previous matches need checking. Checking a
    // row on its own costs a few times more than its share of a chunk scan, so this pays only when
    // the previous query matched a small part of the rows.
    const prev = this.cache;
    if (prev && prev.count * NARROW_RATIO < this.slotOf.size && prev.terms.every((o) => terms.some((t) => t.includes(o)))) {
      for (let k = 0; k < prev.count; k++) {
        const packed = prev.matches[k];
        const ci = packed >>> 16;
        const j = packed & 0xffff;
        const chunk = this.chunks[ci];
        const rs = chunk.starts[j];
        const at = chunk.str.slice(rs, chunk.starts[j + 1] - 1).indexOf(primary);
        if (at >= 0) onRow(ci, chunk, j, rs + at);
      }
    } else {
      for (let ci = 0; ci < this.chunks.length; ci++) {
        const chunk = this.chunks[ci];
        const { str, starts } = chunk;
        let j = 0;
        for (let p = str.indexOf(primary); p >= 0; ) {
          while (starts[j + 1] <= p) j++;
          onRow(ci, chunk, j, p);
          p = str.indexOf(primary, starts[j + 1]);
        }
      }
    }
    this.spare = prev && prev.matches !== matches ? prev.matches : null;
    this.cache = { terms, matches, count: matchCount };

    let taken = 0;
    for (let r = 0; r < RANKS; r++) taken += sizes[r];
    const ids: string[] = new Array(Math.min(taken, limit));
    for (let r = 0, n = 0; r < RANKS && n < ids.length; r++) {
      const bucket = buckets[r];
      const take = Math.min(sizes[r], ids.length - n);
      for (let k = 0; k < take; k++) {
        const packed = bucket[k];
        ids[n++] = this.chunks[packed >>> 16].ids[packed & 0xffff];
      }
    }
    return { ids, total };
  }

  /** Every row passing the filter, in name order. */
  private all(limit: number, pass: ((slot: number) => boolean) | null): SearchResult {
    if (!pass) {
      const total = this.slotOf.size;
      const ids: string[] = new Array(Math.min(total, limit));
      let n = 0;
      for (let ci = 0; ci < this.chunks.length && n < ids.length; ci++) {
        const chunkIds = this.chunks[ci].ids;
        const take = Math.min(chunkIds.length, ids.length - n);
        for (let j = 0; j < take; j++) ids[n++] = chunkIds[j];
      }
      return { ids, total };
    }
    const ids: string[] = [];
    let total = 0;
    for (const chunk of this.chunks) {
      const { slots, ids: chunkIds } = chunk;
      for (let j = 0; j < slots.length; j++) {
        if (!pass(slots[j])) continue;
        total++;
        if (ids.length < limit) ids.push(chunkIds[j]);
      }
    }
    return { ids, total };
  }


  /**
   * The filter by slot. Calls it directly for the first rows asked about; past that, runs it once
   * over all rows in slot order (their order in memory: several times faster than visiting 100k
   * rows in name order) and keeps the result for the next queries with the same key (or function
   * object), until the index changes. So a filter must give the same answer for as long as it has
   * the same key or is the same function: when its criteria change, change the key or the function.
   */
  private filterer(filter: ((row: R) => boolean) | undefined, key: string | undefined): (slot: number) => boolean {
    if (!filter) return () => true;
    const cached = this.filterCache;
    if (cached && (key !== undefined ? cached.key === key : cached.fn === filter)) {
      const { bits } = cached;
      return (slot) => bits[slot] === 1;
    }
    let direct = 0;
    let bits: Uint8Array | null = null;
    return (slot) => {
      if (bits) return bits[slot] === 1;
      if (++direct <= FILTER_DIRECT) return filter(this.slots[slot]!);
      const { slots } = this;
      bits = new Uint8Array(slots.length);
      for (let i = 0; i < slots.length; i++) {
        const row = slots[i];
        if (row && filter(row)) bits[i] = 1;
      }
      this.filterCache = { fn: filter, key, bits };
      return bits[slot] === 1;
    };
  }

  /**
   * All slots in name order (collator, then id), as `compare` orders them. The collator sorts the
   * distinct names only (names repeat a lot: 张记便利店…); rows are then placed by a counting sort
   * on the name's rank, and rows sharing a name sorted by id.
   */
  private nameOrder(): number[] {
    const { slots } = this;
    const distinct = [...new Set(slots.map((r) => r!.name))].sort(this.collator.compare);
    const rankOf = new Map<string, number>();
    let rank = -1;
    distinct.forEach((name, i) => {
      // names the collator holds equal share a rank, so their rows fall back to id order as in `compare`
      if (i === 0 || this.collator.compare(distinct[i - 1], name) !== 0) rank++;
      rankOf.set(name, rank);
    });
    const ranks = Int32Array.from(slots, (r) => rankOf.get(r!.name)!);
    const starts = new Int32Array(rank + 2);
    for (const r of ranks) starts[r + 1]++;
    for (let r = 0; r <= rank; r++) starts[r + 1] += starts[r];
    const order = new Array<number>(slots.length);
    const fill = starts.slice(0, rank + 1);
    for (let i = 0; i < slots.length; i++) order[fill[ranks[i]]++] = i;
    const byId = (a: number, b: number) => (slots[a]!.id < slots[b]!.id ? -1 : 1);
    for (let r = 0; r <= rank; r++) {
      const from = starts[r];
      const to = starts[r + 1];
      if (to - from < 2) continue;
      const part = order.slice(from, to).sort(byId);
      for (let k = 0; k < part.length; k++) order[from + k] = part[k];
    }
    return order;
  }

  private compare(a: R, b: R): number {
    return this.collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }

  private changed(): void {
    this.cache = null;
    this.filterCache = null;
  }

  /** The row's text, cleaned of row separators, with its identifier lengths noted. */
  private textFor(row: R): string {
    let text = this.textOf(row);
    if (text.includes(ROW)) text = text.replace(ROW_RE, '');
    // Lengths of the items of the identifier group (after the 3rd GROUP, up to the 4th), in one pass.
    const { idLengths } = this;
    let group = 0;
    let len = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === GROUP_CODE) {
        if (group === 3) break;
        group++;
      } else if (group === 3) {
        if (c !== ITEM_CODE) len++;
        else {
          idLengths[len < 255 ? len : 255] = 1;
          len = 0;
        }
      }
    }
    if (group === 3) idLengths[len < 255 ? len : 255] = 1;
    return text;
  }


  private makeChunk(slots: number[], texts: string[]): Chunk {
    const str = texts.join(ROW);
    const starts = new Int32Array(texts.length + 1);
    const groups = new Int32Array(texts.length * 3);
    let at = 0;
    for (let i = 0; i < texts.length; i++) {
      starts[i] = at;
      groupsOf(texts[i], at, groups, i);
      at += texts[i].length + 1;
    }
    starts[texts.length] = at; // one past the end of the (absent) separator after the last row
    return { slots, ids: slots.map((slot) => this.slots[slot]!.id), str, starts, groups };
  }

  private textsOf(chunk: Chunk): string[] {
    const texts: string[] = [];
    for (let j = 0; j < chunk.slots.length; j++) texts.push(chunk.str.slice(chunk.starts[j], chunk.starts[j + 1] - 1));
    return texts;
  }

  /** Take the slot's row out of its chunk. */
  private detach(slot: number): void {
    for (let ci = 0; ci < this.chunks.length; ci++) {
      const chunk = this.chunks[ci];
      const j = chunk.slots.indexOf(slot);
      if (j < 0) continue;
      if (chunk.slots.length === 1) this.chunks.splice(ci, 1);
      else this.chunks[ci] = withoutRow(chunk, j);
      return;
    }
  }

  /** Put the slot's row into its chunk in name order, splitting the chunk when it grows too big. */
  private attach(slot: number, text: string): void {
    const row = this.slots[slot]!;
    if (this.chunks.length === 0) {
      this.chunks.push(this.makeChunk([slot], [text]));
      return;
    }
    // The first chunk whose last row sorts after the row (else the last chunk).
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const last = this.chunks[mid].slots[this.chunks[mid].slots.length - 1];
      if (this.compare(this.slots[last]!, row) <= 0) lo = mid + 1;
      else hi = mid;
    }
    const ci = lo;
    const chunk = this.chunks[ci];
    let a = 0;
    let b = chunk.slots.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (this.compare(this.slots[chunk.slots[mid]]!, row) <= 0) a = mid + 1;
      else b = mid;
    }
    if (chunk.str.length + text.length < 2 * CHUNK_CHARS && chunk.slots.length < 0xffff) {
      this.chunks[ci] = withRow(chunk, a, slot, row.id, text);
      return;
    }
    const slots = chunk.slots.slice();
    const texts = this.textsOf(chunk);
    slots.splice(a, 0, slot);
    texts.splice(a, 0, text);
    const half = slots.length >>> 1;
    this.chunks.splice(
      ci,
      1,
      this.makeChunk(slots.slice(0, half), texts.slice(0, half)),
      this.makeChunk(slots.slice(half), texts.slice(half)),
    );
  }
}

/** Positions (from `at`, the text's offset in its chunk) of the 1st-3rd GROUP, the text end when absent. */
function groupsOf(text: string, at: number, groups: Int32Array, row: number): void {
  let g = -1;
  for (let k = 0; k < 3; k++) {
    if (g < text.length) {
      g = text.indexOf(GROUP, g + 1);
      if (g < 0) g = text.length;
    }
    groups[row * 3 + k] = at + g;
  }
}

/** The chunk with `text` inserted as row `a` (string surgery: the other rows are not re-read). */
function withRow(chunk: Chunk, a: number, slot: number, id: string, text: string): Chunk {
  const { str, starts, groups } = chunk;
  const n = chunk.slots.length;
  const at = starts[a];
  const delta = text.length + 1;
  const next = a === n ? str + ROW + text : str.slice(0, at) + text + ROW + str.slice(at);
  const nextStarts = new Int32Array(n + 2);
  const nextGroups = new Int32Array((n + 1) * 3);
  for (let i = 0; i <= n + 1; i++) nextStarts[i] = i <= a ? starts[i] : starts[i - 1] + delta;
  for (let i = 0; i < n; i++) {
    const to = i < a ? i : i + 1;
    const shift = i < a ? 0 : delta;
    for (let k = 0; k < 3; k++) nextGroups[to * 3 + k] = groups[i * 3 + k] + shift;
  }
  groupsOf(text, at, nextGroups, a);
  const slots = chunk.slots.slice();
  slots.splice(a, 0, slot);
  const ids = chunk.ids.slice();
  ids.splice(a, 0, id);
  return { slots, ids, str: next, starts: nextStarts, groups: nextGroups };
}

/** The chunk without row `j` (which is not its only row). */
function withoutRow(chunk: Chunk, j: number): Chunk {
  const { str, starts, groups } = chunk;
  const n = chunk.slots.length;
  const delta = starts[j + 1] - starts[j];
  const next = j === n - 1 ? str.slice(0, starts[j] - 1) : str.slice(0, starts[j]) + str.slice(starts[j + 1]);
  const nextStarts = new Int32Array(n);
  const nextGroups = new Int32Array((n - 1) * 3);
  for (let i = 0; i < n; i++) nextStarts[i] = i < j ? starts[i] : starts[i + 1] - delta;
  for (let i = 0; i < n - 1; i++) {
    const from = i < j ? i : i + 1;
    const shift = i < j ? 0 : delta;
    for (let k = 0; k < 3; k++) nextGroups[i * 3 + k] = groups[from * 3 + k] - shift;
  }
  const slots = chunk.slots.slice();
  slots.splice(j, 1);
  const ids = chunk.ids.slice();
  ids.splice(j, 1);
  return { slots, ids, str: next, starts: nextStarts, groups: nextGroups };
}

/**
 * Rank of term `t` in row `j` of `chunk`, given its first occurrence `p` in the row. Returns `cap`
 * (or more) as soon as the rank is known not to be below `cap`.
 */
function rankOf(chunk: Chunk, j: number, t: string, p: number, exactPossible: boolean, cap: number): number {
  if (cap <= 0) return RANKS;
  const { str, starts, groups } = chunk;
  const rs = starts[j];
  const re = starts[j + 1] - 1;
  const g1 = groups[j * 3];
  const g2 = groups[j * 3 + 1];
  const g3 = groups[j * 3 + 2];
  if (exactPossible && g3 < re && isExactIdentifier(str, t, g3, re)) return 0;
  if (cap <= 1) return cap;
  if (p === rs) return 1;
  if (p >= g3) return 5; // the first occurrence is past the names: identifier, owner or address
  if (cap > 2 && p < g2 && g1 < re) {
    if (str.startsWith(t, g1 + 1)) return 2;
    const item = str.indexOf(ITEM, g1 + 1);
    if (item >= 0 && item < g2 && str.startsWith(t, item + 1)) return 2;
  }
  return p < g1 ? 3 : 4;
}

/**
 * Whether `t` is a whole item of the identifier group, which runs from the 3rd GROUP (at `g3`) to
 * the 4th (or the row end `re`).
 */
function isExactIdentifier(str: string, t: string, g3: number, re: number): boolean {
  let g4 = str.indexOf(GROUP, g3 + 1);
  if (g4 < 0 || g4 > re) g4 = re;
  const len = t.length;
  for (let start = g3 + 1; start < g4; ) {
    let stop = str.indexOf(ITEM, start);
    if (stop < 0 || stop > g4) stop = g4;
    if (stop - start === len && str.startsWith(t, start)) return true;
    start = stop + 1;
  }
  return false;
}
