import type { PlannedOrder } from '../io/import/dedupe';
import { isQuotaError } from './db';
import { writeCustomerBatch, writeOrderBatch, type CustomerOp } from './import-writer';

/** One batch for the import-write worker, and what it answers once the batch's transaction has settled. */
export type WriteRequest =
  | { id: number; kind: 'customers'; batch: CustomerOp[]; now: number }
  | { id: number; kind: 'orders'; batch: PlannedOrder[]; now: number; channel?: string };
export type WriteReply = { id: number; ok: true; dropped?: number[] } | { id: number; ok: false; quota: boolean; message: string };

export async function handleWriteRequest(req: WriteRequest): Promise<WriteReply> {
  try {
    if (req.kind === 'customers') {
      await writeCustomerBatch(req.batch, req.now);
      return { id: req.id, ok: true };
    }
    return { id: req.id, ok: true, ...(await writeOrderBatch(req.batch, req.now, req.channel)) };
  } catch (err) {
    return { id: req.id, ok: false, quota: isQuotaError(err), message: err instanceof Error ? err.message : String(err) };
  }
}
