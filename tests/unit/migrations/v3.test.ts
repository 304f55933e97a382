import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AccountLensDb } from '../../../lib/db/db';
import { SCHEMA_V1, SCHEMA_V2 } from '../../../lib/db/schema';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/db/v2.json', import.meta.url), 'utf8'));

describe('migration v2 → v3', () => {
  it('adds the rule and snapshot stores and leaves every v2 record as it was', async () => {
    const name = `mig-${crypto.randomUUID()}`;
    const v2 = new Dexie(name, { indexedDB, IDBKeyRange });
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.table('customers').bulkAdd(fixture.customers);
    await v2.table('interactions').bulkAdd(fixture.interactions);
    await v2.table('pageChoices').bulkAdd(fixture.pageChoices);
    v2.close();

    const db = new AccountLensDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3); // opens at the latest version, passing through v3
    expect(await db.customers.toArray()).toEqual(fixture.customers);
    expect(await db.interactions.toArray()).toEqual(fixture.interactions);
    expect(await db.pageChoices.toArray()).toEqual(fixture.pageChoices);
    expect(await db.siteRules.count()).toBe(0);
    await db.snapshots.put({ key: 'names', signature: 's', builtAt: 1, data: { n: 1 } });
    expect((await db.snapshots.get('names'))?.data).toEqual({ n: 1 });
    db.close();
  });
});
