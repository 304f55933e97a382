import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { AccountLensDb, setDbForTesting } from '../../lib/db/db';
import type { CustomerInput } from '../../lib/model';

/** A fresh, empty database per test file (fake-indexeddb in Node). */
export function useFreshDb(): AccountLensDb {
  const db = new AccountLensDb(`test-${crypto.randomUUID()}`, { indexedDB, IDBKeyRange });
  setDbForTesting(db);
  return db;
}

let n = 0;
export function customer(over: Partial<CustomerInput> = {}): CustomerInput {
  n += 1;
  return {
    id: crypto.randomUUID(),
    name: `测试客户${n}`,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...over,
  };
}
