import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AccountLensDb } from '../../../lib/db/db';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../../lib/db/schema';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/db/v3.json', import.meta.url), 'utf8'));

describe('migration v3 → v4', () => {
  it('adds the inbox and leaves every v3 record as it was', async () => {
    const name = `mig-${crypto.randomUUID()}`;
    const v3 = new Dexie(name, { indexedDB, IDBKeyRange });
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    await v3.table('customers').bulkAdd(fixture.customers);
    await v3.table('interactions').bulkAdd(fixture.interactions);
    await v3.table('pageChoices').bulkAdd(fixture.pageChoices);
    await v3.table('siteRules').bulkAdd(fixture.siteRules);
    v3.close();

    const db = new AccountLensDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.customers.toArray()).toEqual(fixture.customers);
    expect(await db.interactions.toArray()).toEqual(fixture.interactions);
    expect(await db.pageChoices.toArray()).toEqual(fixture.pageChoices);
    expect(await db.siteRules.toArray()).toEqual(fixture.siteRules);
    await db.inbox.put({ id: 'n1', text: '记一下', at: 2 });
    await db.inbox.put({ id: 'n2', text: '', selection: '选中的文字', at: 1 });
    expect((await db.inbox.orderBy('at').toArray()).map((n) => n.id)).toEqual(['n2', 'n1']);
    db.close();
  });
});
