import { format, isValid, nextMonday, parse } from 'date-fns';
import { addDaysYmd, fromYmd, toYmd, type Ymd } from '../../lib/dates';
import type { Task } from '../../lib/model';

/**
 * Pure date helpers of the panel's task, visit and need forms: quick due choices, reminder times,
 * snoozing, and the `datetime-local` inputs. All in the manager's local calendar (lib/dates).
 */

const HOUR_MS = 3_600_000;

/** The quick due choices of "+ 待办". */
export type QuickDue = 'tomorrow' | 'nextMonday' | 'beforeVisit' | 'pick';

/** The Monday after `today` (a week ahead when today is a Monday). */
export const nextMondayYmd = (today: Ymd): Ymd => toYmd(nextMonday(fromYmd(today)!));

/**
 * The due date of a quick choice. "Before the next visit" is the visit's due date, but never a day in
 * the past: when the visit is already overdue, it is today. Undefined when the choice has no date
 * (no visit planned, or no date picked yet).
 */
export function quickDue(choice: QuickDue | undefined, today: Ymd, opts: { visitDue?: Ymd; picked?: string } = {}): Ymd | undefined {
  switch (choice) {
    case 'tomorrow':
      return addDaysYmd(today, 1);
    case 'nextMonday':
      return nextMondayYmd(today);
    case 'beforeVisit':
      if (!opts.visitDue || !fromYmd(opts.visitDue)) return undefined;
      return opts.visitDue < today ? today : opts.visitDue;
    case 'pick':
      return opts.picked && fromYmd(opts.picked) ? opts.picked : undefined;
    default:
      return undefined;
  }
}

/** Local time `HH:MM` on a calendar day, as epoch ms; undefined when either is not readable. */
export function atTime(day: Ymd, hhmm: string): number | undefined {
  const date = fromYmd(day);
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!date || !m) return undefined;
  date.setHours(Number(m[1]), Number(m[2]), 0, 0);
  return date.getTime();
}

export type SnoozeChoice = 'hour' | 'tomorrow' | 'nextWeek';

/** What a snooze changes: `null` clears the field, a missing key leaves it alone (as `panel/task/update`). */
export interface SnoozePatch {
  due?: Ymd | null;
  remindAt?: number | null;
}

/**
 * Snoozing never brings a task forward. "In an hour" reminds in an hour, and moves a due date that is
 * earlier than that day onto it. "Tomorrow" and "next week" (next Monday) move the due date to that
 * day and clear the reminder time, so the task is reminded on its day at the settings' time; a task due
 * later than that day keeps its date and is reminded on that day at `dayTime`.
 */
export function snoozePatch(task: Pick<Task, 'due'>, choice: SnoozeChoice, now: number, dayTime = '09:00'): SnoozePatch {
  if (choice === 'hour') {
    const remindAt = now + HOUR_MS;
    const day = toYmd(remindAt);
    return task.due && task.due < day ? { remindAt, due: day } : { remindAt };
  }
  const today = toYmd(now);
  const target = choice === 'tomorrow' ? addDaysYmd(today, 1) : nextMondayYmd(today);
  if (!task.due || task.due <= target) return { due: target, remindAt: null };
  return { remindAt: atTime(target, dayTime) ?? null };
}

/** Epoch ms as the value of an `<input type="datetime-local">` (minutes). */
export const toLocalInput = (ms: number): string => format(ms, "yyyy-MM-dd'T'HH:mm");

/** The value of an `<input type="datetime-local">` as epoch ms; undefined when empty or unreadable. */
export function fromLocalInput(value: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(value.trim());
  if (!m) return undefined;
  const d = parse(`${m[1]} ${m[2]}:${m[3] ?? '00'}`, 'yyyy-MM-dd HH:mm:ss', new Date(2000, 0, 1));
  return isValid(d) ? d.getTime() : undefined;
}

/** Today as YYYY-MM-DD, for the `min` of date inputs and the quick choices. */
export const todayYmd = (now: number): Ymd => toYmd(now);
