import type { BatchWriter } from './import-writer';
import type { WriteReply, WriteRequest } from './import-write-protocol';
// Vite bundles the worker with its imports and inlines it (a blob: worker, allowed on extension pages).
import ImportWriteWorker from './import-write.worker?worker&inline';

/** A failed batch as the worker reported it, shaped so `isQuotaError` recognises a full disk. */
class WorkerWriteError extends Error {
  constructor(message: string, quota: boolean) {
    super(message);
    this.name = quota ? 'QuotaExceededError' : 'WorkerWriteError';
  }
}

/**
 * A batch writer that runs in a worker, or undefined where a worker cannot be made (a locked-down
 * browser): the caller then writes on its own thread. Close it when the import ends.
 */
export function offThreadWriter(makeWorker: () => Worker = () => new ImportWriteWorker()): (BatchWriter & { close(): void }) | undefined {
  let worker: Worker;
  try {
    worker = makeWorker();
  } catch {
    return undefined;
  }
  let nextId = 0;
  const waiting = new Map<number, { resolve: (r: Extract<WriteReply, { ok: true }>) => void; reject: (e: Error) => void }>();
  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.onmessage = ({ data }: MessageEvent<WriteReply>) => {
    const w = waiting.get(data.id);
    waiting.delete(data.id);
    if (data.ok) w?.resolve(data);
    else w?.reject(new WorkerWriteError(data.message, data.quota));
  };
  worker.onerror = (e) => failAll(new Error(e.message || 'the import writer stopped'));
  const send = (req: WriteRequest extends infer R ? (R extends WriteRequest ? Omit<R, 'id'> : never) : never) =>
    new Promise<Extract<WriteReply, { ok: true }>>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...req, id });
    });
  return {
    customers: async (batch, now) => void (await send({ kind: 'customers', batch, now })),
    orders: async (batch, now, channel) => ({ dropped: (await send({ kind: 'orders', batch, now, channel })).dropped ?? [] }),
    close: () => {
      failAll(new Error('the import writer was closed'));
      worker.terminate();
    },
  };
}
