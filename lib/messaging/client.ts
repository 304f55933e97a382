import browser from 'webextension-polyfill';
import type { ErrorCode, Reply, Request } from './protocol';

/** A refused or failed request, carrying the code the UI turns into words. */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode | 'offline',
    readonly detail = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
  }
}

/** The data of a background reply, or the RequestError it carries. */
export function unwrapReply<T>(reply: unknown): T {
  const r = reply as Reply<T> | undefined;
  if (!r || typeof r !== 'object' || !('ok' in r)) throw new RequestError('offline');
  if (!r.ok) throw new RequestError(r.error, r.detail);
  return r.data;
}

/**
 * Send a request to the background and unwrap its reply. A service worker that is starting up can
 * drop the first message ("Receiving end does not exist"), so that case is retried a few times.
 */
export async function request<T>(message: Request, attempts = 3): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return unwrapReply<T>(await browser.runtime.sendMessage(message));
    } catch (err) {
      if (err instanceof RequestError && err.code !== 'offline') throw err;
      if (i + 1 >= attempts) throw err instanceof RequestError ? err : new RequestError('offline', String(err));
      await new Promise((r) => setTimeout(r, 100 * (i + 1)));
    }
  }
}
