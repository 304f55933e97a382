import { beforeEach, describe, expect, it, vi } from 'vitest';
import { saveCustomer } from '../../lib/db/customers';
import type { AccountLensDb } from '../../lib/db/db';
import { importedOrderId, loadExistingIndex, writeCustomerPlan, writeOrderPlan } from '../../lib/db/import-writer';
import { makeOrderResolver, planCustomerImport, planOrderImport } from '../../lib/io/import/dedupe';
import { guessMapping } from '../../lib/io/import/fields';
import type { Table } from '../../lib/io/import/read-table';
import { validateCustomerRows, validateOrderRows } from '../../lib/io/import/rows';
import { customer, useFreshDb } from './db-helpers';

const table = (headers: string[], rows: string[][]): Table => ({
  format: 'csv',
  headers,
  rows,
  firstRowNumber: 2,
  rowNumbers: rows.map((_, i) => i + 2),
});
const H = ['客户名称', '许可证号', '手机'];
const shops = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => [`测试商店${from + i}`, String(440300100000 + from + i), `138${String(from + i).padStart(8, '0')}`]);

async function plan(rows: string[][]) {
  return planCustomerImport(validateCustomerRows(table(H, rows), guessMapping(H, 'customers')), await loadExistingIndex());
}

describe('writing an import plan', () => {
  let db: AccountLensDb;
  beforeEach(() => {
    db = useFreshDb();
  });

  it('adds new customers and merges updates into the stored ones, keeping their id and history fields', async () => {
    const stored = await saveCustomer(customer({ name: '测试商店0', licenceNo: '440300100000', mobiles: ['13900000000'] }));
    const result = await writeCustomerPlan(await plan(shops(3)), new Map(), { batchSize: 2 });
    expect(result).toMatchObject({ added: 2, updated: 1, skipped: 0, notReached: [] });
    expect(await db.customers.count()).toBe(3);
    expect((await db.customers.get(stored.id))?.mobiles).toEqual(['13900000000', '13800000000']);
    expect((await db.customers.where('identKeys').equals('licence:440300100002').first())?.search).toContain('cssd2'); // pinyin initials stored
  });

  it('stops on cancel between batches: every batch is whole, later ones are not sent', async () => {
    const abort = new AbortController();
    const result = await writeCustomerPlan(await plan(shops(20)), new Map(), {
      batchSize: 4,
      signal: abort.signal,
      onProgress: (done) => done >= 4 && abort.abort(),
    });
    expect(result.stopped).toBe('cancelled');
    // The batch already in flight when the manager cancelled is written whole; nothing after it is sent.
    expect(result.added).toBe(8);
    expect(result.notReached).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    expect(await db.customers.count()).toBe(8);
  });

  it('a full disk in the middle stops cleanly: no half batch, a quota reason, and the next import finishes the job', async () => {
    const realBulkPut = db.customers.bulkPut.bind(db.customers);
    let calls = 0;
    const spy = vi.spyOn(db.customers, 'bulkPut').mockImplementation(((...args: Parameters<typeof realBulkPut>) => {
      calls += 1;
      if (calls === 2) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      return realBulkPut(...args);
    }) as typeof realBulkPut);
    const result = await writeCustomerPlan(await plan(shops(12)), new Map(), { batchSize: 3 });
    spy.mockRestore();
    // Batch 2 failed; batch 3 was already in flight and is reported as written; batch 4 was never sent.
    expect(result).toMatchObject({ stopped: 'quota', added: 6 });
    expect(result.notReached).toEqual([5, 6, 7, 11, 12, 13]);
    expect(await db.customers.count()).toBe(6);
    expect((await db.customers.where('identKeys').equals('licence:440300100003').count())).toBe(0);

    // Importing the same file again: the six written are now unchanged, the rest are added.
    const again = await writeCustomerPlan(await plan(shops(12)), new Map());
    expect(again).toMatchObject({ added: 6, skipped: 6 });
    expect(await db.customers.count()).toBe(12);
  });

  it('a conflict is skipped unless the manager chose to add or update', async () => {
    const a = await saveCustomer(customer({ name: '甲店', licenceNo: '440300100001' }));
    const rows = [['乙店', '440300100001', '']]; // the licence of 甲店 under another name
    const p = await plan(rows);
    expect(p.rows[0].decision.kind).toBe('conflict');
    expect(await writeCustomerPlan(p, new Map())).toMatchObject({ skipped: 1, added: 0 });
    expect(await writeCustomerPlan(p, new Map([[2, { kind: 'update', targetId: a.id }]]))).toMatchObject({ updated: 1 });
    expect((await db.customers.get(a.id))?.name).toBe('乙店');
    expect((await db.customers.get(a.id))?.aliases).toContain('甲店'); // the old name stays findable
  });

  it('orders land on the right customers, and importing the same file twice does not double them', async () => {
    const c = await saveCustomer(customer({ name: '鑫隆烟酒商行', customerCode: 'KH30512001' }));
    const OH = ['订货日期', '客户编码', '卷烟名称', '数量', '金额'];
    const t = table(OH, [
      ['2026-11-02', 'KH30512001', '中华(硬)', '5', '2250'],
      ['2026-11-02', 'KH30512001', '利群(新版)', '10', '1900'],
      ['2026-11-09', 'KH30512001', '中华(硬)', '2', '900'],
      ['2026-11-09', 'KH99999999', '中华(硬)', '2', '900'],
    ]);
    const orderPlan = () => loadExistingIndex().then((index) => planOrderImport(validateOrderRows(t, guessMapping(OH, 'orders')), makeOrderResolver(index)));
    const first = await writeOrderPlan(await orderPlan(), { batchSize: 1 });
    expect(first).toMatchObject({ added: 3, skipped: 1 });
    await writeOrderPlan(await orderPlan());
    const orders = await db.interactions.where('[customerId+at]').between([c.id, -Infinity], [c.id, Infinity]).toArray();
    expect(orders).toHaveLength(2);
    expect(orders.find((o) => o.lines?.length === 2)?.lines?.map((l) => l.product)).toEqual(['中华(硬)', '利群(新版)']);
  });

  it('gives an order a stable id from its customer, time and content', () => {
    const lines = [{ product: '中华(硬)', quantity: 1, amount: 450 }];
    expect(importedOrderId('c', 1, undefined, lines)).toBe(importedOrderId('c', 1, undefined, lines));
    expect(importedOrderId('c', 1, undefined, lines)).not.toBe(importedOrderId('c', 2, undefined, lines));
    expect(importedOrderId('c', 1, 'NO1', lines)).not.toBe(importedOrderId('c', 1, 'NO2', lines));
    expect(importedOrderId('c', 1, undefined, lines).length).toBeLessThanOrEqual(64);
  });
});
