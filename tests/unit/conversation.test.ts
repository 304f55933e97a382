import { beforeEach, describe, expect, it } from 'vitest';
import { addNeed, addTask, advanceNeed, ConversationError, logVisit, updateTask } from '../../lib/db/conversation';
import { saveCustomer } from '../../lib/db/customers';
import type { AccountLensDb } from '../../lib/db/db';
import { customer, useFreshDb } from './db-helpers';

const T = 1_764_000_000_000;
let db: AccountLensDb;
let shopId: string;

beforeEach(async () => {
  db = useFreshDb();
  shopId = (await saveCustomer(customer({ name: '鑫隆烟酒商行', segment: '核心客户' }))).id;
});

describe('logging a visit', () => {
  it('a visit moves the last visit and records the needs raised in it, together', async () => {
    await logVisit({ customerId: shopId, method: 'visit', at: T, summary: '店面整改', needs: [{ kind: 'complaint', description: '送货晚', due: '2026-12-05' }] }, T + 1);
    expect((await db.customers.get(shopId))?.lastVisitAt).toBe(T);
    const [need] = await db.needs.toArray();
    expect(need).toMatchObject({ customerId: shopId, kind: 'complaint', status: 'raised', raisedAt: T, due: '2026-12-05' });
    expect((await db.interactions.toArray())[0]).toMatchObject({ kind: 'visit', channel: '上门', summary: '店面整改' });
  });

  it('a call is recorded but does not move the last visit', async () => {
    await logVisit({ customerId: shopId, method: 'call', at: T, summary: '电话回访', needs: [] });
    expect((await db.customers.get(shopId))?.lastVisitAt).toBeUndefined();
    expect(await db.interactions.count()).toBe(1);
  });

  it('for a customer deleted meanwhile nothing is written', async () => {
    await expect(logVisit({ customerId: 'gone', method: 'visit', at: T, summary: 'x', needs: [{ kind: 'need', description: 'y' }] })).rejects.toBeInstanceOf(ConversationError);
    expect(await db.interactions.count()).toBe(0);
    expect(await db.needs.count()).toBe(0);
  });
});

describe('the closed loop of a need', () => {
  it('raised → in progress → resolved (with the resolution) → informed (channel and time)', async () => {
    const need = await addNeed({ customerId: shopId, kind: 'need', description: '想进新品' }, T);
    await advanceNeed({ needId: need.id, to: 'in_progress' }, T + 1);
    await expect(advanceNeed({ needId: need.id, to: 'resolved' }, T + 2)).rejects.toThrow('resolution');
    await advanceNeed({ needId: need.id, to: 'resolved', resolution: '已报计划' }, T + 2);
    await expect(advanceNeed({ needId: need.id, to: 'informed' }, T + 3)).rejects.toThrow('channel');
    const done = await advanceNeed({ needId: need.id, to: 'informed', channel: '电话', at: T + 3 }, T + 4);
    expect(done).toMatchObject({ status: 'informed', resolution: '已报计划', resolvedAt: T + 2, informedChannel: '电话', informedAt: T + 3, updatedAt: T + 4 });
  });

  it('no step back and no skipping the customer: a raised need cannot be marked informed', async () => {
    const need = await addNeed({ customerId: shopId, kind: 'complaint', description: '条烟破损' }, T);
    await expect(advanceNeed({ needId: need.id, to: 'informed', channel: '电话' })).rejects.toThrow('raised → informed');
    await advanceNeed({ needId: need.id, to: 'resolved', resolution: '已调换' });
    await expect(advanceNeed({ needId: need.id, to: 'in_progress' })).rejects.toThrow('resolved → in_progress');
    expect((await db.needs.get(need.id))?.status).toBe('resolved');
  });
});

describe('tasks', () => {
  it('done, reopened, snoozed (re-arming the reminder) and renamed', async () => {
    const task = await addTask({ customerId: shopId, title: '送新品样品', due: '2026-12-01', remindAt: T }, T);
    await db.tasks.update(task.id, { remindedAt: T });
    const snoozed = await updateTask(task.id, { remindAt: T + 3_600_000 }, T + 5);
    expect(snoozed.remindAt).toBe(T + 3_600_000);
    expect(snoozed.remindedAt).toBeUndefined();
    expect((await updateTask(task.id, { status: 'done' }, T + 6))).toMatchObject({ status: 'done', doneAt: T + 6 });
    const reopened = await updateTask(task.id, { status: 'open', title: '送两条样品', due: null }, T + 7);
    expect(reopened).toMatchObject({ status: 'open', title: '送两条样品' });
    expect(reopened.doneAt).toBeUndefined();
    expect(reopened.due).toBeUndefined();
  });

  it('an invalid date is refused and the task stays as it was', async () => {
    const task = await addTask({ customerId: shopId, title: '回访' }, T);
    await expect(updateTask(task.id, { due: '2026-13-40' })).rejects.toThrow();
    expect((await db.tasks.get(task.id))?.due).toBeUndefined();
  });
});
