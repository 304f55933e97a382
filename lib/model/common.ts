import { z } from 'zod';

/** Record ids are random UUIDs so that backups and handovers from different machines never collide. */
export const Id = z.string().min(1).max(64);
/** Times are epoch milliseconds: cheap to index and compare, and unambiguous across time zones. */
export const Timestamp = z.number().int().nonnegative();
/** Calendar dates without a time zone (birthdays, due dates): `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. */
export const CalendarDate = z
  .string()
  .regex(/^(\d{4}-|--)(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD or --MM-DD');

const TrimmedText = (max: number) => z.string().trim().max(max);
export const ShortText = TrimmedText(200);
export const LongText = TrimmedText(20_000);

export const newId = (): string => crypto.randomUUID();
