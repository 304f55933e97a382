import type { CustomerSummary } from '../../lib/db/customers';
import type { PanelTranslate } from '../../lib/i18n/panel-bundle';
import type { Locale } from '../../lib/i18n/translate';
import type { CustomerDraft, ErrorCode } from '../../lib/messaging/protocol';
import type { Need } from '../../lib/model';

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

  // Conversation tools (issue 5). Each resolves once the background has stored the change and the panel
  // shows the state it replied with; each rejects with a PanelError-like value, leaving the form as it was.
  /** Log a visit or callback, with the needs the customer raised during it (`panel/visit`). */
  logVisit(customerId: string, visit: VisitDraft): Promise<void>;
  addNeed(customerId: string, need: NeedDraft): Promise<void>;
  /** One step of the closed loop (`panel/need/advance`). */
  advanceNeed(needId: string, step: NeedStep): Promise<void>;
  addTask(customerId: string, task: TaskDraft): Promise<void>;
  /** Done, snooze or rename (`panel/task/update`); `null` clears a field. */
  updateTask(taskId: string, patch: TaskPatch): Promise<void>;
  /** Hide a talking point for this customer until tomorrow. */
  dismissTalking(customerId: string, pointId: string): Promise<void>;
  /** Put text at the caret of the page's reply box; false when the page has none open. */
  insertText(text: string): Promise<boolean>;
}

export interface NeedDraft {
  kind: Need['kind'];
  description: string;
  /** YYYY-MM-DD */
  due?: string;
}

export interface VisitDraft {
  method: 'visit' | 'call';
  /** Epoch ms */
  at: number;
  summary: string;
  needs: NeedDraft[];
}

export type NeedStep =
  | { to: 'in_progress' }
  | { to: 'resolved'; resolution: string }
  | { to: 'informed'; channel: string; at: number };

export interface TaskDraft {
  title: string;
  /** YYYY-MM-DD */
  due?: string;
  /** Epoch ms */
  remindAt?: number;
}

export interface TaskPatch {
  title?: string;
  due?: string | null;
  remindAt?: number | null;
  status?: 'open' | 'done';
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
  t: PanelTranslate;
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
export function errorText(t: PanelTranslate, err: unknown): string {
  const e = toPanelError(err);
  const code = KNOWN.includes(e.code) ? e.code : 'internal';
  const detail = e.detail || (code === 'internal' ? e.code : '');
  return t(`error.${code}` as const, { detail });
}
