/// <reference lib="webworker" />
import { isImportError } from './errors';
import { readTable } from './read-table';

/**
 * Reads an import file off the dashboard's main thread: a 100k-row XLSX takes seconds to unzip and
 * parse, during which the page would otherwise freeze. One request per worker; see read-table-client.ts.
 */
self.onmessage = async (e: MessageEvent<{ name: string; bytes: ArrayBuffer }>) => {
  try {
    self.postMessage({ ok: true, table: await readTable(e.data) });
  } catch (err) {
    self.postMessage(
      isImportError(err)
        ? { ok: false, importError: { code: err.code, detail: err.detail, params: err.params } }
        : { ok: false, message: err instanceof Error ? err.message : String(err) },
    );
  }
};
