import { z } from 'zod';
import { CalendarDate, Id, LongText, ShortText, Timestamp } from './common';

export const InteractionKind = z.enum(['visit', 'call', 'email', 'order', 'note']);
export type InteractionKind = z.infer<typeof InteractionKind>;

export const OrderLine = z.object({
  product: ShortText.min(1),
  quantity: z.number().finite().nonnegative(),
  unit: ShortText.optional(),
  amount: z.number().finite(), // yuan; negative for returns
});
export type OrderLine = z.infer<typeof OrderLine>;

export const Interaction = z.object({
  id: Id,
  customerId: Id,
  kind: InteractionKind,
  at: Timestamp,
  channel: ShortText.optional(), // 上门 / 电话 / 微信 / 邮件 / 网上订货 …
  summary: LongText.default(''),
  pageUrl: z.string().max(4_000).optional(),
  pageTitle: ShortText.optional(),
  lines: z.array(OrderLine).optional(), // orders only
  createdAt: Timestamp,
});
export type Interaction = z.infer<typeof Interaction>;

export const NeedKind = z.enum(['need', 'complaint']);
/** A need is open until the customer has been told the result (closed loop, domain.md §5). */
export const NeedStatus = z.enum(['raised', 'in_progress', 'resolved', 'informed']);
export type NeedStatus = z.infer<typeof NeedStatus>;

export const Need = z.object({
  id: Id,
  customerId: Id,
  kind: NeedKind.default('need'),
  description: LongText.min(1),
  status: NeedStatus.default('raised'),
  raisedAt: Timestamp,
  due: CalendarDate.optional(),
  resolution: LongText.optional(),
  resolvedAt: Timestamp.optional(),
  informedAt: Timestamp.optional(),
  informedChannel: ShortText.optional(),
  updatedAt: Timestamp,
});
export type Need = z.infer<typeof Need>;
export const isNeedOpen = (need: Pick<Need, 'status'>): boolean => need.status !== 'informed';

export const TaskStatus = z.enum(['open', 'done']);
export const Task = z.object({
  id: Id,
  customerId: Id,
  needId: Id.optional(),
  title: ShortText.min(1),
  due: CalendarDate.optional(),
  /** When to remind (a notification); without it, a dated task is reminded on its day at the settings' time. */
  remindAt: Timestamp.optional(),
  /** When the reminder was shown, so it is shown once (moving `remindAt` or `due` clears it). */
  remindedAt: Timestamp.optional(),
  status: TaskStatus.default('open'),
  doneAt: Timestamp.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Task = z.infer<typeof Task>;

/** The manager's answer to "which of these customers is this page about?", remembered per page. */
export const PageChoice = z.object({ pageKey: z.string().min(1).max(4_000), customerId: Id, at: Timestamp });
export type PageChoice = z.infer<typeof PageChoice>;

/**
 * A note captured on a page with no customer to file it under (issue 5): kept in the inbox until the
 * manager files it to a customer (it then becomes a note interaction) or deletes it.
 */
export const InboxNote = z.object({
  id: Id,
  text: LongText.default(''),
  /** The text selected on the page when it was captured. */
  selection: LongText.optional(),
  pageUrl: z.string().max(4_000).optional(),
  pageTitle: ShortText.optional(),
  at: Timestamp,
});
export type InboxNote = z.infer<typeof InboxNote>;
