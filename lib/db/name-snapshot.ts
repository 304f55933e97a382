import { NAME_INDEX_FORMAT, NameIndex, type NameEntry, type NameIndexData, type NameIndexOptions } from '../match/names/name-index';
import { pinyinKeys } from '../search/pinyin';
import { getDb, isQuotaError } from './db';
import type { CustomerRow } from './schema';

/**
 * The fuzzy-name index kept whole in the v3 `snapshots` store, so the background has it ready soon
 * after it starts instead of reading 100k customers (seconds) and taking their names apart.
 *
 * Freshness: names live only in customer rows, and every write path that edits a customer stamps
 * `updatedAt` with the time of the write (saveCustomer, the import writer, handover). So a snapshot
 * says what it covers as (number of customers, latest `updatedAt`, rows at that time: NameCoverage),
 * read in the same transaction as the rows it was built from. Unlike `bookSignature()` this ignores notes, visits, needs and tasks,
 * which do not touch names and would otherwise throw away a 100k-name index at every note.
 *  - same count and latest edit: the snapshot is used as is;
 *  - otherwise the customers edited since (the `updatedAt` index, above the covered time) are read and
 *    put into the index; if the count then agrees it is used (and saved again), else (customers
 *    removed, or added with older times) the index is rebuilt from all customers.
 * Known gap: restoring a backup in "merge" mode writes the backup's own `updatedAt`, so an older
 * version of an existing customer can slip in unseen; call `invalidateNameSnapshot()` after it.
 */
export const NAME_SNAPSHOT_KEY = 'name-index';

/** Customers read per request when rebuilding (rows are dropped once their names are taken). */
const READ_BATCH = 2_000;
/** More edited customers than this since the snapshot: rebuild instead of catching up one by one. */
const CATCH_UP_MAX = 5_000;

/**
 * What an index was built from: the customers' count, their latest `updatedAt` and how many rows have
 * that time (an edit in the same millisecond, or an import stamping all rows alike, adds to it).
 */
export interface NameCoverage {
  count: number;
  updatedAt: number;
  atLatest: number;
}

interface StoredNames {
  index: NameIndexData;
  coverage: NameCoverage;
}

const coverageOf = new WeakMap<NameIndex, NameCoverage>();
const signatureOf = (c: NameCoverage): string => `names-v${NAME_INDEX_FORMAT}|${c.count}|${c.updatedAt}|${c.atLatest}`;
const sameCoverage = (a: NameCoverage, b: NameCoverage): boolean => a.count === b.count && a.updatedAt === b.updatedAt && a.atLatest === b.atLatest;

const defaultOptions: NameIndexOptions = { pinyin: pinyinKeys };

/** The customers table's count and latest edit. Call inside a transaction on customers for a consistent view. */
export async function nameCoverage(): Promise<NameCoverage> {
  const db = getDb();
  const [count, last] = await Promise.all([db.customers.count(), db.customers.orderBy('updatedAt').last()]);
  const updatedAt = last?.updatedAt ?? 0;
  const atLatest = last ? await db.customers.where('updatedAt').equals(updatedAt).count() : 0;
  return { count, updatedAt, atLatest };
}

/** Only what the index needs from a row; `search` holds the name's pinyin (not recomputed). */
export const nameEntryOf = (r: Pick<CustomerRow, 'id' | 'name' | 'aliases' | 'search'>): NameEntry => ({
  id: r.id,
  name: r.name,
  aliases: r.aliases,
  search: r.search,
});

/** How long the last load's steps took (ms), for the benchmark's breakdown of "ready after the worker starts". */
export const lastLoadPhases: Record<string, number> = {};

/**
 * The name index, from the snapshot when it is current, caught up when a few customers were edited
 * since, else rebuilt from the customers table (and saved). `options.pinyin` defaults to pinyinKeys.
 */
export async function loadNameIndex(options: NameIndexOptions = defaultOptions): Promise<NameIndex> {
  return (await openNameIndex(options)).fresh;
}

/**
 * The index as its snapshot stored it, usable at once, and `fresh`: the same index caught up with the
 * customers edited since (or a rebuilt one when it cannot catch up), saved again when it changed. The
 * background answers from the first and swaps in the second: counting 100k customers to check the
 * snapshot takes longer than reading it, and between worker starts the background keeps the snapshot
 * current itself, so it is nearly always already fresh.
 */
export async function openNameIndex(options: NameIndexOptions = defaultOptions): Promise<{ index: NameIndex; fresh: Promise<NameIndex> }> {
  const db = getDb();
  let t = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    lastLoadPhases[phase] = Math.round(now - t);
    t = now;
  };
  await db.open();
  lap('open');
  const snap = await db.snapshots.get(NAME_SNAPSHOT_KEY);
  lap('read');
  const stored = snap?.data as StoredNames | undefined;
  if (stored?.index?.format === NAME_INDEX_FORMAT && stored.coverage) {
    try {
      const index = NameIndex.deserialise(stored.index, options);
      lap('deserialise');
      coverageOf.set(index, stored.coverage);
      const fresh = (async () => {
        const synced = await catchUp(index);
        lap('catchUp');
        if (synced) {
          if (synced.changed) await saveNameSnapshot(index);
          return index;
        }
        const rebuilt = await rebuildNameIndex(options);
        await saveNameSnapshot(rebuilt);
        return rebuilt;
      })();
      return { index, fresh };
    } catch (err) {
      console.warn('[account-lens] name snapshot unusable, rebuilding', err);
    }
  }
  const index = await rebuildNameIndex(options);
  await saveNameSnapshot(index);
  return { index, fresh: Promise.resolve(index) };
}

/**
 * Bring an index up to date with customers edited since it was built or last synced (e.g. after the
 * dashboard saved or imported customers). Returns the same index when it could catch up, else a
 * rebuilt one (customers were removed, or too many changed).
 */
export async function syncNameIndex(index: NameIndex, options: NameIndexOptions = defaultOptions): Promise<NameIndex> {
  const synced = await catchUp(index);
  return synced ? index : rebuildNameIndex(options);
}

/** Read every customer's names in one read transaction (so coverage and rows agree) and build. */
export async function rebuildNameIndex(options: NameIndexOptions = defaultOptions): Promise<NameIndex> {
  const db = getDb();
  const { entries, coverage } = await db.transaction('r', db.customers, async () => {
    const coverage = await nameCoverage();
    const entries: NameEntry[] = [];
    let last: string | undefined;
    for (;;) {
      const from = last === undefined ? db.customers.orderBy(':id') : db.customers.where(':id').above(last);
      const rows = await from.limit(READ_BATCH).toArray();
      for (const r of rows) entries.push(nameEntryOf(r));
      if (rows.length < READ_BATCH) break;
      last = rows[rows.length - 1].id;
    }
    return { entries, coverage };
  });
  const index = NameIndex.build(entries, options);
  coverageOf.set(index, coverage);
  return index;
}

/**
 * Store the index with what it covers. Without coverage (an index not made here) it is not stored:
 * a snapshot must never claim edits its index has not seen. A full disk is reported, not thrown.
 */
export async function saveNameSnapshot(index: NameIndex): Promise<boolean> {
  const coverage = coverageOf.get(index);
  if (!coverage) return false;
  const data: StoredNames = { index: index.serialise(), coverage };
  try {
    await getDb().snapshots.put({ key: NAME_SNAPSHOT_KEY, signature: signatureOf(coverage), builtAt: Date.now(), data });
    return true;
  } catch (err) {
    if (isQuotaError(err)) {
      console.warn('[account-lens] no room for the name snapshot; it will be rebuilt next start');
      return false;
    }
    throw err;
  }
}

/** Drop the snapshot, so the next load rebuilds (after a change that keeps `updatedAt`, e.g. a merge restore). */
export async function invalidateNameSnapshot(): Promise<void> {
  await getDb().snapshots.delete(NAME_SNAPSHOT_KEY);
}

/**
 * Put the customers edited since the index's coverage into it. `{changed}` when it caught up (changed:
 * something was put in), null when it cannot: unknown coverage, too many edits, or a count that does
 * not add up (customers removed, or added with older times).
 */
async function catchUp(index: NameIndex): Promise<{ changed: boolean } | null> {
  const covered = coverageOf.get(index);
  if (!covered) return null;
  const db = getDb();
  const result = await db.transaction('r', db.customers, async () => {
    const now = await nameCoverage();
    if (sameCoverage(now, covered)) return { now, rows: [] as CustomerRow[] };
    if (now.updatedAt < covered.updatedAt) return null;
    // Rows stamped at the covered time itself are read again only when there are more of them now.
    const range =
      now.updatedAt === covered.updatedAt || (await db.customers.where('updatedAt').equals(covered.updatedAt).count()) !== covered.atLatest
        ? db.customers.where('updatedAt').aboveOrEqual(covered.updatedAt)
        : db.customers.where('updatedAt').above(covered.updatedAt);
    const rows = await range.limit(CATCH_UP_MAX + 1).toArray();
    return rows.length > CATCH_UP_MAX ? null : { now, rows };
  });
  if (!result) return null;
  for (const r of result.rows) index.upsert(nameEntryOf(r));
  if (index.size !== result.now.count) return null;
  coverageOf.set(index, result.now);
  return { changed: result.rows.length > 0 };
}
