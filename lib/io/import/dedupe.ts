import type { OrderLine } from '../../model/activity';
import { type IdentifierKind, identKey, toHalfWidth } from '../../match/identifiers';
import type { CustomerDraft, OrderDraft, OrderKey, RowError, RowResult, RowWarning } from './rows';

// ---------------------------------------------------------------- existing customers

/**
 * An existing customer as the plan sees it. Only id and name are required, but pass the whole
 * Customer: the update diff compares field by field and merges lists (mobiles …) with what is stored,
 * so with id and name alone a patch would only carry the file's values.
 */
export type ExistingRef = { id: string; name: string } & Partial<Omit<CustomerDraft, 'name'>>;

export interface ExistingIndex {
  /** identKey(kind, value) → customers with that identifier (lib/match/identifiers). */
  byKey: Map<string, ExistingRef[]>;
  /** nameKey(name or alias) → customers; only used for rows without any identifier. */
  byName?: Map<string, ExistingRef[]>;
}

/** Exact-name comparison key: half-width, lower case, whitespace collapsed. */
export const nameKey = (name: string): string =>
  // Most names need nothing done; testing first saves three string copies per row on 100k-row files.
  /[\uFF01-\uFF5E\u3000\sA-Z]/.test(name) ? toHalfWidth(name).trim().replace(/\s+/g, ' ').toLowerCase() : name;

const STRONG: readonly IdentifierKind[] = ['licence', 'customerCode', 'uscc'];

/** identKeys of a customer or draft: strong (licence, code, credit code) and weak (mobiles, emails). */
export function customerKeys(c: Partial<Omit<CustomerDraft, 'name'>>): { strong: string[]; weak: string[] } {
  const strong: string[] = [];
  if (c.licenceNo) strong.push(identKey('licence', c.licenceNo));
  if (c.customerCode) strong.push(identKey('customerCode', c.customerCode));
  if (c.uscc) strong.push(identKey('uscc', c.uscc));
  const weak: string[] = [];
  for (const m of c.mobiles ?? []) weak.push(identKey('mobile', m));
  for (const e of c.emails ?? []) weak.push(identKey('email', e));
  return { strong, weak };
}

const hasIdentifier = (d: CustomerDraft): boolean =>
  Boolean(d.licenceNo || d.customerCode || d.uscc || d.mobiles.length || d.emails.length);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** In-memory index over the stored customers (100k customers: ~100 ms, tens of MB at most). */
export function buildExistingIndex(customers: Iterable<ExistingRef>): ExistingIndex {
  const byKey = new Map<string, ExistingRef[]>();
  const byName = new Map<string, ExistingRef[]>();
  for (const c of customers) {
    const { strong, weak } = customerKeys(c);
    for (const k of strong) push(byKey, k, c);
    for (const k of weak) push(byKey, k, c);
    push(byName, nameKey(c.name), c);
    for (const a of c.aliases ?? []) push(byName, nameKey(a), c);
  }
  return { byKey, byName };
}

// ---------------------------------------------------------------- names

/** Words every shop name may carry; removed before comparing so "张三便利店" and "张三超市" count as alike. */
const GENERIC = /有限责任公司|有限公司|股份|公司|便利店|便利|超市|商店|商行|商贸|经营部|批发部|门市部|百货|副食|烟酒|食杂|杂货|小卖部|零售|店|铺|行/g;

const core = (name: string): string =>
  nameKey(name)
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');

/**
 * True when two names of a record are unlikely to be the same shop: neither contains the other and,
 * without generic words, they share fewer than 40 % of their characters (Dice). Meant to catch a
 * reused licence or a wrong column, not spelling variants, which stay updates.
 */
export function namesClearlyDiffer(a: string, b: string): boolean {
  if (a === b) return false; // the usual case on re-import, without building two keys
  const ca = core(a);
  const cb = core(b);
  if (!ca || !cb || ca === cb || ca.includes(cb) || cb.includes(ca)) return false;
  const sa = ca.replace(GENERIC, '') || ca;
  const sb = cb.replace(GENERIC, '') || cb;
  if (sa.includes(sb) || sb.includes(sa)) return false;
  const setA = new Set(sa);
  const setB = new Set(sb);
  let common = 0;
  for (const ch of setA) if (setB.has(ch)) common++;
  return (2 * common) / (setA.size + setB.size) < 0.4;
}

// ---------------------------------------------------------------- diff

type ScalarField = 'name' | 'licenceNo' | 'customerCode' | 'uscc' | 'address' | 'owner' | 'class' | 'segment' | 'businessType' | 'marketType' | 'birthday' | 'note';
type ListField = 'mobiles' | 'phones' | 'emails' | 'aliases';
const SCALARS: readonly ScalarField[] = ['name', 'licenceNo', 'customerCode', 'uscc', 'address', 'owner', 'class', 'segment', 'businessType', 'marketType', 'birthday'];
const LISTS: readonly ListField[] = ['mobiles', 'phones', 'emails', 'aliases'];

export interface FieldChange {
  field: ScalarField | ListField | 'custom';
  from: string | string[] | Record<string, string> | undefined;
  to: string | string[] | Record<string, string>;
}

/**
 * What importing `draft` over `existing` changes. Only fields the file fills are looked at.
 * Scalars are replaced; lists (mobiles, phones, emails, aliases) and custom fields are merged, never
 * shortened; a note is appended unless already there; a renamed customer keeps the old name as an
 * alias; a birthday without a year does not replace one with a year on the same day.
 * `patch` holds the new values of the changed fields, to spread over the stored customer.
 */
export function diffCustomer(draft: CustomerDraft, existing: ExistingRef): { changes: FieldChange[]; patch: Partial<CustomerDraft> } {
  const changes: FieldChange[] = [];
  const patch: Partial<CustomerDraft> = {};
  const aliasesToAdd: string[] = [];
  for (const f of SCALARS) {
    const to = draft[f];
    const from = f === 'name' ? existing.name : existing[f];
    if (!to || to === from) continue;
    if (f === 'birthday' && to.startsWith('--') && from?.endsWith(to.slice(1))) continue;
    changes.push({ field: f, from, to });
    patch[f] = to;
    if (f === 'name' && from) aliasesToAdd.push(from);
  }
  if (draft.note) {
    const from = existing.note;
    if (!from?.includes(draft.note)) {
      const to = from ? `${from}\n${draft.note}` : draft.note;
      changes.push({ field: 'note', from, to });
      patch.note = to;
    }
  }
  for (const f of LISTS) {
    const extra = f === 'aliases' && aliasesToAdd.length ? [...draft.aliases, ...aliasesToAdd] : draft[f];
    if (!extra.length) continue;
    const from = existing[f] ?? [];
    const name = patch.name ?? existing.name;
    const added = extra.filter((v, i) => !from.includes(v) && extra.indexOf(v) === i && !(f === 'aliases' && v === name));
    if (!added.length) continue;
    const to = [...from, ...added];
    changes.push({ field: f, from, to });
    patch[f] = to;
  }
  const customFrom = existing.custom ?? {};
  const customAdded = Object.entries(draft.custom).filter(([k, v]) => customFrom[k] !== v);
  if (customAdded.length) {
    const to = { ...customFrom, ...Object.fromEntries(customAdded) };
    changes.push({ field: 'custom', from: customFrom, to });
    patch.custom = to;
  }
  return { changes, patch };
}

// ---------------------------------------------------------------- customer plan

export type ConflictReason =
  | 'multipleMatches' // the identifiers point at two or more existing customers
  | 'identifiersSplit' // licence/code/credit code point at one customer, mobile/email at another (or at one with a different licence)
  | 'nameMismatch' // the identifiers point at one customer whose name is clearly different
  | 'sameNameOnly' // no identifier in the row; its exact name is an existing customer's
  | 'sharesContactInFile'; // shares a mobile/email with an earlier row that has a different licence/code/credit code

export type Candidate = { id: string; name: string };

export type Decision =
  | { kind: 'new'; draft: CustomerDraft }
  | { kind: 'update'; draft: CustomerDraft; target: Candidate; changes: FieldChange[]; patch: Partial<CustomerDraft> }
  | { kind: 'unchanged'; draft: CustomerDraft; target: Candidate }
  | { kind: 'conflict'; draft: CustomerDraft; reason: ConflictReason; candidates: Candidate[]; otherRow?: number }
  | { kind: 'duplicateInFile'; draft: CustomerDraft; ofRow: number }
  | { kind: 'invalid'; errors: RowError[] };

export type DecisionKind = Decision['kind'];

export interface PlanRow {
  rowNumber: number;
  warnings: RowWarning[];
  decision: Decision;
}

export interface Plan {
  rows: PlanRow[];
  counts: Record<DecisionKind, number>;
}

const cand = (c: ExistingRef): Candidate => ({ id: c.id, name: c.name });

/**
 * Existing customers with any of these identKeys, each once; null when none (the common case for a
 * new row). Arrays rather than Maps: the lists hold one or two customers, and 100k rows × a Map each
 * showed up as the largest cost of planning.
 */
function refsOf(index: ExistingIndex, keys: readonly string[]): ExistingRef[] | null {
  let found: ExistingRef[] | null = null;
  for (const k of keys) {
    const list = index.byKey.get(k);
    if (!list) continue;
    if (!found) found = list.slice();
    else for (const c of list) if (!found.some((f) => f.id === c.id)) found.push(c);
  }
  return found;
}

const hasId = (list: readonly ExistingRef[], id: string) => list.some((c) => c.id === id);

/** Strong identifier kinds with a value, to tell "same shop" from "another shop sharing a mobile". */
const strongDisagree = (a: Partial<CustomerDraft>, b: Partial<CustomerDraft>): boolean =>
  (a.licenceNo !== undefined && b.licenceNo !== undefined && a.licenceNo !== b.licenceNo) ||
  (a.customerCode !== undefined && b.customerCode !== undefined && a.customerCode !== b.customerCode) ||
  (a.uscc !== undefined && b.uscc !== undefined && a.uscc !== b.uscc);

type Match = { kind: 'none' } | { kind: 'one'; target: ExistingRef } | { kind: 'conflict'; reason: ConflictReason; candidates: ExistingRef[] };

/** Which existing customer the row's identifiers point at. */
function matchExisting(draft: CustomerDraft, strong: string[], weak: string[], index: ExistingIndex): Match {
  const byStrong = refsOf(index, strong);
  let weakSets: ExistingRef[][] | null = null;
  for (const k of weak) {
    const list = index.byKey.get(k);
    if (list) (weakSets ??= []).push(list);
  }
  if (byStrong && byStrong.length > 1) return { kind: 'conflict', reason: 'multipleMatches', candidates: byStrong };
  if (byStrong) {
    const target = byStrong[0];
    // A mobile or email that belongs to other customers only: the file and the records disagree.
    const others: ExistingRef[] = [];
    for (const set of weakSets ?? []) if (!hasId(set, target.id)) for (const c of set) if (!hasId(others, c.id)) others.push(c);
    if (others.length) return { kind: 'conflict', reason: 'identifiersSplit', candidates: [target, ...others] };
    return { kind: 'one', target };
  }
  if (!weakSets) return { kind: 'none' };
  const union: ExistingRef[] = [];
  for (const set of weakSets) for (const c of set) if (!hasId(union, c.id)) union.push(c);
  let target: ExistingRef | undefined;
  if (union.length === 1) target = union[0];
  else {
    // Several customers share a mobile (one owner, two shops): the one every identifier agrees on, if any.
    const common = union.filter((c) => weakSets.every((s) => hasId(s, c.id)));
    if (common.length === 1) target = common[0];
  }
  if (!target) return { kind: 'conflict', reason: 'multipleMatches', candidates: union };
  // Found by mobile/email only, but the stored customer has another licence/code: likely another shop of the same owner.
  if (strong.length && strongDisagree(draft, target)) return { kind: 'conflict', reason: 'identifiersSplit', candidates: [target] };
  return { kind: 'one', target };
}

/**
 * Decides, for every row, what importing it would do. Pure: the caller applies the plan (and asks the
 * manager about conflicts). Order of checks per valid row:
 * 1. duplicateInFile: shares an identifier with an earlier row (rows without identifiers: the same
 *    exact name as an earlier row). Exception: if both rows carry a licence/code/credit code of the
 *    same kind with different values and only a mobile/email is shared, it is two shops of one owner:
 *    conflict `sharesContactInFile`.
 * 2. the existing customers the identifiers point at (matchExisting): conflict, or one target.
 * 3. one target whose name is clearly different → conflict `nameMismatch`; a target an earlier row
 *    already updates → duplicateInFile; otherwise update (or unchanged when nothing differs).
 * 4. no target: a row without any identifier whose exact name is an existing customer's → conflict
 *    `sameNameOnly` (a name alone is too weak to merge on, too likely to create a duplicate to add);
 *    otherwise new.
 */
export function planCustomerImport(results: readonly RowResult<CustomerDraft>[], existing: ExistingIndex): Plan {
  const counts: Record<DecisionKind, number> = { new: 0, update: 0, unchanged: 0, conflict: 0, duplicateInFile: 0, invalid: 0 };
  const rows: PlanRow[] = [];
  /** identKey → the first row that has it, and that row's draft. */
  const seenKey = new Map<string, { rowNumber: number; draft: CustomerDraft }>();
  // Names only matter for rows without any identifier; most files have no such row, and then the 100k-entry map is skipped.
  const seenName = results.some((r) => r.draft && !hasIdentifier(r.draft)) ? new Map<string, number>() : null;
  const claimed = new Map<string, number>(); // existing id → row that updates it

  const add = (r: RowResult<CustomerDraft>, decision: Decision) => {
    counts[decision.kind]++;
    rows.push({ rowNumber: r.rowNumber, warnings: r.warnings, decision });
  };

  for (const r of results) {
    if (!r.draft) {
      add(r, { kind: 'invalid', errors: r.errors });
      continue;
    }
    const draft = r.draft;
    const { strong, weak } = customerKeys(draft);
    const self = { rowNumber: r.rowNumber, draft };

    // 1. Within the file.
    let prior: { rowNumber: number; draft: CustomerDraft } | undefined;
    let viaStrong = false;
    for (const k of strong) {
      const p = seenKey.get(k);
      if (p && (!prior || p.rowNumber < prior.rowNumber)) {
        prior = p;
        viaStrong = true;
      }
    }
    if (!prior) for (const k of weak) prior = prior ?? seenKey.get(k);
    if (prior) {
      if (!viaStrong && strongDisagree(draft, prior.draft)) {
        for (const k of strong) if (!seenKey.has(k)) seenKey.set(k, self);
        add(r, { kind: 'conflict', draft, reason: 'sharesContactInFile', candidates: [], otherRow: prior.rowNumber });
      } else {
        // Its other identifiers lead to the same first row, so a third row sharing only those is caught too.
        for (const k of [...strong, ...weak]) if (!seenKey.has(k)) seenKey.set(k, prior);
        add(r, { kind: 'duplicateInFile', draft, ofRow: prior.rowNumber });
      }
      continue;
    }
    const nk = seenName ? nameKey(draft.name) : '';
    if (seenName && !strong.length && !weak.length) {
      const first = seenName.get(nk);
      if (first !== undefined) {
        add(r, { kind: 'duplicateInFile', draft, ofRow: first });
        continue;
      }
    }
    // None of its keys was seen (else prior), so no has() checks are needed.
    for (const k of strong) seenKey.set(k, self);
    for (const k of weak) seenKey.set(k, self);
    if (seenName && !seenName.has(nk)) seenName.set(nk, r.rowNumber);

    // 2-4. Against the existing customers.
    const m = matchExisting(draft, strong, weak, existing);
    if (m.kind === 'conflict') {
      add(r, { kind: 'conflict', draft, reason: m.reason, candidates: m.candidates.map(cand) });
      continue;
    }
    if (m.kind === 'one') {
      const t = m.target;
      const sameName = !namesClearlyDiffer(draft.name, t.name) || (t.aliases ?? []).some((a) => !namesClearlyDiffer(draft.name, a));
      if (!sameName) {
        add(r, { kind: 'conflict', draft, reason: 'nameMismatch', candidates: [cand(t)] });
        continue;
      }
      const earlier = claimed.get(t.id);
      if (earlier !== undefined) {
        add(r, { kind: 'duplicateInFile', draft, ofRow: earlier });
        continue;
      }
      claimed.set(t.id, r.rowNumber);
      const { changes, patch } = diffCustomer(draft, t);
      add(r, changes.length ? { kind: 'update', draft, target: cand(t), changes, patch } : { kind: 'unchanged', draft, target: cand(t) });
      continue;
    }
    if (!strong.length && !weak.length) {
      const same = existing.byName?.get(nameKey(draft.name));
      if (same?.length) {
        add(r, { kind: 'conflict', draft, reason: 'sameNameOnly', candidates: same.map(cand) });
        continue;
      }
    }
    add(r, { kind: 'new', draft });
  }
  return { rows, counts };
}

// ---------------------------------------------------------------- orders

export interface PlannedOrder {
  customerId: string;
  /** Earliest time of its rows (local midnight when the file has dates only). */
  at: number;
  orderNo?: string;
  lines: OrderLine[];
  rowNumbers: number[];
}

export interface UnresolvedOrderRow {
  rowNumber: number;
  reason: 'unknownCustomer' | 'ambiguousCustomer';
  key: OrderKey;
  /** ambiguousCustomer: the customer ids the keys matched. */
  candidates: string[];
}

export interface OrderPlan {
  orders: PlannedOrder[];
  unresolved: UnresolvedOrderRow[];
  invalid: { rowNumber: number; errors: RowError[] }[];
  /** Rows that were imported but carry a note (e.g. a negative quantity read as a return). */
  warnings: { rowNumber: number; warnings: RowWarning[] }[];
}

/**
 * Resolver over an ExistingIndex: the customers the strongest matching identifiers point at
 * (licence/code/credit code, else mobile/email — the one customer all of them agree on when they
 * share a mobile — else the exact name). Several ids = ambiguous.
 */
export function makeOrderResolver(index: ExistingIndex): (keys: readonly OrderKey[]) => string[] {
  return (keys) => {
    const strong: Set<string>[] = [];
    const weak: Set<string>[] = [];
    const names: Set<string>[] = [];
    for (const k of keys) {
      const list = k.kind === 'name' ? index.byName?.get(nameKey(k.value)) : index.byKey.get(identKey(k.kind, k.value));
      if (!list?.length) continue;
      const ids = new Set(list.map((c) => c.id));
      (k.kind === 'name' ? names : (STRONG as string[]).includes(k.kind) ? strong : weak).push(ids);
    }
    for (const group of [strong, weak, names]) {
      if (!group.length) continue;
      const union = new Set(group.flatMap((s) => [...s]));
      if (union.size === 1) return [...union];
      const common = [...union].filter((id) => group.every((s) => s.has(id)));
      return common.length === 1 ? common : [...union];
    }
    return [];
  };
}

function localDay(d: OrderDraft): number {
  if (!d.hasTime) return d.at;
  const x = new Date(d.at);
  x.setHours(0, 0, 0, 0);
  return x.getTime();
}

/**
 * Order rows to orders: rows of the same customer, the same day and the same order number (when the
 * file has one) are one order with several lines, in file order. `resolve` maps a row's keys to the
 * matching customer ids (makeOrderResolver, or a database lookup); it is called once per distinct key set.
 */
export function planOrderImport(results: readonly RowResult<OrderDraft>[], resolve: (keys: readonly OrderKey[]) => readonly string[]): OrderPlan {
  const plan: OrderPlan = { orders: [], unresolved: [], invalid: [], warnings: [] };
  const cache = new Map<string, readonly string[]>();
  const groups = new Map<string, PlannedOrder>();
  for (const r of results) {
    if (!r.draft) {
      plan.invalid.push({ rowNumber: r.rowNumber, errors: r.errors });
      continue;
    }
    const d = r.draft;
    const sig = d.keys.map((k) => `${k.kind}:${k.value}`).join('\u0001');
    let ids = cache.get(sig);
    if (!ids) {
      ids = [...new Set(resolve(d.keys))];
      cache.set(sig, ids);
    }
    if (ids.length !== 1) {
      plan.unresolved.push({ rowNumber: r.rowNumber, reason: ids.length ? 'ambiguousCustomer' : 'unknownCustomer', key: d.key, candidates: [...ids] });
      continue;
    }
    if (r.warnings.length) plan.warnings.push({ rowNumber: r.rowNumber, warnings: r.warnings });
    const customerId = ids[0];
    const gk = `${customerId}\u0000${localDay(d)}\u0000${d.orderNo ?? ''}`;
    const line: OrderLine = { product: d.product, quantity: d.quantity, amount: d.amount };
    if (d.unit) line.unit = d.unit;
    let order = groups.get(gk);
    if (!order) {
      order = { customerId, at: d.at, lines: [], rowNumbers: [] };
      if (d.orderNo) order.orderNo = d.orderNo;
      groups.set(gk, order);
      plan.orders.push(order);
    }
    if (d.at < order.at) order.at = d.at;
    order.lines.push(line);
    order.rowNumbers.push(r.rowNumber);
  }
  return plan;
}
