import { buildExistingIndex, diffCustomer, type ExistingIndex, type OrderPlan, type Plan, type PlannedOrder } from '../io/import/dedupe';
import type { ReportOutcome } from '../io/import/report';
import type { CustomerDraft } from '../io/import/rows';
import { Customer, newId, type Interaction } from '../model';
import { fromCustomerRow, toCustomerRow } from './customers';
import { getDb, isQuotaError } from './db';

/**
 * Writes an import plan (lib/io/import) to the database: in batches, each batch one transaction, so a
 * cancel or a failure (a full disk) leaves every earlier batch whole and nothing of the failing one.
 */

/** The stored customers as the import plan compares them. */
export async function loadExistingIndex(): Promise<ExistingIndex> {
  const rows = await getDb().customers.toArray();
  return buildExistingIndex(rows.map(fromCustomerRow));
}

/** What the manager decided for a conflict row: leave it out, add it as a new customer, or update one of the candidates. */
export type ConflictChoice = { kind: 'skip' } | { kind: 'new' } | { kind: 'update'; targetId: string };

export interface WriteOptions {
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  now?: number;
}

export type WriteStop = 'cancelled' | 'quota' | 'writeFailed';

export interface WriteResult {
  /** Outcome of every row that was written or decided; rows of batches never written are absent. */
  outcomes: Map<number, ReportOutcome>;
  added: number;
  updated: number;
  skipped: number;
  /** Why writing stopped early: cancelled, or a batch failed (the batch already in flight still counts as what it became). */
  stopped?: WriteStop;
  detail?: string;
  /** Rows not written because writing stopped: the failed batch's and those never sent. */
  notReached: number[];
}

export type CustomerOp = { rowNumber: number; kind: 'new'; draft: CustomerDraft } | { rowNumber: number; kind: 'update'; draft: CustomerDraft; targetId: string };

/** Let the page paint the progress bar and hear the cancel button between batches. */
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Where batches are written: on this thread by default, or in a worker (import-write-client.ts). Each
 * call writes one batch in one transaction and settles when it has committed or failed.
 */
export interface BatchWriter {
  customers(batch: CustomerOp[], now: number): Promise<void>;
  orders(batch: PlannedOrder[], now: number, channel: string | undefined): Promise<OrderBatchResult>;
}

/** Positions in the batch of the orders dropped because their customer no longer exists. */
export type OrderBatchResult = { dropped: number[] };

export const inThreadWriter: BatchWriter = { customers: writeCustomerBatch, orders: writeOrderBatch };

/**
 * Writes batches with two transactions in flight: while IndexedDB commits one batch, the next is prepared
 * and sent, so the page's work and the database's overlap (measured: 100k customers 38 s → 22 s on a
 * 2-core machine). Each batch is still its own transaction, so a batch is written whole or not at all. On
 * a failure no further batch is sent; the batch already in flight is reported as what it became.
 */
async function inBatches<T, R>(
  items: T[],
  opts: WriteOptions,
  write: (batch: T[]) => Promise<R>,
  onWritten: (batch: T[], result: R) => void,
): Promise<{ stopped?: WriteStop; detail?: string; rest: T[] }> {
  const size = opts.batchSize ?? 2_000;
  const inFlight: { batch: T[]; done: Promise<R> }[] = [];
  const rest: T[] = [];
  let written = 0;
  let failure: { stopped: WriteStop; detail: string } | undefined;
  const settleOldest = async () => {
    const { batch, done } = inFlight.shift()!;
    try {
      onWritten(batch, await done);
      written += batch.length;
      opts.onProgress?.(written, items.length);
    } catch (err) {
      failure ??= { stopped: isQuotaError(err) ? 'quota' : 'writeFailed', detail: err instanceof Error ? err.message : String(err) };
      rest.push(...batch);
    }
  };
  let sent = 0;
  while (sent < items.length && !failure && !opts.signal?.aborted) {
    const batch = items.slice(sent, sent + size);
    sent += batch.length;
    const done = write(batch);
    done.catch(() => undefined); // settled in order by settleOldest; this only silences the early rejection
    inFlight.push({ batch, done });
    if (inFlight.length >= 2) await settleOldest();
    await yieldToUi();
  }
  while (inFlight.length) await settleOldest();
  rest.push(...items.slice(sent));
  if (failure) return { ...failure, rest };
  if (sent < items.length) return { stopped: 'cancelled', rest };
  return { rest };
}

/** One batch of a customer plan in one transaction: new rows are added, updates merged into the stored customer. */
export async function writeCustomerBatch(batch: CustomerOp[], now: number): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.customers, async () => {
    // Only updates read the stored record: on this class of machine every IndexedDB request costs ~0.1 ms.
    const updates = batch.filter((op) => op.kind === 'update');
    const stored = new Map((await db.customers.bulkGet(updates.map((op) => op.targetId))).filter((r) => r !== undefined).map((r) => [r.id, r]));
    const rows = batch.map((op) => {
      const target = op.kind === 'update' ? stored.get(op.targetId) : undefined;
      if (op.kind === 'update' && target) {
        // Re-diff against the record as stored now: the manager may have edited it since the preview.
        const { patch } = diffCustomer(op.draft, fromCustomerRow(target));
        return toCustomerRow(Customer.parse({ ...fromCustomerRow(target), ...patch, updatedAt: now }), target.lastVisitAt);
      }
      // A customer deleted since the preview comes back as new rather than being lost.
      return toCustomerRow(Customer.parse({ ...op.draft, id: newId(), createdAt: now, updatedAt: now }));
    });
    await db.customers.bulkPut(rows);
  });
}

/** Applies a customer plan: new rows are added, updates merged into the stored customer, conflicts as chosen. */
export async function writeCustomerPlan(
  plan: Plan,
  choices: ReadonlyMap<number, ConflictChoice>,
  opts: WriteOptions = {},
  writer: BatchWriter = inThreadWriter,
): Promise<WriteResult> {
  const result: WriteResult = { outcomes: new Map(), added: 0, updated: 0, skipped: 0, notReached: [] };
  const ops: CustomerOp[] = [];
  for (const row of plan.rows) {
    const d = row.decision;
    if (d.kind === 'new') ops.push({ rowNumber: row.rowNumber, kind: 'new', draft: d.draft });
    else if (d.kind === 'update') ops.push({ rowNumber: row.rowNumber, kind: 'update', draft: d.draft, targetId: d.target.id });
    else if (d.kind === 'conflict') {
      const choice = choices.get(row.rowNumber) ?? { kind: 'skip' };
      if (choice.kind === 'new') ops.push({ rowNumber: row.rowNumber, kind: 'new', draft: d.draft });
      else if (choice.kind === 'update') ops.push({ rowNumber: row.rowNumber, kind: 'update', draft: d.draft, targetId: choice.targetId });
      else skip(row.rowNumber);
    } else skip(row.rowNumber);
  }
  function skip(rowNumber: number) {
    result.outcomes.set(rowNumber, 'skipped');
    result.skipped += 1;
  }

  const now = opts.now ?? Date.now();
  const outcome = await inBatches(
    ops,
    opts,
    (batch) => writer.customers(batch, now),
    (batch) => {
      for (const op of batch) {
        result.outcomes.set(op.rowNumber, op.kind === 'new' ? 'added' : 'updated');
        if (op.kind === 'new') result.added += 1;
        else result.updated += 1;
      }
    },
  );
  result.stopped = outcome.stopped;
  result.detail = outcome.detail;
  result.notReached = outcome.rest.map((op) => op.rowNumber);
  return result;
}

/**
 * 53-bit string hash (cyrb53, public domain): gives an imported order a stable id, so importing the same
 * order file twice does not count its orders twice.
 */
function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function importedOrderId(customerId: string, at: number, orderNo: string | undefined, lines: Interaction['lines']): string {
  const what = orderNo ?? JSON.stringify(lines);
  return `imp-${hash53(`${customerId}|${at}|${what}`)}-${hash53(`${what}|${at}|${customerId}`)}`;
}

/** One batch of an order plan in one transaction; orders of a customer deleted since the preview are dropped with it, not orphaned. */
export async function writeOrderBatch(batch: PlannedOrder[], now: number, channel: string | undefined): Promise<OrderBatchResult> {
  const db = getDb();
  return db.transaction('rw', db.interactions, db.customers, async () => {
    const dropped: number[] = [];
    const owners = await db.customers.bulkGet(batch.map((o) => o.customerId));
    const interactions: Interaction[] = [];
    batch.forEach((o, i) => {
      if (!owners[i]) return void dropped.push(i);
      interactions.push({
        id: importedOrderId(o.customerId, o.at, o.orderNo, o.lines),
        customerId: o.customerId,
        kind: 'order',
        at: o.at,
        channel,
        summary: o.orderNo ?? '',
        lines: o.lines,
        createdAt: now,
      });
    });
    await db.interactions.bulkPut(interactions);
    return { dropped };
  });
}

/** Applies an order plan: each planned order becomes one order interaction on its customer. */
export async function writeOrderPlan(plan: OrderPlan, opts: WriteOptions & { channel?: string } = {}, writer: BatchWriter = inThreadWriter): Promise<WriteResult> {
  const result: WriteResult = { outcomes: new Map(), added: 0, updated: 0, skipped: 0, notReached: [] };
  for (const u of plan.unresolved) result.outcomes.set(u.rowNumber, 'skipped');
  for (const i of plan.invalid) result.outcomes.set(i.rowNumber, 'skipped');
  result.skipped = plan.unresolved.length + plan.invalid.length;
  const now = opts.now ?? Date.now();
  const outcome = await inBatches(
    plan.orders,
    opts,
    (batch) => writer.orders(batch, now, opts.channel),
    (batch, { dropped }) => {
      const droppedAt = new Set(dropped);
      batch.forEach((o, i) => {
        const outcome = droppedAt.has(i) ? 'skipped' : 'added';
        for (const r of o.rowNumbers) result.outcomes.set(r, outcome);
        result[outcome] += o.rowNumbers.length;
      });
    },
  );
  result.stopped = outcome.stopped;
  result.detail = outcome.detail;
  result.notReached = outcome.rest.flatMap((o) => o.rowNumbers);
  return result;
}
