import { beforeEach, describe, expect, it, vi } from 'vitest';
import { saveCustomer } from '../../../lib/db/customers';
import type { AccountLensDb } from '../../../lib/db/db';
import {
  invalidateDatedCustomers,
  loadDatedCustomers,
  markTaskReminded,
  readOpenTasks,
  readReminderCustomers,
  REMINDER_DATES_SNAPSHOT_KEY,
} from '../../../lib/reminders/store';
import { customer, useFreshDb } from '../db-helpers';

let db: AccountLensDb;
beforeEach(() => {
  db = useFreshDb();
});

/** Full reads go through the primary key in batches; the coverage check and catch-up use `updatedAt`. */
const countFullReads = () => {
  const spy = vi.spyOn(db.customers, 'orderBy');
  return () => spy.mock.calls.filter(([index]) => index === ':id').length;
};

const ids = (list: { id: string }[]) => list.map((c) => c.id).sort();

describe('customers with dates for reminders', () => {
  it('lists only customers with a birthday or important dates, and keeps the list', async () => {
    const a = await saveCustomer(customer({ birthday: '1980-12-03' }));
    const b = await saveCustomer(customer({ importantDates: [{ label: '开业周年', date: '--05-01' }] }));
    await saveCustomer(customer());
    const fullReads = countFullReads();

    expect(await loadDatedCustomers()).toEqual(expect.arrayContaining([{ id: a.id, birthday: '1980-12-03' }, { id: b.id, importantDates: [{ label: '开业周年', date: '--05-01' }] }]));
    expect(ids(await loadDatedCustomers())).toEqual(ids([a, b]));
    expect(fullReads()).toBe(1);
    expect((await db.snapshots.get(REMINDER_DATES_SNAPSHOT_KEY))?.data).toBeTruthy();
  });

  it('catches up with edits and additions without reading every customer again', async () => {
    const a = await saveCustomer(customer({ birthday: '1980-12-03' }));
    const plain = await saveCustomer(customer());
    await loadDatedCustomers();
    const fullReads = countFullReads();

    await new Promise((r) => setTimeout(r, 2));
    await saveCustomer({ ...a, birthday: undefined });
    await saveCustomer({ ...plain, birthday: '--02-29' });
    const added = await saveCustomer(customer({ importantDates: [{ label: '签约日', date: '2020-06-01' }] }));

    expect(ids(await loadDatedCustomers())).toEqual(ids([plain, added]));
    expect(fullReads()).toBe(0);
  });

  it('rebuilds when customers were removed, or added with older times', async () => {
    const a = await saveCustomer(customer({ birthday: '1980-12-03' }));
    const b = await saveCustomer(customer({ birthday: '1981-01-03' }));
    await loadDatedCustomers();
    const fullReads = countFullReads();

    await db.customers.delete(a.id);
    expect(ids(await loadDatedCustomers())).toEqual([b.id]);
    expect(fullReads()).toBe(1);

    // As a merge restore writes them: the backup's own, older updatedAt.
    const old = customer({ birthday: '1970-07-07', updatedAt: 1 });
    await db.customers.put({ ...old, identKeys: [], nameKeys: [], search: '', aliases: [], mobiles: [], phones: [], emails: [], importantDates: [], custom: {} } as never);
    expect(ids(await loadDatedCustomers())).toEqual(ids([b, { id: old.id! }]));
    expect(fullReads()).toBe(2);
  });

  it('uses the stored list after the worker restarts, and can be told to forget it', async () => {
    const a = await saveCustomer(customer({ birthday: '1980-12-03' }));
    await loadDatedCustomers();
    // A new worker: same database, nothing in memory.
    const fresh = useFreshDb();
    await fresh.customers.bulkPut(await db.customers.toArray());
    await fresh.snapshots.bulkPut(await db.snapshots.toArray());
    db = fresh;
    const fullReads = countFullReads();
    expect(ids(await loadDatedCustomers())).toEqual([a.id]);
    expect(fullReads()).toBe(0);
    await invalidateDatedCustomers();
    expect(ids(await loadDatedCustomers())).toEqual([a.id]);
    expect(fullReads()).toBe(1);
  });
});

describe('tasks and names for reminders', () => {
  it('reads open tasks, including those with only a reminder time; marking leaves updatedAt alone', async () => {
    const c = await saveCustomer(customer({ name: '张记烟酒' }));
    const base = { customerId: c.id, createdAt: 1, updatedAt: 5 };
    await db.tasks.bulkAdd([
      { ...base, id: 'dated', title: 'a', status: 'open', due: '2026-12-01' },
      { ...base, id: 'timed', title: 'b', status: 'open', remindAt: 1_800_000_000_000 },
      { ...base, id: 'done', title: 'c', status: 'done', due: '2026-12-01' },
    ]);
    expect(ids(await readOpenTasks())).toEqual(['dated', 'timed']);
    await markTaskReminded('dated', 42);
    expect(await db.tasks.get('dated')).toMatchObject({ remindedAt: 42, updatedAt: 5 });
    const names = await readReminderCustomers([c.id, 'gone']);
    expect([...names.keys()]).toEqual([c.id]);
    expect(names.get(c.id)).toMatchObject({ name: '张记烟酒' });
  });
});
