import type { Contact, Customer, InboxNote, Interaction, Need, PageChoice, Task } from '../model';

/** Rows as stored: the model plus derived index fields that are never exported. */
export type CustomerRow = Customer & {
  /** `kind:value` for every identifier (lib/match/identifiers identKey); multi-entry index for exact match. */
  identKeys: string[];
  /** Lower-cased name and aliases for prefix search. */
  nameKeys: string[];
  /** Since v2: one lower-cased haystack of names, their pinyin and initials, identifiers and address (lib/search). */
  search: string;
  /** Since v2: time of the last visit interaction, kept by every write path so cadence needs no scan. */
  lastVisitAt?: number;
};
export type ContactRow = Contact & { identKeys: string[] };
export type { InboxNote as InboxRow, Interaction as InteractionRow, Need as NeedRow, Task as TaskRow, PageChoice as PageChoiceRow };

export const DB_NAME = 'account-lens';

/**
 * Schema version 1. Each later version gets its own file in lib/db/migrations with a fixture of the
 * previous version and a test; an upgrade that fails aborts the open (Dexie rolls the transaction back).
 * Keep old versions here unchanged: Dexie needs every version's stores to upgrade from it.
 */
export const SCHEMA_V1 = {
  customers: 'id, *identKeys, *nameKeys, updatedAt',
  contacts: 'id, customerId, *identKeys',
  interactions: 'id, [customerId+at], at',
  needs: 'id, [customerId+status], status',
  tasks: 'id, [customerId+status], [status+due]',
  pageChoices: 'pageKey',
} as const;

/** v2: a customer's visits by time, to recompute `lastVisitAt` for one customer without a scan. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  interactions: 'id, [customerId+at], at, [customerId+kind+at]',
} as const;

/**
 * v3: taught page rules (lib/rules, shared as data between managers) and derived snapshots, such as the
 * fuzzy-name index, stored whole so the background has it ready in well under a second after it starts
 * instead of re-reading every customer. Two new stores; existing data is untouched, so no upgrade function.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  siteRules: 'id, updatedAt',
  snapshots: 'key',
} as const;

/** v4: notes captured where no customer was known, waiting to be filed (the inbox, issue 5). A new store only. */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  inbox: 'id, at',
} as const;

export const LATEST_VERSION = 4;

/** A derived structure kept whole (v3), e.g. the fuzzy-name index; `signature` says which book it was built from. */
export interface Snapshot {
  key: string;
  signature: string;
  builtAt: number;
  data: unknown;
}
