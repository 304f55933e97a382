import { z } from 'zod';
import { CalendarDate, Id, LongText, ShortText, Timestamp } from './common';

export const ImportantDate = z.object({ label: ShortText.min(1), date: CalendarDate });

export const Customer = z.object({
  id: Id,
  name: ShortText.min(1, 'name is required'),
  aliases: z.array(ShortText.min(1)).default([]),
  // Identifiers, stored normalised (see lib/match/identifiers).
  licenceNo: z.string().regex(/^\d{12}$/, 'licence number has 12 digits').optional(),
  customerCode: ShortText.min(1).optional(),
  uscc: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'unified social credit code has 18 characters').optional(),
  mobiles: z.array(z.string().regex(/^1[3-9]\d{9}$/, 'mainland mobile has 11 digits')).default([]),
  phones: z.array(ShortText.min(1)).default([]),
  emails: z.array(z.string().trim().toLowerCase().pipe(z.email())).default([]),
  // Profile (客户档案).
  class: ShortText.optional(), // 档位, e.g. "28" for tobacco, "A" for a bank
  segment: ShortText.optional(), // core / potential / ordinary … as the manager's company names it
  businessType: ShortText.optional(), // 业态
  marketType: ShortText.optional(), // 市场类型
  address: ShortText.optional(),
  owner: ShortText.optional(), // 户主 / legal person
  birthday: CalendarDate.optional(),
  importantDates: z.array(ImportantDate).default([]),
  custom: z.record(z.string().max(100), z.string().max(2_000)).default({}),
  note: LongText.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Customer = z.infer<typeof Customer>;
export type CustomerInput = z.input<typeof Customer>;

export const ContactRole = z.enum(['decision_maker', 'influencer', 'user', 'blocker', 'other']);
export const Attitude = z.enum(['resistant', 'neutral', 'positive']); // 抵触 / 中立 / 积极

export const Contact = z.object({
  id: Id,
  customerId: Id,
  name: ShortText.min(1),
  role: ContactRole.default('other'),
  attitude: Attitude.optional(),
  title: ShortText.optional(),
  mobiles: z.array(z.string().regex(/^1[3-9]\d{9}$/)).default([]),
  phones: z.array(ShortText.min(1)).default([]),
  emails: z.array(z.string().trim().toLowerCase().pipe(z.email())).default([]),
  note: LongText.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Contact = z.infer<typeof Contact>;
