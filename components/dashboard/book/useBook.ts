import { createContext, useContext, useEffect } from 'react';
import { bookSignature } from '@/lib/db/customers';
import { getDb } from '@/lib/db/db';
import type { CustomerRow } from '@/lib/db/schema';
import type { Need, Task } from '@/lib/model';
import { isNeedOpen } from '@/lib/model';
import { CustomerSearchIndex } from '@/lib/search/index';
import { useLoaded } from '../useLoaded';

/** The slice of a customer the list, the filters and the agenda need; kept small because there can be 100k. */
export interface BookEntry {
  id: string;
  name: string;
  search: string;
  class?: string;
  segment?: string;
  customerCode?: string;
  licenceNo?: string;
  mobile?: string;
  createdAt: number;
  lastVisitAt?: number;
  birthday?: string;
  importantDates: { label: string; date: string }[];
}

export const toBookEntry = (r: CustomerRow): BookEntry => ({
  id: r.id,
  name: r.name,
  search: r.search,
  class: r.class,
  segment: r.segment,
  customerCode: r.customerCode,
  licenceNo: r.licenceNo,
  mobile: r.mobiles[0],
  createdAt: r.createdAt,
  lastVisitAt: r.lastVisitAt,
  birthday: r.birthday,
  importantDates: r.importantDates,
});

export interface Book {
  entries: Map<string, BookEntry>;
  index: CustomerSearchIndex<BookEntry>;
  openNeeds: Need[];
  openTasks: Task[];
  openNeedCount: Map<string, number>;
  loadedAt: number;
  /** What the book was read from (bookSignature), to skip re-reading 100k customers when nothing changed. */
  signature: string;
}

/** Reads the whole book once; the dashboard is the one place that holds every customer in memory. */
export async function loadBook(): Promise<Book> {
  const db = getDb();
  const signature = await bookSignature();
  const [rows, needs, tasks] = await db.transaction('r', [db.customers, db.needs, db.tasks], () =>
    Promise.all([
      db.customers.toArray(),
      db.needs.where('status').anyOf('raised', 'in_progress', 'resolved').toArray(),
      db.tasks.filter((t) => t.status === 'open').toArray(),
    ]),
  );
  const entries = new Map<string, BookEntry>();
  for (const r of rows) entries.set(r.id, toBookEntry(r));
  const index = new CustomerSearchIndex<BookEntry>();
  index.build([...entries.values()]);
  const openNeeds = needs.filter(isNeedOpen);
  const openNeedCount = new Map<string, number>();
  for (const n of openNeeds) openNeedCount.set(n.customerId, (openNeedCount.get(n.customerId) ?? 0) + 1);
  return { entries, index, openNeeds, openTasks: tasks, openNeedCount, loadedAt: Date.now(), signature };
}

export type BookState = { book?: Book; error?: string; reload: () => void };

export function useBookLoader(): BookState {
  const { value: book, error, reload } = useLoaded(loadBook);
  // Notes, visits and new customers come from the panel in other tabs: when the manager comes back,
  // re-read the book if (and only if) something changed; a full read of 100k customers takes seconds.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      void bookSignature().then(
        (now) => now !== book?.signature && reload(),
        () => reload(),
      );
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload, book]);
  return { book, error, reload };
}

export const BookContext = createContext<BookState>({ reload: () => {} });
export const useBook = (): BookState => useContext(BookContext);
