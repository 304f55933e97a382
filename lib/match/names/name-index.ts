import { MIN_CORE, cleanPageName, hasHan, letters, parseName, stripPinyinSuffixes } from './normalise';
import { alignPinyin, namePinyinFromSearch, uToV } from './pinyin-align';
import { SPECIFIC_SUFFIXES } from './suffixes';

// This module does not import pinyin-pro: names' pinyin comes from the rows' stored search text, or
// from the `pinyin` function the caller passes (lib/search/pinyin pinyinKeys), only for the few names
// whose search text cannot be used and for Chinese page names (homophones).

/** Bumped whenever normalisation or the layout changes: older snapshots are then rebuilt. */
export const NAME_INDEX_FORMAT = 1;

/** Below this confidence nothing is linked automatically: the panel asks. */
export const NAME_AUTO_LINK_THRESHOLD = 0.85;
/** A top candidate is the clear winner only this far ahead of the second. */
export const NAME_CLEAR_MARGIN = 0.1;
/** Candidates under this are not returned at all (noise from shared bigrams). */
export const NAME_MIN_CONFIDENCE = 0.45;

export type NameMatchKind = 'exact' | 'suffix' | 'core' | 'pinyin' | 'initials' | 'partial';

/**
 * Why a customer is a candidate, for the panel to render in either language:
 *  - exact: the same name once width, case, spaces and punctuation are ignored;
 *  - suffix: the same name but for its legal or shop suffix (有限公司, 便利店 …), or its branch spelt otherwise;
 *  - core: the same once a leading region (深圳市南山区) is also ignored;
 *  - pinyin: the page's Latin name is the name's pinyin, or the page's Chinese name sounds the same;
 *  - initials: the page's Latin name is the initials of the name (zjbld);
 *  - partial: the names share a part (a branch, a typo, a part left out); never linked automatically.
 */
export interface NameMatchReason {
  kind: NameMatchKind;
  /** The customer's name or alias that matched, as the manager wrote it. */
  matched: string;
  /** `matched` is one of the customer's aliases rather than their name. */
  alias: boolean;
  /** The page name that matched, as the page showed it (email addresses and quotes removed). */
  query: string;
}

export interface NameCandidate {
  customerId: string;
  /** The customer's name. */
  name: string;
  /** 0–1; see NAME_AUTO_LINK_THRESHOLD. */
  confidence: number;
  reason: NameMatchReason;
}

/**
 * The candidate to link automatically: at or above the threshold and clearly ahead of the next, that is
 * NAME_CLEAR_MARGIN ahead, or the only exact match ("张记便利店" on the page, with 张记便利店 and
 * 张记商店 in the book: the page names the first; two exact matches are two customers of one name).
 */
export function nameWinner(candidates: readonly NameCandidate[]): NameCandidate | undefined {
  const [top, second] = candidates;
  if (!top || top.confidence < NAME_AUTO_LINK_THRESHOLD) return undefined;
  if (!second) return top;
  if (top.reason.kind === 'exact' && second.reason.kind !== 'exact') return top;
  // Confidences have three decimals; the epsilon keeps 0.85 - 0.75 from falling short of 0.1.
  return top.confidence - second.confidence >= NAME_CLEAR_MARGIN - 1e-9 ? top : undefined;
}

export interface NameEntry {
  id: string;
  name: string;
  aliases?: readonly string[];
  /** The row's stored search text (CustomerRow.search): the name's pinyin is read from it. */
  search?: string;
}

export type PinyinFn = (text: string) => { full: string; initials: string };

export interface NameIndexOptions {
  /**
   * Pinyin of a text (lib/search/pinyin pinyinKeys). Used for aliases, for names without a usable
   * search text, and for Chinese page names (a homophone written by mistake). Without it, those have
   * no pinyin match.
   */
  pinyin?: PinyinFn;
}

export interface MatchOptions {
  /** Most candidates returned (default 10). */
  limit?: number;
  /** Least confidence returned (default NAME_MIN_CONFIDENCE). */
  minConfidence?: number;
  /**
   * Also look for weak (partial) candidates when a page name already has a strong match. Off by
   * default: a partial match scores at most 0.75, so it can never stop NAME_AUTO_LINK_THRESHOLD's
   * winner from being one, and skipping the bigram search halves the cost of a well-named page.
   */
  exhaustive?: boolean;
}

/**
 * The stored form of the index (NameIndex.serialise): strings joined, numbers in typed arrays, so
 * that IndexedDB stores and reads it as a handful of blobs. All offsets are into the joined strings.
 */
export interface NameIndexData {
  format: number;
  /** Customer ids joined; idStart[c]..idStart[c+1]. */
  ids: string;
  idStart: Int32Array;
  /** Customer c's forms (its name, then its aliases) are formStart[c]..formStart[c+1]. */
  formStart: Int32Array;
  /** Forms: the name or alias as written, when that differs from its letters (flag SAME_DISP otherwise). */
  disp: string;
  dispStart: Int32Array;
  /** Forms: letters and digits (normalise.ts); `ini` holds the initials, one a character, at the same offsets. */
  norm: string;
  ini: string;
  normStart: Int32Array;
  /** Forms: full toneless pinyin ('' without). */
  py: string;
  pyStart: Int32Array;
  /** Forms, six each: regionEnd, coreEnd, branchStart, branchEnd (in norm), region end and core end in py. */
  parts: Uint16Array;
  suffixes: Uint16Array;
  flags: Uint8Array;
  /** Exact keys by hash: bucket b holds keyForms[keyBuckets[b]..keyBuckets[b+1]], with 8 more hash bits in keyTags. */
  keyBuckets: Uint32Array;
  keyForms: Uint32Array;
  keyTags: Uint8Array;
  /**
   * Bigrams of `norm`, sorted (two UTF-16 units as one uint32). Bigram g is in gramCount[g] forms,
   * listed ascending in postings[gramStart[g]..gramStart[g+1]] as gaps in LEB128 bytes (mostly one
   * byte a form: a quarter of plain uint32).
   */
  gramKeys: Uint32Array;
  gramCount: Uint32Array;
  gramStart: Uint32Array;
  postings: Uint8Array;
}

const ALIAS = 1;
const PINYIN = 2;
const DEAD = 4;
/** The form is written as its letters ("张记便利店"): its display text is not stored again. */
const SAME_DISP = 8;
const PARTS = 6;

/** One name or alias of a customer, taken apart. */
interface Form {
  owner: number;
  flags: number;
  disp: string;
  norm: string;
  ini: string;
  py: string;
  regionEnd: number;
  coreEnd: number;
  branchStart: number;
  branchEnd: number;
  pyRegionEnd: number;
  pyCoreEnd: number;
  suffixes: number;
}

interface Query {
  /** The page name as shown, cleaned. */
  text: string;
  norm: string;
  core: string;
  region: string;
  branch: string;
  suffixes: number;
  latin: boolean;
  /** Latin queries: the core, and the core and whole without pinyin suffixes written together. */
  latinCores: string[];
  /** Chinese queries, with a pinyin function: the pinyin of the whole and of the core (homophones). */
  pyFull: string;
  pyCore: string;
  grams: Set<number>;
  keys: string[];
}

interface Scored {
  confidence: number;
  kind: NameMatchKind;
  form: number;
  query: string;
}

const KIND_ORDER: Record<NameMatchKind, number> = { exact: 0, suffix: 1, core: 2, pinyin: 3, initials: 4, partial: 5 };

/** Most forms checked for one exact key (a key shared by hundreds of customers cannot pick one anyway). */
const KEY_CAP = 200;
/** Most forms checked from the bigram postings per page name, best-sharing first. */
const VERIFY_CAP = 128;
/** A form must share this part of a page name's bigrams to be worth checking (prefix filter). */
const MIN_SHARE = 0.4;
/** Postings read per page name before giving up on the commoner bigrams. */
const POSTINGS_BUDGET = 400_000;
/**
 * Postings read per match() call: a page sending twenty names that all need the bigram search gets
 * it for the first few only (about 1 ms per 400k postings), so one call stays within its budget.
 */
const PAGE_POSTINGS_BUDGET = 1_200_000;
const MAX_PAGE_NAMES = 20;

/** FNV-1a over UTF-16 units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const gramAt = (s: string, i: number): number => ((s.charCodeAt(i) << 16) | s.charCodeAt(i + 1)) >>> 0;

function gramsOf(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < s.length; i++) {
    const g = gramAt(s, i);
    if (!out.includes(g)) out.push(g);
  }
  return out;
}

/** The exact keys of a form: its letters, its core (with the branch, if any) and their pinyin and initials. */
function keysOf(f: Form): string[] {
  const keys = [f.norm];
  const add = (k: string) => {
    if (k.length >= MIN_CORE && !keys.includes(k)) keys.push(k);
  };
  const core = f.norm.slice(f.regionEnd, f.coreEnd);
  add(f.branchEnd > f.branchStart ? `${core}#${f.norm.slice(f.branchStart, f.branchEnd)}` : core);
  if (f.flags & PINYIN) {
    // With a branch, the core keys carry it, as for the letters: "xinlong" alone must not pull in
    // every branch of every 鑫隆 (they score low without it anyway).
    const branch = f.branchEnd > f.branchStart ? `#${f.norm.slice(f.branchStart, f.branchEnd)}` : '';
    add(f.py);
    add(f.py.slice(f.pyRegionEnd, f.pyCoreEnd) + branch);
    add(f.ini);
    add(f.ini.slice(f.regionEnd, f.coreEnd) + branch);
  }
  return keys;
}

function makeForm(owner: number, text: string, alias: boolean, hint: { full: string; initials: string } | null, pinyin: PinyinFn | undefined): Form | null {
  const disp = text.trim();
  if (!disp) return null;
  const p = parseName(disp);
  if (!p.norm || p.norm.length > 0xffff) return null;
  let py = '';
  let ini = p.norm;
  let offsets: Int32Array | null = null;
  const fit = (k: { full: string; initials: string } | null) => {
    if (!k || offsets) return;
    const full = uToV(k.full);
    const o = alignPinyin(p.norm, k.initials, full);
    if (o && full.length <= 0xffff) {
      offsets = o;
      py = full;
      ini = k.initials;
    }
  };
  if (hasHan(p.norm)) {
    fit(hint);
    if (!offsets && pinyin) fit(pinyin(p.norm));
  }
  const o = offsets as Int32Array | null;
  return {
    owner,
    flags: (alias ? ALIAS : 0) | (o ? PINYIN : 0),
    disp,
    norm: p.norm,
    ini,
    py,
    regionEnd: p.regionEnd,
    coreEnd: p.coreEnd,
    branchStart: p.branchStart,
    branchEnd: p.branchEnd,
    pyRegionEnd: o ? o[p.regionEnd] : 0,
    pyCoreEnd: o ? o[p.coreEnd] : 0,
    suffixes: p.suffixes,
  };
}

/** A customer's forms: the name first, then each distinct alias. */
function formsOf(entry: NameEntry, owner: number, pinyin: PinyinFn | undefined): Form[] {
  const forms: Form[] = [];
  const nameNorm = letters(cleanPageName(entry.name.trim()));
  const hint = entry.search ? namePinyinFromSearch(entry.search, nameNorm) : null;
  const name = makeForm(owner, entry.name, false, hint, pinyin);
  // A name with no letters or digits at all still needs a slot, so the customer can be listed.
  forms.push(name ?? { owner, flags: 0, disp: entry.name.trim(), norm: '', ini: '', py: '', regionEnd: 0, coreEnd: 0, branchStart: 0, branchEnd: 0, pyRegionEnd: 0, pyCoreEnd: 0, suffixes: 0 });
  const seen = new Set([forms[0].norm]);
  for (const a of entry.aliases ?? []) {
    const f = makeForm(owner, a, true, null, pinyin);
    if (f && !seen.has(f.norm)) {
      seen.add(f.norm);
      forms.push(f);
    }
  }
  return forms;
}

/** Lay customers and their forms out as NameIndexData, with the exact-key and bigram tables. */
function pack(customers: { id: string; forms: Form[] }[]): NameIndexData {
  const m = customers.length;
  let n = 0;
  for (const c of customers) n += c.forms.length;
  const idStart = new Int32Array(m + 1);
  const formStart = new Int32Array(m + 1);
  const dispStart = new Int32Array(n + 1);
  const normStart = new Int32Array(n + 1);
  const pyStart = new Int32Array(n + 1);
  const parts = new Uint16Array(n * PARTS);
  const suffixes = new Uint16Array(n);
  const flags = new Uint8Array(n);
  const ids: string[] = [];
  const disp: string[] = [];
  const norm: string[] = [];
  const ini: string[] = [];
  const py: string[] = [];
  let f = 0;
  for (let c = 0; c < m; c++) {
    const { id, forms } = customers[c];
    ids.push(id);
    idStart[c + 1] = idStart[c] + id.length;
    formStart[c] = f;
    for (const x of forms) {
      const same = x.disp === x.norm;
      if (!same) disp.push(x.disp);
      norm.push(x.norm);
      ini.push(x.ini);
      py.push(x.py);
      dispStart[f + 1] = dispStart[f] + (same ? 0 : x.disp.length);
      normStart[f + 1] = normStart[f] + x.norm.length;
      pyStart[f + 1] = pyStart[f] + x.py.length;
      parts.set([x.regionEnd, x.coreEnd, x.branchStart, x.branchEnd, x.pyRegionEnd, x.pyCoreEnd], f * PARTS);
      suffixes[f] = x.suffixes;
      flags[f] = (x.flags & (ALIAS | PINYIN)) | (same ? SAME_DISP : 0);
      f++;
    }
  }
  formStart[m] = f;

  // Exact keys: hashes first, then a counting sort into buckets.
  const keyHash: number[] = [];
  const keyForm: number[] = [];
  f = 0;
  for (const c of customers) {
    for (const x of c.forms) {
      if (x.norm) for (const k of keysOf(x)) {
        keyHash.push(hash(k));
        keyForm.push(f);
      }
      f++;
    }
  }
  // About two keys a bucket: half the table, and the tags keep other keys' forms out.
  let buckets = 16;
  while (buckets * 2 < keyHash.length) buckets *= 2;
  const mask = buckets - 1;
  const keyBuckets = new Uint32Array(buckets + 1);
  for (const h of keyHash) keyBuckets[(h & mask) + 1]++;
  for (let b = 0; b < buckets; b++) keyBuckets[b + 1] += keyBuckets[b];
  const fill = keyBuckets.slice(0, buckets);
  const keyForms = new Uint32Array(keyHash.length);
  const keyTags = new Uint8Array(keyHash.length);
  for (let k = 0; k < keyHash.length; k++) {
    const at = fill[keyHash[k] & mask]++;
    keyForms[at] = keyForm[k];
    keyTags[at] = keyHash[k] >>> 24;
  }

  // Bigram postings: count, sort the distinct grams, then fill in form order (so postings ascend).
  const formGrams: number[][] = [];
  const df = new Map<number, number>();
  f = 0;
  for (const c of customers) {
    for (const x of c.forms) {
      const gs = gramsOf(x.norm);
      formGrams.push(gs);
      for (const g of gs) df.set(g, (df.get(g) ?? 0) + 1);
      f++;
    }
  }
  const gramKeys = Uint32Array.from(df.keys()).sort();
  const gramCount = new Uint32Array(gramKeys.length);
  const listStart = new Uint32Array(gramKeys.length + 1);
  const slot = new Map<number, number>();
  for (let g = 0; g < gramKeys.length; g++) {
    slot.set(gramKeys[g], g);
    gramCount[g] = df.get(gramKeys[g])!;
    listStart[g + 1] = listStart[g] + gramCount[g];
  }
  const lists = new Uint32Array(listStart[gramKeys.length]);
  const at = listStart.slice(0, gramKeys.length);
  for (let x = 0; x < formGrams.length; x++) for (const g of formGrams[x]) lists[at[slot.get(g)!]++] = x;
  // Gaps between ascending form ids, seven bits a byte, high bit = more bytes follow.
  const gramStart = new Uint32Array(gramKeys.length + 1);
  let size = 0;
  for (let g = 0; g < gramKeys.length; g++) {
    for (let i = listStart[g], prev = 0; i < listStart[g + 1]; prev = lists[i++]) size += lebLength(lists[i] - prev);
    gramStart[g + 1] = size;
  }
  const postings = new Uint8Array(size);
  for (let g = 0, o = 0; g < gramKeys.length; g++) {
    for (let i = listStart[g], prev = 0; i < listStart[g + 1]; prev = lists[i++]) {
      let v = lists[i] - prev;
      while (v >= 0x80) {
        postings[o++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      postings[o++] = v;
    }
  }

  return {
    format: NAME_INDEX_FORMAT,
    ids: oneByte(ids.join('')),
    idStart,
    formStart,
    disp: oneByte(disp.join('')),
    dispStart,
    norm: oneByte(norm.join('')),
    ini: oneByte(ini.join('')),
    normStart,
    py: oneByte(py.join('')),
    pyStart,
    parts,
    suffixes,
    flags,
    keyBuckets,
    keyForms,
    keyTags,
    gramKeys,
    gramCount,
    gramStart,
    postings,
  };
}

const lebLength = (v: number): number => (v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5);

/**
 * The same text in V8's one-byte representation when it is all Latin-1. Pinyin and initials are
 * sliced from search texts holding Chinese, and V8 keeps such slices (and strings joined from them)
 * two bytes a character: twice the memory and twice the bytes in IndexedDB.
 */
function oneByte(s: string): string {
  if (/[^\x00-\xff]/.test(s)) return s;
  const parts: string[] = [];
  const codes = new Uint8Array(Math.min(s.length, 8192));
  for (let at = 0; at < s.length; at += codes.length) {
    const n = Math.min(codes.length, s.length - at);
    for (let i = 0; i < n; i++) codes[i] = s.charCodeAt(at + i);
    parts.push(String.fromCharCode.apply(null, n === codes.length ? (codes as unknown as number[]) : (codes.subarray(0, n) as unknown as number[])));
  }
  return parts.join('');
}

function checkData(d: NameIndexData): void {
  const ok =
    d &&
    d.format === NAME_INDEX_FORMAT &&
    d.idStart instanceof Int32Array &&
    d.formStart.length === d.idStart.length &&
    d.idStart[d.idStart.length - 1] === d.ids.length &&
    d.dispStart.length === d.normStart.length &&
    d.pyStart.length === d.normStart.length &&
    d.formStart[d.formStart.length - 1] === d.normStart.length - 1 &&
    d.dispStart[d.dispStart.length - 1] === d.disp.length &&
    d.normStart[d.normStart.length - 1] === d.norm.length &&
    d.ini.length === d.norm.length &&
    d.pyStart[d.pyStart.length - 1] === d.py.length &&
    d.parts.length === (d.normStart.length - 1) * PARTS &&
    d.flags.length === d.normStart.length - 1 &&
    d.suffixes.length === d.flags.length &&
    d.keyForms.length === d.keyTags.length &&
    d.keyBuckets[d.keyBuckets.length - 1] === d.keyForms.length &&
    d.gramStart.length === d.gramKeys.length + 1 &&
    d.gramCount.length === d.gramKeys.length &&
    d.gramStart[d.gramKeys.length] === d.postings.length;
  if (!ok) throw new Error('name index data: wrong format or inconsistent');
}

/**
 * Fuzzy matching of page names to customers' names and aliases, for when no identifier matches.
 *
 * Every name and alias is a "form", taken apart by `parseName` into region, core, suffixes and branch,
 * with its pinyin and initials aligned character by character (so the pinyin of the core is a slice).
 * Two tables find candidates without scanning all forms:
 *  - exact keys (a hash table of form ids): the letters of the form, its core (with its branch), and
 *    their pinyin and initials. A page name looks up the same kinds of key, so "张记" finds
 *    "张记便利店", "zhangji bianlidian" and "zjbld" find it by pinyin and initials;
 *  - bigram postings over the forms' letters, for typos and partial names: the page name's rarest
 *    bigrams are read (enough that any form sharing MIN_SHARE of them is seen) and the forms sharing
 *    the most are checked, at most VERIFY_CAP.
 * Each candidate is then scored on the strings themselves (`score`), whichever table found it. When
 * the exact keys already give a match at NAME_AUTO_LINK_THRESHOLD, the bigram search is skipped (see
 * MatchOptions.exhaustive): it can only add partial matches, which score too low to matter then.
 *
 * The built part lives in typed arrays and joined strings (NameIndexData), so it is stored and
 * loaded whole; `upsert` and `remove` mark old forms dead and keep new ones in small maps beside it,
 * until the next `serialise` folds them in.
 */
export class NameIndex {
  private readonly d: NameIndexData;
  private readonly pinyin: PinyinFn | undefined;
  private readonly baseCustomers: number;
  private readonly baseForms: number;
  private readonly keyMask: number;
  /** Owner (customer) of each built form. */
  private readonly owner: Int32Array;
  /** Built customer ids by hash (slot + 1, open addressing); made on the first look-up by id. */
  private idTable: Int32Array | null = null;
  private deadBase = 0;
  /** Forms and customers added since the build; form ids and owners continue after the built ones. */
  private extraForms: Form[] = [];
  private extraCustomers: { id: string; forms: number[]; dead: boolean }[] = [];
  private extraIds = new Map<string, number>();
  private extraKeys = new Map<number, number[]>();
  private extraGrams = new Map<number, number[]>();
  // Scratch space of the queries, grown with the forms.
  private mark = new Uint32Array(0);
  private epoch = 0;
  private acc = new Uint16Array(0);
  private touched = new Int32Array(0);

  private constructor(data: NameIndexData, options: NameIndexOptions) {
    checkData(data);
    this.d = data;
    this.pinyin = options.pinyin;
    this.baseCustomers = data.idStart.length - 1;
    this.baseForms = data.normStart.length - 1;
    this.keyMask = data.keyBuckets.length - 2;
    this.owner = new Int32Array(this.baseForms);
    for (let c = 0; c < this.baseCustomers; c++) this.owner.fill(c, data.formStart[c], data.formStart[c + 1]);
  }

  /** Build from customers (a later entry with the same id wins). */
  static build(entries: Iterable<NameEntry>, options: NameIndexOptions = {}): NameIndex {
    const byId = new Map<string, NameEntry>();
    for (const e of entries) {
      byId.delete(e.id);
      byId.set(e.id, e);
    }
    const customers: { id: string; forms: Form[] }[] = [];
    for (const e of byId.values()) customers.push({ id: e.id, forms: formsOf(e, customers.length, options.pinyin) });
    return new NameIndex(pack(customers), options);
  }

  /** An index from `serialise()`'s data (throws when the data is of another format or inconsistent). */
  static deserialise(data: NameIndexData, options: NameIndexOptions = {}): NameIndex {
    return new NameIndex(data, options);
  }

  /**
   * The index as NameIndexData, with the changes since the build folded in. Without changes this is
   * the index's own arrays (flags copied): cheap, but store it before the next change.
   */
  serialise(): NameIndexData {
    if (this.extraCustomers.length === 0 && this.deadBase === 0) return { ...this.d, flags: this.d.flags.slice() };
    const customers: { id: string; forms: Form[] }[] = [];
    for (let c = 0; c < this.baseCustomers; c++) {
      if (this.isDead(this.d.formStart[c])) continue;
      const forms: Form[] = [];
      for (let f = this.d.formStart[c]; f < this.d.formStart[c + 1]; f++) forms.push({ ...this.form(f, true), owner: customers.length });
      customers.push({ id: this.idOf(c), forms });
    }
    for (const x of this.extraCustomers) {
      if (x.dead) continue;
      customers.push({ id: x.id, forms: x.forms.map((f) => ({ ...this.form(f, true), owner: customers.length })) });
    }
    return pack(customers);
  }

  /** Number of customers. */
  get size(): number {
    let extra = 0;
    for (const x of this.extraCustomers) if (!x.dead) extra++;
    return this.baseCustomers - this.deadBase + extra;
  }

  has(id: string): boolean {
    return this.extraIds.has(id) || this.baseSlot(id) >= 0;
  }

  /** Add a customer or replace the one with its id (after an edit). */
  upsert(entry: NameEntry): void {
    this.remove(entry.id);
    const owner = this.baseCustomers + this.extraCustomers.length;
    const ids: number[] = [];
    for (const form of formsOf(entry, owner, this.pinyin)) {
      const f = this.baseForms + this.extraForms.length;
      this.extraForms.push(form);
      ids.push(f);
      if (!form.norm) continue;
      for (const k of keysOf(form)) push(this.extraKeys, hash(k), f);
      for (const g of gramsOf(form.norm)) push(this.extraGrams, g, f);
    }
    this.extraIds.set(entry.id, this.extraCustomers.length);
    this.extraCustomers.push({ id: entry.id, forms: ids, dead: false });
  }

  /** Remove a customer; false when it was not there. */
  remove(id: string): boolean {
    const x = this.extraIds.get(id);
    if (x !== undefined) {
      const c = this.extraCustomers[x];
      c.dead = true;
      for (const f of c.forms) this.extraForms[f - this.baseForms].flags |= DEAD;
      this.extraIds.delete(id);
      return true;
    }
    const slot = this.baseSlot(id);
    if (slot < 0) return false;
    for (let f = this.d.formStart[slot]; f < this.d.formStart[slot + 1]; f++) this.d.flags[f] |= DEAD;
    this.deadBase++;
    return true;
  }

  /**
   * Customers whose name or alias matches one of the page's names (1–20 strings), best first: by
   * confidence, then kind (exact before suffix … before partial), a name before an alias, the closer
   * length, the id. One candidate per customer, with its best reason.
   */
  match(pageNames: readonly string[], options: MatchOptions = {}): NameCandidate[] {
    const limit = options.limit ?? 10;
    const min = options.minConfidence ?? NAME_MIN_CONFIDENCE;
    const best = new Map<number, Scored & { lengthGap: number }>();
    const seen = new Set<string>();
    let budget = PAGE_POSTINGS_BUDGET;
    for (const raw of pageNames.slice(0, MAX_PAGE_NAMES)) {
      for (const q of this.queriesOf(raw)) {
        if (seen.has(q.norm)) continue;
        seen.add(q.norm);
        let strongest = 0;
        const consider = (forms: number[]) => {
          for (const f of forms) {
            if (this.isDead(f)) continue;
            const form = this.form(f);
            const s = score(q, form);
            if (!s) continue;
            if (s.confidence > strongest) strongest = s.confidence;
            if (s.confidence < min) continue;
            const prev = best.get(form.owner);
            const entry = { ...s, form: f, query: q.text, lengthGap: Math.abs(form.norm.length - q.norm.length) };
            if (!prev || better(entry, prev, this.isAlias(f), this.isAlias(prev.form))) best.set(form.owner, entry);
          }
        };
        consider(this.keyCandidates(q));
        if ((options.exhaustive || strongest < NAME_AUTO_LINK_THRESHOLD) && budget > 0) {
          const found = this.gramCandidates(q, Math.min(budget, POSTINGS_BUDGET));
          budget -= found.read;
          consider(found.forms);
        }
      }
    }
    const ranked = [...best.entries()].sort(
      ([oa, a], [ob, b]) =>
        b.confidence - a.confidence ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        Number(this.isAlias(a.form)) - Number(this.isAlias(b.form)) ||
        a.lengthGap - b.lengthGap ||
        (this.idOf(oa) < this.idOf(ob) ? -1 : 1),
    );
    return ranked.slice(0, limit).map(([owner, s]) => {
      const form = this.form(s.form, true);
      return {
        customerId: this.idOf(owner),
        name: this.form(this.nameFormOf(owner), true).disp,
        confidence: Math.round(s.confidence * 1000) / 1000,
        reason: { kind: s.kind, matched: form.disp, alias: (form.flags & ALIAS) !== 0, query: s.query },
      };
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Queries

  /** A page name, and for "张记便利店 Zhangji Store" its Chinese and its Latin words apart. */
  private queriesOf(raw: string): Query[] {
    const text = cleanPageName(raw);
    if (!text) return [];
    const out = [this.query(text)];
    const words = text.split(' ');
    if (words.length > 1) {
      const han = words.filter(hasHan);
      const latin = words.filter((w) => !hasHan(w) && /\p{L}/u.test(w));
      if (han.length && latin.length) out.push(this.query(han.join(' ')), this.query(latin.join(' ')));
    }
    return out.filter((q) => q.norm.length > 0);
  }

  private query(text: string): Query {
    const p = parseName(text);
    const core = p.norm.slice(p.regionEnd, p.coreEnd);
    const branch = p.norm.slice(p.branchStart, p.branchEnd);
    const latin = !hasHan(p.norm);
    const keys = [p.norm];
    const add = (k: string) => {
      if (k.length >= MIN_CORE && !keys.includes(k)) keys.push(k);
    };
    add(branch ? `${core}#${branch}` : core);
    if (branch) add(core);
    const latinCores: string[] = [];
    let pyFull = '';
    let pyCore = '';
    if (latin) {
      for (const k of [core, stripPinyinSuffixes(core), stripPinyinSuffixes(p.norm)]) if (!latinCores.includes(k)) latinCores.push(k);
      for (const k of latinCores) add(k);
    } else if (this.pinyin) {
      pyFull = uToV(this.pinyin(p.norm).full);
      pyCore = core === p.norm ? pyFull : uToV(this.pinyin(core).full);
      add(pyFull);
      add(branch ? `${pyCore}#${branch}` : pyCore);
    }
    return {
      text,
      norm: p.norm,
      core,
      region: p.norm.slice(0, p.regionEnd),
      branch,
      suffixes: p.suffixes,
      latin,
      latinCores,
      pyFull,
      pyCore,
      grams: new Set(gramsOf(p.norm)),
      keys,
    };
  }

  /** Form ids with one of the page name's exact keys. Starts a new round of `mark`. */
  private keyCandidates(q: Query): number[] {
    const total = this.baseForms + this.extraForms.length;
    if (this.mark.length < total) {
      this.mark = new Uint32Array(total + 1024);
      this.acc = new Uint16Array(total + 1024);
      this.touched = new Int32Array(total + 1024);
      this.epoch = 0;
    }
    const epoch = ++this.epoch;
    const { mark } = this;
    const out: number[] = [];
    const add = (f: number) => {
      if (mark[f] !== epoch) {
        mark[f] = epoch;
        out.push(f);
      }
    };
    const { keyBuckets, keyForms, keyTags } = this.d;
    for (const key of q.keys) {
      const h = hash(key);
      const b = h & this.keyMask;
      const tag = h >>> 24;
      let taken = 0;
      for (let i = keyBuckets[b]; i < keyBuckets[b + 1] && taken < KEY_CAP; i++) {
        if (keyTags[i] === tag) {
          add(keyForms[i]);
          taken++;
        }
      }
      for (const f of this.extraKeys.get(h) ?? []) if (taken++ < KEY_CAP) add(f);
    }
    return out;
  }

  /**
   * Form ids sharing the most bigrams with the page name (at most VERIFY_CAP), leaving out those the
   * key look-up of the same round already gave.
   */
  private gramCandidates(q: Query, budget: number): { forms: number[]; read: number } {
    const out: number[] = [];
    const G = q.grams.size;
    if (G === 0) return { forms: out, read: 0 };
    const { mark, epoch } = this;
    const add = (f: number) => {
      if (mark[f] !== epoch) {
        mark[f] = epoch;
        out.push(f);
      }
    };
    const { gramKeys, gramCount, gramStart, postings } = this.d;
    const lists = [...q.grams].map((g) => {
      const at = findGram(gramKeys, g);
      const from = at < 0 ? 0 : gramStart[at];
      const to = at < 0 ? 0 : gramStart[at + 1];
      const extra = this.extraGrams.get(g);
      return { from, to, extra, df: (at < 0 ? 0 : gramCount[at]) + (extra?.length ?? 0) };
    });
    lists.sort((a, b) => a.df - b.df);
    // Prefix filter: a form sharing at least `need` of the G bigrams has one among the G - need + 1 rarest.
    const need = Math.max(1, Math.ceil(G * MIN_SHARE));
    const probe = G - need + 1;
    const { acc, touched } = this;
    let n = 0;
    let read = 0;
    let maxCount = 0;
    for (let k = 0; k < probe && k < lists.length; k++) {
      const { from, to, extra, df } = lists[k];
      if (k > 0 && read + df > budget) break;
      read += df;
      // Decoding and counting inline: this loop runs over up to POSTINGS_BUDGET forms a page name.
      for (let i = from, f = 0; i < to; ) {
        let b = postings[i++];
        let gap = b & 0x7f;
        for (let shift = 7; b & 0x80; shift += 7) {
          b = postings[i++];
          gap |= (b & 0x7f) << shift;
        }
        f += gap;
        const c = ++acc[f];
        if (c === 1) touched[n++] = f;
        if (c > maxCount) maxCount = c;
      }
      if (extra) {
        for (const f of extra) {
          const c = ++acc[f];
          if (c === 1) touched[n++] = f;
          if (c > maxCount) maxCount = c;
        }
      }
    }
    if (n <= VERIFY_CAP) {
      for (let i = 0; i < n; i++) add(touched[i]);
    } else {
      // The VERIFY_CAP forms sharing the most: a count histogram gives the cut.
      const hist = new Int32Array(maxCount + 1);
      for (let i = 0; i < n; i++) hist[acc[touched[i]]]++;
      let cut = maxCount;
      for (let sum = 0; cut > 1 && sum + hist[cut] < VERIFY_CAP; cut--) sum += hist[cut];
      let room = VERIFY_CAP;
      for (let i = 0; i < n && room > 0; i++) if (acc[touched[i]] > cut) (add(touched[i]), room--);
      for (let i = 0; i < n && room > 0; i++) if (acc[touched[i]] === cut) (add(touched[i]), room--);
    }
    for (let i = 0; i < n; i++) acc[touched[i]] = 0;
    return { forms: out, read };
  }

  // ---------------------------------------------------------------------------------------------
  // Forms and customers

  /** A form's fields; `disp` only `withDisp` (scoring does not need it, and most candidates are only scored). */
  private form(f: number, withDisp = false): Form {
    if (f >= this.baseForms) return this.extraForms[f - this.baseForms];
    const d = this.d;
    const a = d.normStart[f];
    const b = d.normStart[f + 1];
    const o = f * PARTS;
    const flags = d.flags[f];
    const norm = d.norm.slice(a, b);
    return {
      owner: this.owner[f],
      flags,
      disp: flags & SAME_DISP ? norm : withDisp ? d.disp.slice(d.dispStart[f], d.dispStart[f + 1]) : '',
      norm,
      ini: d.ini.slice(a, b),
      py: d.py.slice(d.pyStart[f], d.pyStart[f + 1]),
      regionEnd: d.parts[o],
      coreEnd: d.parts[o + 1],
      branchStart: d.parts[o + 2],
      branchEnd: d.parts[o + 3],
      pyRegionEnd: d.parts[o + 4],
      pyCoreEnd: d.parts[o + 5],
      suffixes: d.suffixes[f],
    };
  }

  private isDead(f: number): boolean {
    return ((f < this.baseForms ? this.d.flags[f] : this.extraForms[f - this.baseForms].flags) & DEAD) !== 0;
  }

  private isAlias(f: number): boolean {
    return ((f < this.baseForms ? this.d.flags[f] : this.extraForms[f - this.baseForms].flags) & ALIAS) !== 0;
  }

  private idOf(owner: number): string {
    if (owner >= this.baseCustomers) return this.extraCustomers[owner - this.baseCustomers].id;
    return this.d.ids.slice(this.d.idStart[owner], this.d.idStart[owner + 1]);
  }

  private nameFormOf(owner: number): number {
    return owner >= this.baseCustomers ? this.extraCustomers[owner - this.baseCustomers].forms[0] : this.d.formStart[owner];
  }

  /** The built slot of a live customer, or -1. */
  private baseSlot(id: string): number {
    const { ids, idStart, formStart } = this.d;
    let table = this.idTable;
    if (!table) {
      let size = 16;
      while (size < this.baseCustomers * 2) size *= 2;
      table = new Int32Array(size);
      for (let c = 0; c < this.baseCustomers; c++) {
        let i = hash(ids.slice(idStart[c], idStart[c + 1])) & (size - 1);
        while (table[i] !== 0) i = (i + 1) & (size - 1);
        table[i] = c + 1;
      }
      this.idTable = table;
    }
    const m = table.length - 1;
    for (let i = hash(id) & m; table[i] !== 0; i = (i + 1) & m) {
      const c = table[i] - 1;
      if (idStart[c + 1] - idStart[c] === id.length && ids.startsWith(id, idStart[c])) {
        return this.isDead(formStart[c]) ? -1 : c;
      }
    }
    return -1;
  }
}

function push(map: Map<number, number[]>, key: number, f: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== f) list.push(f);
  } else map.set(key, [f]);
}

function findGram(keys: Uint32Array, g: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid];
    if (k === g) return mid;
    if (k < g) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function better(a: Scored & { lengthGap: number }, b: Scored & { lengthGap: number }, aAlias: boolean, bAlias: boolean): boolean {
  return (
    a.confidence > b.confidence ||
    (a.confidence === b.confidence &&
      (KIND_ORDER[a.kind] < KIND_ORDER[b.kind] || (KIND_ORDER[a.kind] === KIND_ORDER[b.kind] && (Number(aAlias) < Number(bAlias) || (aAlias === bAlias && a.lengthGap < b.lengthGap)))))
  );
}

// -----------------------------------------------------------------------------------------------
// Scoring

const SHORT_HAN = 2;
const SHORT_LATIN = 4;

/**
 * How well a page name matches one form, on the strings themselves. Confidences:
 *  exact 0.97 · the same core: 0.97 less what differs (a suffix left out −0.05 or of another trade
 *  −0.20, a region left out −0.07 or another −0.35, a branch left out −0.27 or another −0.55, a core of
 *  two characters or fewer −0.08) · the full pinyin 0.90 (a homophone 0.82) · the pinyin of the core
 *  0.90 less the same deductions · initials 0.72 (of the core 0.62; short ones 0.45–0.55) · shared
 *  bigrams (Dice) 0.2 + 0.55·dice, at most 0.75. An alias scores 0.01 less than the name.
 * Only exact, suffix, core and full-pinyin matches can reach NAME_AUTO_LINK_THRESHOLD.
 */
function score(q: Query, f: Form): { confidence: number; kind: NameMatchKind } | null {
  if (!f.norm) return null;
  const aliasCut = f.flags & ALIAS ? 0.01 : 0;
  if (q.norm === f.norm) return { confidence: (q.norm.length >= MIN_CORE ? 0.97 : 0.6) - aliasCut, kind: 'exact' };
  let confidence = 0;
  let kind: NameMatchKind = 'partial';
  const fCore = f.norm.slice(f.regionEnd, f.coreEnd);
  const fBranch = f.norm.slice(f.branchStart, f.branchEnd);
  const qSpecific = q.suffixes & SPECIFIC_SUFFIXES;
  const fSpecific = f.suffixes & SPECIFIC_SUFFIXES;
  const tradeConflict = qSpecific !== 0 && fSpecific !== 0 && (qSpecific & fSpecific) === 0;
  // Another branch of the same shop ("…123号店" / "…124号店") shares most bigrams yet is another customer.
  let partialCap = 0.75;

  // The same core, less what differs around it; the kind is that of the largest difference.
  if (q.core === fCore) {
    let c = 0.97;
    let worst = 0;
    let k: NameMatchKind = 'suffix';
    if (q.branch !== fBranch) {
      const d = q.branch && fBranch ? 0.55 : 0.27;
      c -= d;
      worst = d;
      k = 'partial';
      if (q.branch && fBranch) partialCap = 0.5;
    }
    if (q.suffixes !== f.suffixes) {
      const d = tradeConflict ? 0.2 : 0.05;
      c -= d;
      if (d > worst) (worst = d), (k = 'suffix');
    }
    const fRegion = f.norm.slice(0, f.regionEnd);
    if (q.region !== fRegion) {
      // "南山区" and "深圳市南山区" agree (one holds the other); "南山区" and "福田区" do not.
      const d = q.region && fRegion && !q.region.includes(fRegion) && !fRegion.includes(q.region) ? 0.35 : 0.07;
      c -= d;
      if (d > worst) (worst = d), (k = 'core');
    }
    // A short core says little on its own ("张记"), unless the same branch or trade comes with it.
    const sharedTrade = (qSpecific & fSpecific) !== 0;
    if (fCore.length <= (q.latin ? SHORT_LATIN : SHORT_HAN) && !(fBranch && q.branch === fBranch) && !sharedTrade) c -= 0.08;
    // Parts equal but written differently (a branch as "(南山店)" or "南山分店"): as good as a suffix change.
    if (worst === 0) c -= 0.02;
    if (c > confidence) (confidence = c), (kind = k);
  }

  if (f.flags & PINYIN) {
    const pyCore = f.py.slice(f.pyRegionEnd, f.pyCoreEnd);
    if (q.latin) {
      if (q.norm === f.py) {
        if (0.9 > confidence) (confidence = 0.9), (kind = 'pinyin');
      } else if (q.latinCores.includes(pyCore)) {
        let c = 0.9;
        if (fBranch) c -= 0.27;
        if (f.regionEnd > 0) c -= 0.04;
        if (tradeConflict) c -= 0.2;
        else if (q.suffixes !== f.suffixes) c -= 0.03;
        if (f.coreEnd - f.regionEnd <= SHORT_HAN) c -= 0.08;
        if (c > confidence) (confidence = c), (kind = 'pinyin');
      }
      const iniCore = f.ini.slice(f.regionEnd, f.coreEnd);
      let c = 0;
      if (q.norm === f.ini) c = f.ini.length > 3 ? 0.72 : 0.55;
      else if (q.latinCores.includes(iniCore)) c = iniCore.length > 2 ? 0.62 : 0.45;
      if (c > confidence) (confidence = c), (kind = 'initials');
    } else if (q.pyFull && q.core !== fCore) {
      // A Chinese name that sounds the same but is written otherwise (an IME slip: 章记 for 张记).
      let c = 0;
      if (q.pyFull === f.py) c = 0.82;
      else if (q.pyCore === pyCore && q.branch === fBranch) c = fCore.length <= SHORT_HAN ? 0.7 : 0.76;
      if (c > confidence) (confidence = c), (kind = 'pinyin');
    }
  }

  if (confidence < partialCap && q.grams.size > 0 && f.norm.length > 1) {
    let shared = 0;
    for (let i = 0; i + 1 < f.norm.length; i++) if (q.grams.has(gramAt(f.norm, i))) shared++;
    if (shared > q.grams.size) shared = q.grams.size;
    const c = Math.min(partialCap, 0.2 + (0.55 * 2 * shared) / (q.grams.size + f.norm.length - 1));
    if (c > confidence) (confidence = c), (kind = 'partial');
  }
  return confidence > 0 ? { confidence: confidence - aliasCut, kind } : null;
}
