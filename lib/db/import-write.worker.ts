/// <reference lib="webworker" />
import { handleWriteRequest } from './import-write-protocol';

/**
 * Writes import batches off the dashboard's main thread (see import-write-client.ts). The worker's heap
 * holds only the batches in flight, so preparing and serialising 100k rows costs the page no garbage
 * collection, and the page stays responsive. Same database: a dedicated worker of an extension page has
 * the extension's origin.
 */
self.onmessage = async (e) => self.postMessage(await handleWriteRequest(e.data));
