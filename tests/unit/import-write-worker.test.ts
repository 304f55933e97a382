import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountLensDb } from '../../lib/db/db';
import { offThreadWriter } from '../../lib/db/import-write-client';
import { handleWriteRequest } from '../../lib/db/import-write-protocol';
import { loadExistingIndex, writeCustomerPlan } from '../../lib/db/import-writer';
import { planCustomerImport } from '../../lib/io/import/dedupe';
import { guessMapping } from '../../lib/io/import/fields';
import { validateCustomerRows } from '../../lib/io/import/rows';
import { useFreshDb } from './db-helpers';

// Vite turns the worker import into a Worker constructor; Node has no Worker, so the tests pass their own.
vi.mock('../../lib/db/import-write.worker?worker&inline', () => ({ default: class {} }));

/** A worker that runs the real request handler in this thread, answering asynchronously like a worker. */
class InProcessWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(data: Parameters<typeof handleWriteRequest>[0]) {
    const copy = structuredClone(data); // what crossing to a worker does
    void handleWriteRequest(copy).then((reply) => !this.terminated && this.onmessage?.({ data: structuredClone(reply) } as MessageEvent));
  }
  terminate() {
    this.terminated = true;
  }
}

const H = ['客户名称', '许可证号', '手机'];
const rows = (n: number) => Array.from({ length: n }, (_, i) => [`测试商店${i}`, String(440300100000 + i), `138${String(i).padStart(8, '0')}`]);
async function plan(n: number) {
  const table = { format: 'csv' as const, headers: H, rows: rows(n), firstRowNumber: 2, rowNumbers: rows(n).map((_, i) => i + 2) };
  return planCustomerImport(validateCustomerRows(table, guessMapping(H, 'customers')), await loadExistingIndex());
}

describe('writing an import in a worker', () => {
  let db: AccountLensDb;
  beforeEach(() => {
    db = useFreshDb();
  });

  it('writes every batch through the worker, with the pinyin search text the dashboard needs', async () => {
    const writer = offThreadWriter(() => new InProcessWorker() as unknown as Worker)!;
    const result = await writeCustomerPlan(await plan(7), new Map(), { batchSize: 3 }, writer);
    writer.close();
    expect(result).toMatchObject({ added: 7, notReached: [] });
    expect(await db.customers.count()).toBe(7);
    expect((await db.customers.where('identKeys').equals('licence:440300100006').first())?.search).toContain('cssd6');
  });

  it('a full disk reported by the worker stops the import with the quota reason, and nothing of that batch is written', async () => {
    const realBulkPut = db.customers.bulkPut.bind(db.customers);
    let calls = 0;
    vi.spyOn(db.customers, 'bulkPut').mockImplementation(((...args: Parameters<typeof realBulkPut>) =>
      ++calls === 1 ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : realBulkPut(...args)) as typeof realBulkPut);
    const writer = offThreadWriter(() => new InProcessWorker() as unknown as Worker)!;
    const result = await writeCustomerPlan(await plan(6), new Map(), { batchSize: 3 }, writer);
    writer.close();
    vi.restoreAllMocks();
    expect(result.stopped).toBe('quota');
    expect(result.notReached).toEqual([2, 3, 4]);
    expect(await db.customers.where('identKeys').equals('licence:440300100000').count()).toBe(0);
  });

  it('a worker that cannot be made leaves the caller to write on its own thread', () => {
    expect(
      offThreadWriter(() => {
        throw new Error('blocked by policy');
      }),
    ).toBeUndefined();
  });

  it('a worker that dies fails the batches it was given instead of hanging the import', async () => {
    const dying = new InProcessWorker();
    dying.postMessage = () => queueMicrotask(() => dying.onerror?.({ message: 'out of memory' } as ErrorEvent));
    const writer = offThreadWriter(() => dying as unknown as Worker)!;
    const result = await writeCustomerPlan(await plan(2), new Map(), {}, writer);
    expect(result).toMatchObject({ stopped: 'writeFailed', detail: 'out of memory', added: 0 });
  });
});
