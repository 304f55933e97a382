import { z } from 'zod';
import { fromContactRow, fromCustomerRow, latestVisits, noteVisits, toContactRow, toCustomerRow } from '../db/customers';
import { getDb, isQuotaError } from '../db/db';
import { BACKUP_FORMAT, BACKUP_VERSION, Backup } from '../model';

export type BackupErrorCode = 'notJson' | 'notBackup' | 'newerVersion' | 'invalid' | 'quota' | 'writeFailed';

/** A failure the dashboard can show in the user's language: `code` picks the message, `detail` names the spot. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    readonly detail = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
  }
}

/** The stores a backup holds: everything the manager made (snapshots are derived and rebuilt). */
const backedUp = (db: ReturnType<typeof getDb>) => [db.customers, db.contacts, db.interactions, db.needs, db.tasks, db.pageChoices, db.siteRules, db.inbox];

export async function exportBackup(now = Date.now()): Promise<Backup> {
  const db = getDb();
  return db.transaction('r', backedUp(db), async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    customers: (await db.customers.toArray()).map(fromCustomerRow),
    contacts: (await db.contacts.toArray()).map(fromContactRow),
    interactions: await db.interactions.toArray(),
    needs: await db.needs.toArray(),
    tasks: await db.tasks.toArray(),
    pageChoices: await db.pageChoices.toArray(),
    siteRules: await db.siteRules.toArray(),
    inbox: await db.inbox.toArray(),
  }));
}

const Header = z.object({ format: z.literal(BACKUP_FORMAT), version: z.number() }).loose();

/** Parse and validate a backup file's text. Throws BackupError; never returns a partly valid backup. */
export function parseBackup(text: string): Backup {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new BackupError('notJson');
  }
  const header = Header.safeParse(json);
  if (!header.success) throw new BackupError('notBackup');
  if (header.data.version > BACKUP_VERSION) throw new BackupError('newerVersion', String(header.data.version));
  const parsed = Backup.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupError('invalid', `${issue.path.join('.')}: ${issue.message}`);
  }
  // Every reference must resolve, or the timeline would show orphans after import.
  const ids = new Set(parsed.data.customers.map((c) => c.id));
  for (const [table, rows] of [
    ['contacts', parsed.data.contacts],
    ['interactions', parsed.data.interactions],
    ['needs', parsed.data.needs],
    ['tasks', parsed.data.tasks],
    ['pageChoices', parsed.data.pageChoices],
  ] as const) {
    const orphan = rows.findIndex((r) => !ids.has(r.customerId));
    if (orphan >= 0) throw new BackupError('invalid', `${table}.${orphan}.customerId: unknown customer`);
  }
  return parsed.data;
}

export interface ImportCounts {
  customers: number;
  contacts: number;
  interactions: number;
  needs: number;
  tasks: number;
}

/**
 * Write a validated backup in one transaction: `replace` empties the database first, `merge` keeps
 * what is there and overwrites records with the same id. Either all of it is written or none of it.
 */
export async function importBackup(backup: Backup, mode: 'replace' | 'merge'): Promise<ImportCounts> {
  const db = getDb();
  try {
    await db.transaction('rw', [...backedUp(db), db.snapshots], async () => {
      if (mode === 'replace') await Promise.all(backedUp(db).map((t) => t.clear()));
      // Derived snapshots (name index, dated customers) judge freshness by edit times, which a restored
      // backup carries from the past: they are rebuilt rather than trusted.
      await db.snapshots.clear();
      // Merge overwrites customers by id but keeps the last visit recorded here (derived from interactions).
      const here = mode === 'merge' ? await db.customers.bulkGet(backup.customers.map((c) => c.id)) : [];
      await db.customers.bulkPut(backup.customers.map((c, i) => toCustomerRow(c, here[i]?.lastVisitAt)));
      await db.contacts.bulkPut(backup.contacts.map(toContactRow));
      await db.interactions.bulkPut(backup.interactions);
      // Merge keeps a later visit already here; replace starts from the file's visits alone.
      await noteVisits(latestVisits(backup.interactions));
      await db.needs.bulkPut(backup.needs);
      await db.tasks.bulkPut(backup.tasks);
      await db.pageChoices.bulkPut(backup.pageChoices);
      await db.siteRules.bulkPut(backup.siteRules);
      await db.inbox.bulkPut(backup.inbox);
    });
  } catch (err) {
    if (isQuotaError(err)) throw new BackupError('quota');
    throw new BackupError('writeFailed', err instanceof Error ? err.message : String(err));
  }
  return {
    customers: backup.customers.length,
    contacts: backup.contacts.length,
    interactions: backup.interactions.length,
    needs: backup.needs.length,
    tasks: backup.tasks.length,
  };
}
