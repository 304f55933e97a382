import type { CustomerSummary } from '../../lib/db/customers';
import type { Locale, MessageKey, Translate } from '../../lib/i18n';
import type { CustomerDraft, ErrorCode } from '../../lib/messaging/protocol';

/** A failed request as the views see it (a `RequestError` satisfies this shape). */
export interface PanelError {
  code: ErrorCode | 'offline';
  detail?: string;
}

/** Everything the views can ask for. The container (usePanelState) wires these to messages. */
export interface PanelActions {
  choose(customerId: string): Promise<void>;
  unchoose(): Promise<void>;
  /** Leave the "choose another customer" view without changing anything. */
  cancelPick(): void;
  search(query: string): Promise<CustomerSummary[]>;
  createCustomer(draft: CustomerDraft): Promise<void>;
  /** Resolves once the note is stored; rejects with a PanelError-like value otherwise. */
  saveNote(customerId: string, text: string): Promise<void>;
  collapse(): void;
  retry(): void;
}

/** A note typed in the panel that is not confirmed by the background yet (shown at once). */
export interface PendingNote {
  id: string;
  customerId: string;
  text: string;
  at: number;
}

/** Shared by every view part. */
export interface ViewContext {
  t: Translate;
  locale: Locale;
  now: number;
}

export function toPanelError(err: unknown): PanelError {
  if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string') {
    const { code, detail } = err as { code: PanelError['code']; detail?: unknown };
    return { code, detail: typeof detail === 'string' ? detail : undefined };
  }
  return { code: 'internal', detail: err instanceof Error ? err.message : String(err) };
}

const KNOWN: readonly PanelError['code'][] = ['badRequest', 'forbidden', 'badToken', 'notFound', 'invalid', 'quota', 'internal', 'offline'];

/** The words for an error, from the shared `error.*` messages. */
export function errorText(t: Translate, err: unknown): string {
  const e = toPanelError(err);
  const code = KNOWN.includes(e.code) ? e.code : 'internal';
  const detail = e.detail || (code === 'internal' ? e.code : '');
  return t(`error.${code}` as MessageKey, { detail });
}
