import { ImportError, type ImportErrorCode } from './errors';
import { readTable, type Table } from './read-table';
// Vite bundles the worker with its imports and inlines it (a blob: worker, allowed on extension pages).
import ReadTableWorker from './read-table.worker?worker&inline';

type Reply =
  | { ok: true; table: Table }
  | { ok: false; importError: { code: ImportErrorCode; detail?: string; params?: Record<string, string | number> } }
  | { ok: false; message: string };

/**
 * `readTable` in a worker, with the same result and the same ImportErrors. Where a worker cannot be made
 * (a test environment, a locked-down browser) it reads on the calling thread instead.
 */
export async function readTableOffThread(input: { name: string; bytes: ArrayBuffer }): Promise<Table> {
  let worker: Worker;
  try {
    worker = new ReadTableWorker();
  } catch {
    return readTable(input);
  }
  try {
    const reply = await new Promise<Reply>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<Reply>) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(e.message || 'the file reader stopped'));
      worker.postMessage(input, [input.bytes]);
    });
    if (reply.ok) return reply.table;
    if ('importError' in reply) throw new ImportError(reply.importError.code, reply.importError.detail, reply.importError.params);
    throw new Error(reply.message);
  } finally {
    worker.terminate();
  }
}
