import { getDb } from '@/lib/db/db';
import type { MessageKey } from '@/lib/i18n';
import { useLoaded } from './useLoaded';

export const TABLES = ['customers', 'contacts', 'interactions', 'needs', 'tasks', 'inbox', 'siteRules', 'pageChoices'] as const;
export type TableName = (typeof TABLES)[number];
export type Counts = Record<TableName, number>;

/** How each table is named to the manager (overview counts, backup preview). */
export const TABLE_LABELS: Record<TableName, MessageKey> = {
  customers: 'overview.count.customers',
  contacts: 'overview.count.contacts',
  interactions: 'overview.count.interactions',
  needs: 'overview.count.needs',
  tasks: 'overview.count.tasks',
  inbox: 'overview.count.inbox',
  siteRules: 'overview.count.siteRules',
  pageChoices: 'overview.count.pageChoices',
};

export async function loadCounts(): Promise<Counts> {
  const db = getDb();
  const values = await Promise.all(TABLES.map((t) => db[t].count()));
  return Object.fromEntries(TABLES.map((t, i) => [t, values[i]])) as Counts;
}

/** Record counts of the database; `reload()` after a write. `error` holds the message when the database cannot be read. */
export function useCounts(): { counts?: Counts; error?: string; reload: () => void } {
  const { value, error, reload } = useLoaded(loadCounts);
  return { counts: value, error, reload };
}
