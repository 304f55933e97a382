import { getDb, isQuotaError, type AccountLensDb } from '../db/db';
import type { CustomerRow } from '../db/schema';
import type { DatedCustomer, ReminderTask } from './schedule';

/**
 * What the reminders read from the database. Tasks are few, so open ones are read whole. Customers may
 * be 100k, and only those with a birthday or important dates matter: that short list is kept whole in the
 * v3 `snapshots` store (and in memory while the worker lives) with the customers' coverage (count,
 * latest `updatedAt`, rows at that time), the scheme of lib/db/name-snapshot. Every customer write path
 * stamps `updatedAt`, so:
 *  - same coverage: the list is used as is (three index reads);
 *  - more or as many customers, later edits: only the customers edited since are read and merged;
 *  - fewer customers, or more new ones than edited rows (added with older times): rebuilt from all rows.
 * Known gap (as for names): a merge restore writes the backup's own `updatedAt`; call
 * `invalidateDatedCustomers()` after it. The background also re-reads the customers of due date
 * reminders before showing them, so a stale entry can cause a wake-up but never a wrong notification.
 */
export const REMINDER_DATES_SNAPSHOT_KEY = 'reminder-dates';
const FORMAT = 1;
const READ_BATCH = 2_000;
const CATCH_UP_MAX = 5_000;

interface Coverage {
  count: number;
  updatedAt: number;
  atLatest: number;
}
interface StoredDates {
  format: number;
  coverage: Coverage;
  customers: DatedCustomer[];
}

const memory = new WeakMap<AccountLensDb, StoredDates>();

const sameCoverage = (a: Coverage, b: Coverage) => a.count === b.count && a.updatedAt === b.updatedAt && a.atLatest === b.atLatest;

async function coverage(db: AccountLensDb): Promise<Coverage> {
  const [count, last] = await Promise.all([db.customers.count(), db.customers.orderBy('updatedAt').last()]);
  const updatedAt = last?.updatedAt ?? 0;
  const atLatest = last ? await db.customers.where('updatedAt').equals(updatedAt).count() : 0;
  return { count, updatedAt, atLatest };
}

/** Only the dates (names are looked up when a reminder fires), or undefined when the customer has none. */
function datesOf(row: Pick<CustomerRow, 'id' | 'birthday' | 'importantDates'>): DatedCustomer | undefined {
  const importantDates = Array.isArray(row.importantDates) ? row.importantDates.filter((d) => d && d.date).map((d) => ({ label: d.label, date: d.date })) : [];
  if (!row.birthday && importantDates.length === 0) return undefined;
  return { id: row.id, ...(row.birthday ? { birthday: row.birthday } : {}), ...(importantDates.length ? { importantDates } : {}) };
}

function isStored(v: unknown): v is StoredDates {
  const s = v as StoredDates | undefined;
  return s?.format === FORMAT && typeof s.coverage?.count === 'number' && Array.isArray(s.customers);
}

/** Customers with a birthday or important dates: from the kept list when current, caught up or rebuilt otherwise. */
export async function loadDatedCustomers(): Promise<DatedCustomer[]> {
  const db = getDb();
  let stored = memory.get(db);
  if (!stored) {
    const snap = await db.snapshots.get(REMINDER_DATES_SNAPSHOT_KEY);
    if (isStored(snap?.data)) stored = snap.data;
  }
  const known = stored;
  const next = await db.transaction('r', db.customers, async () => {
    const now = await coverage(db);
    if (known && sameCoverage(now, known.coverage)) return { stored: known, changed: false };
    if (known && now.count >= known.coverage.count && now.updatedAt >= known.coverage.updatedAt) {
      const since = known.coverage.updatedAt;
      // Rows stamped at the covered time itself are read again: another may have been written in that millisecond.
      const rows = await db.customers.where('updatedAt').aboveOrEqual(since).limit(CATCH_UP_MAX + 1).toArray();
      const later = rows.filter((r) => r.updatedAt > since).length;
      const moreAtSince = Math.max(0, rows.length - later - known.coverage.atLatest);
      // Every new customer must be among the rows written since; otherwise some came in with older times.
      if (rows.length <= CATCH_UP_MAX && now.count - known.coverage.count <= later + moreAtSince) {
        const byId = new Map(known.customers.map((c) => [c.id, c]));
        for (const r of rows) {
          const dated = datesOf(r);
          if (dated) byId.set(r.id, dated);
          else byId.delete(r.id);
        }
        return { stored: { format: FORMAT, coverage: now, customers: [...byId.values()] }, changed: true };
      }
    }
    const customers: DatedCustomer[] = [];
    let lastId: string | undefined;
    for (;;) {
      const from = lastId === undefined ? db.customers.orderBy(':id') : db.customers.where(':id').above(lastId);
      const rows = await from.limit(READ_BATCH).toArray();
      for (const r of rows) {
        const dated = datesOf(r);
        if (dated) customers.push(dated);
      }
      if (rows.length < READ_BATCH) break;
      lastId = rows[rows.length - 1].id;
    }
    return { stored: { format: FORMAT, coverage: now, customers }, changed: true };
  });
  memory.set(db, next.stored);
  if (next.changed) {
    try {
      await db.snapshots.put({ key: REMINDER_DATES_SNAPSHOT_KEY, signature: `reminder-dates-v${FORMAT}|${next.stored.coverage.count}|${next.stored.coverage.updatedAt}|${next.stored.coverage.atLatest}`, builtAt: Date.now(), data: next.stored });
    } catch (err) {
      // Only a cache: without room it is rebuilt when the worker starts again.
      if (!isQuotaError(err)) throw err;
      console.warn('[account-lens] no room for the reminder dates snapshot');
    }
  }
  return next.stored.customers;
}

/** Forget the kept list (after a change that keeps `updatedAt`, e.g. a merge restore). */
export async function invalidateDatedCustomers(): Promise<void> {
  const db = getDb();
  memory.delete(db);
  await db.snapshots.delete(REMINDER_DATES_SNAPSHOT_KEY);
}

/**
 * Open tasks. Not through the `[status+due]` index: a task with only `remindAt` has no `due` and is not
 * in it. Tasks are few (a manager's to-do list), so a filtered read of the table is cheap.
 */
export async function readOpenTasks(): Promise<ReminderTask[]> {
  return getDb().tasks.filter((t) => t.status === 'open').toArray();
}

/**
 * Records that a task's reminder was shown. `updatedAt` is left alone: this is bookkeeping, not an edit
 * by the manager (and the reminder's key includes `updatedAt`).
 */
export async function markTaskReminded(id: string, at: number): Promise<void> {
  await getDb().tasks.update(id, { remindedAt: at });
}

/** Current name and dates of a few customers (those of due reminders); missing ids are left out. */
export async function readReminderCustomers(ids: string[]): Promise<Map<string, DatedCustomer & { name: string }>> {
  const rows = await getDb().customers.bulkGet(ids);
  const out = new Map<string, DatedCustomer & { name: string }>();
  for (const r of rows) if (r) out.set(r.id, { id: r.id, name: r.name, birthday: r.birthday, importantDates: r.importantDates ?? [] });
  return out;
}
