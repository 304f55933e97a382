import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AccountLensDb } from '../../../lib/db/db';
import { SCHEMA_V1 } from '../../../lib/db/schema';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/db/v1.json', import.meta.url), 'utf8'));

async function openV1WithFixture(name: string): Promise<void> {
  const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
  v1.version(1).stores(SCHEMA_V1);
  await v1.table('customers').bulkAdd(fixture.customers);
  await v1.table('interactions').bulkAdd(fixture.interactions);
  v1.close();
}

describe('migration v1 → v2', () => {
  it('adds the search text and the last visit to every customer and changes nothing else', async () => {
    const name = `mig-${crypto.randomUUID()}`;
    await openV1WithFixture(name);
    const db = new AccountLensDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2); // opens at the latest version, passing through v2

    const shop = await db.customers.get('c-zhangji');
    expect(shop?.lastVisitAt).toBe(1731000000000); // the later of the two visits, not the order
    expect(shop?.search).toContain('zjbld'); // initials of 张记便利店
    expect(shop?.search).toContain('330106100001');
    const bank = await db.customers.get('c-bank');
    expect(bank?.lastVisitAt).toBeUndefined(); // a call is not a visit
    expect(bank?.search).toContain('szsqhhxkj'); // initials of 深圳市前海华信科技

    for (const before of fixture.customers) {
      const { search: _s, lastVisitAt: _l, ...after } = (await db.customers.get(before.id))!;
      expect(after).toEqual(before);
    }
    expect(await db.interactions.count()).toBe(fixture.interactions.length);
    // The new index answers "this customer's visits, newest first".
    const visits = await db.interactions.where('[customerId+kind+at]').between(['c-zhangji', 'visit', -Infinity], ['c-zhangji', 'visit', Infinity]).reverse().toArray();
    expect(visits.map((v) => v.id)).toEqual(['i2', 'i1']);
    db.close();
  });
});
