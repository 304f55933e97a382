import { beforeEach, describe, expect, it } from 'vitest';
import { addInteraction, saveCustomer } from '../../lib/db/customers';
import type { AccountLensDb } from '../../lib/db/db';
import { loadExistingIndex } from '../../lib/db/import-writer';
import { BACKUP_FORMAT, BACKUP_VERSION, Customer, type Backup, type Interaction } from '../../lib/model';
import { planHandover, receiveHandover } from '../../lib/io/handover/receive';
import { customer, useFreshDb } from './db-helpers';

const visit = (customerId: string, at: number, id: string = crypto.randomUUID()): Interaction => ({ id, customerId, kind: 'visit', at, summary: '上门', createdAt: at });

function pkg(customers: Customer[], interactions: Interaction[]): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: 1, customers, contacts: [], interactions, needs: [], tasks: [], pageChoices: [], siteRules: [], inbox: [] };
}

describe('receiving a handover package', () => {
  let db: AccountLensDb;
  beforeEach(() => {
    db = useFreshDb();
  });

  it('merges a customer the successor already has and adds the rest, history included; twice changes nothing', async () => {
    const mine = await saveCustomer(customer({ name: '鑫隆烟酒商行', licenceNo: '440305100123', mobiles: ['13800138000'] }));
    await addInteraction(visit(mine.id, 1_000));
    const theirs = Customer.parse(customer({ name: '鑫隆烟酒商行', licenceNo: '440305100123', mobiles: ['13900139000'], owner: '陈建华' }));
    const fresh = Customer.parse(customer({ name: '好邻居便利店', licenceNo: '440304200456' }));
    const backup = pkg([theirs, fresh], [visit(theirs.id, 5_000, 'v-theirs'), visit(fresh.id, 2_000, 'v-fresh')]);

    const plan = planHandover(backup, await loadExistingIndex());
    expect(plan.rows.map((r) => r.decision.kind)).toEqual(['update', 'new']);
    const counts = await receiveHandover(backup, plan, new Map());
    expect(counts).toMatchObject({ added: 1, updated: 1, skipped: 0, interactions: 2 });

    const merged = await db.customers.get(mine.id);
    expect(merged).toMatchObject({ owner: '陈建华', mobiles: ['13800138000', '13900139000'], lastVisitAt: 5_000 });
    expect(await db.customers.get(theirs.id)).toBeUndefined(); // no second record of the same shop
    expect((await db.interactions.get('v-theirs'))?.customerId).toBe(mine.id);
    expect((await db.customers.get(fresh.id))?.name).toBe('好邻居便利店');

    await receiveHandover(backup, planHandover(backup, await loadExistingIndex()), new Map());
    expect(await db.customers.count()).toBe(2);
    expect(await db.interactions.count()).toBe(3);
  });

  it('leaves out a conflict by default, with its records, and adds it when the manager says so', async () => {
    await saveCustomer(customer({ name: '甲店', licenceNo: '440305100001' }));
    await saveCustomer(customer({ name: '乙店', licenceNo: '440305100002' }));
    const both = Customer.parse(customer({ name: '甲乙店', licenceNo: '440305100001', customerCode: 'X', mobiles: [] }));
    // Licence of one, and a code nobody has: pointing at 甲 but named differently → a conflict.
    const backup = pkg([{ ...both, name: '完全不同的名字' }], [visit(both.id, 9, 'v-c')]);
    const plan = planHandover(backup, await loadExistingIndex());
    expect(plan.rows[0].decision.kind).toBe('conflict');
    await receiveHandover(backup, plan, new Map());
    expect(await db.interactions.get('v-c')).toBeUndefined();
    await receiveHandover(backup, plan, new Map([[1, { kind: 'new' }]]));
    expect((await db.interactions.get('v-c'))?.customerId).toBe(both.id);
  });
});
