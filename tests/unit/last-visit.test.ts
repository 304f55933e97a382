import { beforeEach, describe, expect, it } from 'vitest';
import { addInteraction, bookSignature, saveCustomer } from '../../lib/db/customers';
import type { AccountLensDb } from '../../lib/db/db';
import { exportBackup, importBackup } from '../../lib/io/backup';
import type { Interaction } from '../../lib/model';
import { customer, useFreshDb } from './db-helpers';

const interaction = (customerId: string, kind: Interaction['kind'], at: number): Interaction => ({
  id: crypto.randomUUID(),
  customerId,
  kind,
  at,
  summary: '',
  createdAt: at,
});

describe('last visit kept on the customer row', () => {
  let db: AccountLensDb;
  beforeEach(() => {
    db = useFreshDb();
  });

  it('moves forward with a visit, not with a note or an older visit, and survives an edit', async () => {
    const c = await saveCustomer(customer({ name: '王记烟酒店' }));
    await addInteraction(interaction(c.id, 'visit', 2_000));
    await addInteraction(interaction(c.id, 'note', 5_000));
    await addInteraction(interaction(c.id, 'visit', 1_000));
    expect((await db.customers.get(c.id))?.lastVisitAt).toBe(2_000);
    await saveCustomer({ ...c, address: '新地址' });
    expect((await db.customers.get(c.id))?.lastVisitAt).toBe(2_000);
    expect((await db.customers.get(c.id))?.search).toContain('新地址');
  });

  it('is recomputed by a backup import: replace from the file, merge keeps a later visit here', async () => {
    const c = await saveCustomer(customer({ name: '李记超市' }));
    await addInteraction(interaction(c.id, 'visit', 3_000));
    const backup = await exportBackup();
    await addInteraction(interaction(c.id, 'visit', 9_000));

    await importBackup(backup, 'merge');
    expect((await db.customers.get(c.id))?.lastVisitAt).toBe(9_000);
    await importBackup(backup, 'replace');
    expect((await db.customers.get(c.id))?.lastVisitAt).toBe(3_000);
    expect(backup.customers[0]).not.toHaveProperty('lastVisitAt'); // derived fields are never exported
  });
});

describe('book signature', () => {
  it('changes with a note, a new customer or an edit, and not otherwise', async () => {
    useFreshDb();
    const c = await saveCustomer(customer({ name: '赵记食杂店' }));
    const first = await bookSignature();
    expect(await bookSignature()).toBe(first);
    await addInteraction(interaction(c.id, 'note', 1_000));
    const afterNote = await bookSignature();
    expect(afterNote).not.toBe(first);
    await new Promise((r) => setTimeout(r, 2));
    await saveCustomer({ ...c, owner: '赵六' });
    expect(await bookSignature()).not.toBe(afterNote);
  });
});
