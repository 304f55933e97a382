import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import { upgradeToV2 } from './migrations/v2-search-and-last-visit';
import { DB_NAME, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, type ContactRow, type CustomerRow } from './schema';
import type { InboxNote, Interaction, Need, PageChoice, SiteRule, Task } from '../model';
import type { Snapshot } from './schema';

export class AccountLensDb extends Dexie {
  customers!: EntityTable<CustomerRow, 'id'>;
  contacts!: EntityTable<ContactRow, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  needs!: EntityTable<Need, 'id'>;
  tasks!: EntityTable<Task, 'id'>;
  pageChoices!: EntityTable<PageChoice, 'pageKey'>;
  siteRules!: EntityTable<SiteRule, 'id'>;
  snapshots!: EntityTable<Snapshot, 'key'>;
  inbox!: EntityTable<InboxNote, 'id'>;

  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    // One line per schema step; each upgrade lives in lib/db/migrations with a fixture and a test.
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
  }
}

let singleton: AccountLensDb | undefined;

/** The one database of the extension origin (background, panel, dashboard). Never open it in a content script. */
export function getDb(): AccountLensDb {
  singleton ??= new AccountLensDb();
  return singleton;
}

/**
 * A full disk, however it reaches us: IndexedDB's own QuotaExceededError, or Dexie's wrapper (a failed
 * transaction or bulk write) carrying it as `inner`.
 */
export function isQuotaError(err: unknown): boolean {
  const e = err as { name?: string; inner?: { name?: string } } | undefined;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}

/** Tests swap in a fresh database (fake-indexeddb in Node). */
export function setDbForTesting(db: AccountLensDb | undefined): void {
  singleton = db;
}
