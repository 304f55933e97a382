import { z } from 'zod';
import { CalendarDate, Id, NeedKind, PageSignals, SiteRule, Timestamp, type MatchResult } from '../model';

/**
 * Every runtime message of the extension, one zod schema each. The background parses with
 * `Request` and answers with `Reply`; anything else is refused (design.md rule 5).
 */
export const Token = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/);

export const CustomerDraft = z.object({
  name: z.string().trim().min(1).max(200),
  licenceNo: z.string().trim().max(40).optional(),
  customerCode: z.string().trim().max(60).optional(),
  uscc: z.string().trim().max(40).optional(),
  mobiles: z.array(z.string().max(40)).max(10).default([]),
  emails: z.array(z.string().max(200)).max(10).default([]),
  address: z.string().trim().max(200).optional(),
  class: z.string().trim().max(20).optional(),
});
export type CustomerDraft = z.input<typeof CustomerDraft>;

/** Sent by content scripts (any frame of a web page). */
export const ContentRequest = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('page/signals'),
    signals: PageSignals,
    /** First report of this document. */
    fresh: z.boolean(),
    /** When this document's navigation started (performance.timeOrigin), to drop the previous page's frames. */
    navStart: z.number().optional(),
  }),
  z.object({ type: z.literal('page/gone') }),
  /**
   * A new top-level document registers the one-time token it put in its panel frame's address
   * (made by the content script, so the frame can load without waiting for a round trip).
   */
  z.object({ type: z.literal('panel/token'), token: Token, navStart: z.number() }),
  /** The teach-this-page picker (entrypoints/teach-picker) saves the rule the manager confirmed. */
  z.object({ type: z.literal('rules/save'), rule: SiteRule.omit({ id: true, createdAt: true, updatedAt: true }) }),
]);

/** Sent by the panel iframe (an extension page inside a tab); every one carries the tab's token. */
export const PanelRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('panel/state'), token: Token }),
  z.object({ type: z.literal('panel/choose'), token: Token, customerId: Id }),
  z.object({ type: z.literal('panel/unchoose'), token: Token }),
  z.object({ type: z.literal('panel/search'), token: Token, query: z.string().max(100) }),
  z.object({ type: z.literal('panel/note'), token: Token, customerId: Id, text: z.string().trim().min(1).max(20_000) }),
  z.object({ type: z.literal('panel/createCustomer'), token: Token, draft: CustomerDraft }),
  /** Log a visit or call: it moves the next visit date; needs raised during it are recorded with it. */
  z.object({
    type: z.literal('panel/visit'),
    token: Token,
    customerId: Id,
    method: z.enum(['visit', 'call']),
    at: Timestamp,
    summary: z.string().trim().max(20_000),
    needs: z.array(z.object({ kind: NeedKind, description: z.string().trim().min(1).max(2_000), due: CalendarDate.optional() })).max(10).default([]),
  }),
  z.object({ type: z.literal('panel/need/add'), token: Token, customerId: Id, kind: NeedKind, description: z.string().trim().min(1).max(2_000), due: CalendarDate.optional() }),
  /** The closed loop: raised → in progress → resolved (with the resolution) → customer informed (channel, time). */
  z.object({
    type: z.literal('panel/need/advance'),
    token: Token,
    needId: Id,
    to: z.enum(['in_progress', 'resolved', 'informed']),
    resolution: z.string().trim().min(1).max(2_000).optional(),
    channel: z.string().trim().min(1).max(40).optional(),
    at: Timestamp.optional(),
  }),
  z.object({ type: z.literal('panel/task/add'), token: Token, customerId: Id, title: z.string().trim().min(1).max(200), due: CalendarDate.optional(), remindAt: Timestamp.optional() }),
  /** Done, reopen, snooze (a later `remindAt` and/or `due`), or edit the title. `null` clears a field. */
  z.object({
    type: z.literal('panel/task/update'),
    token: Token,
    taskId: Id,
    title: z.string().trim().min(1).max(200).optional(),
    due: CalendarDate.nullable().optional(),
    remindAt: Timestamp.nullable().optional(),
    status: z.enum(['open', 'done']).optional(),
  }),
  /** Hide a talking point for this customer until tomorrow. */
  z.object({ type: z.literal('panel/talking/dismiss'), token: Token, customerId: Id, pointId: z.string().min(1).max(300) }),
  /** Put a talking point's text at the caret of the page's reply box (webmail). */
  z.object({ type: z.literal('panel/insert'), token: Token, text: z.string().min(1).max(5_000) }),
]);

/** Sent by top-level extension pages (dashboard, popup, bench harness). */
export const PageRequest = z.discriminatedUnion('type', [
  /** The dashboard wrote data. `restored`: a backup was restored, whose old edit times derived indexes cannot see. */
  z.object({ type: z.literal('data/changed'), restored: z.boolean().optional() }),
  /** The dashboard edited, imported or deleted taught rules: the background copies them for content scripts. */
  z.object({ type: z.literal('rules/changed') }),
  /**
   * Quick capture from the popup (also opened by the keyboard command): to the chosen customer, or the
   * inbox. `tabId` names the page it was captured on, for its address and title.
   */
  z.object({
    type: z.literal('capture/save'),
    tabId: z.number().int().nonnegative().optional(),
    customerId: Id.optional(),
    text: z.string().max(20_000),
    selection: z.string().max(20_000).optional(),
    pageUrl: z.string().max(4_000).optional(),
    pageTitle: z.string().max(500).optional(),
  }),
  /** What the context menu on selected text does: the tab's matched customer, else the inbox. */
  z.object({
    type: z.literal('capture/selection'),
    tabId: z.number().int().nonnegative(),
    selection: z.string().min(1).max(20_000),
    pageUrl: z.string().max(4_000).optional(),
    pageTitle: z.string().max(500).optional(),
  }),
  /** Instant search for extension pages (the popup's customer picker). */
  z.object({ type: z.literal('customers/search'), query: z.string().max(100) }),
  /** The toolbar popup asks what the background knows of its tab. */
  z.object({ type: z.literal('popup/state'), tabId: z.number().int().nonnegative() }),
  /** The benchmark asks how soon after the worker started the name index was ready. */
  z.object({ type: z.literal('bench/names') }),
  z.object({
    type: z.literal('bench/match'),
    queries: z.array(z.array(z.object({ kind: z.string(), value: z.string() }))).max(10_000),
  }),
]);

export const Request = z.union([ContentRequest, PanelRequest, PageRequest]);
export type ContentRequest = z.infer<typeof ContentRequest>;
export type PanelRequest = z.infer<typeof PanelRequest>;
export type PageRequest = z.infer<typeof PageRequest>;
export type Request = z.infer<typeof Request>;

export type ErrorCode = 'badRequest' | 'forbidden' | 'badToken' | 'notFound' | 'invalid' | 'quota' | 'internal';
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorCode; detail?: string };

/** What the popup shows of its tab. */
export interface PopupState {
  match: MatchResult;
  customerName?: string;
}

export { PANEL_PORT, type PanelPush } from './ports';

/** What the panel renders: the tab's match and, when matched, the customer's data. */
export interface PanelState {
  match: MatchResult;
  view?: import('../db/customers').CustomerView;
  page: { url: string; title: string };
  /** Taught rules that claim this page but found nothing on it (any frame), so the panel can say so. */
  ruleMisses?: { ruleId: string; label: string }[];
}
