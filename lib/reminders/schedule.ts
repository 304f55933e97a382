import { addDaysYmd, daysBetween, fromYmd, nextYearly, toYmd, type Ymd } from '../dates';
import type { Task } from '../model/activity';
import { DEFAULT_SETTINGS, type ReminderSettings } from '../model/settings';

/**
 * When reminders are due (issue 5): tasks at their `remindAt`, or on their due day at the settings' day
 * time; birthdays and important dates `dateLeadDays` ahead. Nothing is shown during quiet hours: it waits
 * until they end. Pure and local-time based (lib/dates), so the background only adds I/O around it.
 * Odd data (unreadable dates, bad times) is skipped, never thrown.
 */

export type ReminderTask = Pick<Task, 'id' | 'customerId' | 'title' | 'status'> &
  Partial<Pick<Task, 'due' | 'remindAt' | 'remindedAt' | 'updatedAt'>>;

/** The little of a customer that date reminders need; `name` is optional (the caller may look it up when firing). */
export interface DatedCustomer {
  id: string;
  name?: string;
  birthday?: string;
  importantDates?: readonly { label: string; date: string }[];
}

export type TaskReminder = {
  kind: 'task';
  key: string;
  customerId: string;
  /** Nominal time (remindAt, or due day at dayTime); the notification may come later (quiet hours). */
  at: number;
  taskId: string;
  title: string;
  due?: Ymd;
};

export type DateReminder = {
  kind: 'date';
  key: string;
  customerId: string;
  customerName?: string;
  at: number;
  what: 'birthday' | 'importantDate';
  /** The important date's label (absent for birthdays). */
  label?: string;
  /** The occurrence being announced (this year's or next year's). */
  date: Ymd;
  /** Days from today to the occurrence (0 = today). */
  daysAhead: number;
};

export type Reminder = TaskReminder | DateReminder;

export type ReminderTimes = Pick<ReminderSettings, 'enabled' | 'quietStart' | 'quietEnd' | 'dayTime' | 'dateLeadDays'>;

const DEFAULTS = DEFAULT_SETTINGS.reminders;

function minutesOf(hhmm: unknown): number | undefined {
  const m = typeof hhmm === 'string' ? /^(\d{2}):(\d{2})$/.exec(hhmm) : null;
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h < 24 && min < 60 ? h * 60 + min : undefined;
}

/** Local time `minutes` after midnight, `dayOffset` days after `day`'s date (the Date constructor keeps it DST-safe). */
const atMinutes = (day: Date, minutes: number, dayOffset = 0): number =>
  new Date(day.getFullYear(), day.getMonth(), day.getDate() + dayOffset, Math.floor(minutes / 60), minutes % 60).getTime();

const dayTimeOf = (settings: Pick<ReminderSettings, 'dayTime'>): number => minutesOf(settings.dayTime) ?? minutesOf(DEFAULTS.dayTime)!;

/** A task's reminder time: `remindAt`, else its due day at `dayTime`; undefined when done or neither is set. */
export function reminderTimeOfTask(
  task: Pick<ReminderTask, 'status' | 'due' | 'remindAt'>,
  settings: Pick<ReminderSettings, 'dayTime'>,
): number | undefined {
  if (task.status === 'done') return undefined;
  if (typeof task.remindAt === 'number' && Number.isFinite(task.remindAt)) return task.remindAt;
  const day = typeof task.due === 'string' ? fromYmd(task.due) : undefined;
  return day ? atMinutes(day, dayTimeOf(settings)) : undefined;
}

/**
 * A time inside the quiet window moves to the window's end; the start is quiet, the end is not.
 * Start after end wraps midnight (21:00–08:00); start equal to end means no quiet hours.
 */
export function shiftOutOfQuietHours(t: number, settings: Pick<ReminderSettings, 'quietStart' | 'quietEnd'>): number {
  const start = minutesOf(settings.quietStart);
  const end = minutesOf(settings.quietEnd);
  if (start === undefined || end === undefined || start === end || !Number.isFinite(t)) return t;
  const d = new Date(t);
  const m = d.getHours() * 60 + d.getMinutes();
  let shifted = t;
  if (start < end) {
    if (m >= start && m < end) shifted = atMinutes(d, end);
  } else if (m >= start) {
    shifted = atMinutes(d, end, 1);
  } else if (m < end) {
    shifted = atMinutes(d, end);
  }
  return Math.max(t, shifted);
}

export const isQuietTime = (t: number, settings: Pick<ReminderSettings, 'quietStart' | 'quietEnd'>): boolean =>
  shiftOutOfQuietHours(t, settings) !== t;

/**
 * Tasks are keyed by their reminder time and last edit: moving a reminder (even back to a time already
 * shown) is an edit, so it is a new reminder; `remindedAt` is the durable record, the key a backstop.
 */
export const taskReminderKey = (task: Pick<ReminderTask, 'id' | 'updatedAt'>, time: number): string =>
  `task:${task.id}:${time}:${task.updatedAt ?? 0}`;

/** One key per occurrence, so a date is announced once a year. */
export const dateReminderKey = (customerId: string, what: DateReminder['what'], label: string | undefined, occurrence: Ymd): string =>
  what === 'birthday' ? `date:${customerId}:birthday:${occurrence}` : `date:${customerId}:important:${label ?? ''}:${occurrence}`;

const YEARLY = /^(?:\d{4}|-)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

interface Occurrence {
  date: Ymd;
  /** Lead day at dayTime. */
  at: number;
}

/**
 * nextYearly for each month-day at most once per pass: 100k customers have only 366 distinct dates.
 * `following` is the occurrence after the current one, for dates already announced.
 */
function occurrences(today: Ymd, settings: ReminderTimes) {
  const lead = Number.isInteger(settings.dateLeadDays) && settings.dateLeadDays >= 0 ? settings.dateLeadDays : DEFAULTS.dateLeadDays;
  const dayTime = dayTimeOf(settings);
  const cache = new Map<string, { current: Occurrence; following?: Occurrence } | null>();
  const occurrenceOn = (mmdd: string, from: Ymd): Occurrence | undefined => {
    const date = nextYearly(`--${mmdd}`, from);
    if (!date) return undefined;
    const leadDay = fromYmd(addDaysYmd(date, -lead));
    return leadDay && { date, at: atMinutes(leadDay, dayTime) };
  };
  return (date: unknown, announced?: (current: Occurrence) => boolean): Occurrence | undefined => {
    const m = typeof date === 'string' ? YEARLY.exec(date) : null;
    if (!m) return undefined;
    const mmdd = `${m[1]}-${m[2]}`;
    let entry = cache.get(mmdd);
    if (entry === undefined) {
      const current = occurrenceOn(mmdd, today);
      entry = current ? { current } : null;
      cache.set(mmdd, entry);
    }
    if (!entry) return undefined;
    if (!announced?.(entry.current)) return entry.current;
    entry.following ??= occurrenceOn(mmdd, addDaysYmd(entry.current.date, 1));
    return entry.following;
  };
}

interface Candidate {
  key: string;
  at: number;
  make: () => Reminder;
}

/** Every reminder not yet shown, with its nominal time; `shown` dates look at their next occurrence. */
function* candidates(input: {
  tasks: Iterable<ReminderTask>;
  customers: Iterable<DatedCustomer>;
  now: number;
  settings: ReminderTimes;
  shown?: ReadonlySet<string>;
  /** For wake-ups: an announced date counts by its following occurrence instead of being dropped. */
  following?: boolean;
}): Generator<Candidate> {
  const { now, settings, shown } = input;
  if (!Number.isFinite(now)) return;
  const today = toYmd(now);
  for (const task of input.tasks) {
    if (!task || typeof task.id !== 'string') continue;
    const at = reminderTimeOfTask(task, settings);
    if (at === undefined) continue;
    // Reminded at or after its time: this reminder was shown (moving it clears remindedAt).
    if (typeof task.remindedAt === 'number' && task.remindedAt >= at) continue;
    const key = taskReminderKey(task, at);
    if (shown?.has(key)) continue;
    yield {
      key,
      at,
      make: () => ({ kind: 'task', key, customerId: task.customerId, at, taskId: task.id, title: task.title, ...(task.due ? { due: task.due } : {}) }),
    };
  }
  const next = occurrences(today, settings);
  for (const c of input.customers) {
    if (!c || typeof c.id !== 'string') continue;
    const dates: { what: DateReminder['what']; label?: string; date: unknown }[] = [];
    if (c.birthday) dates.push({ what: 'birthday', date: c.birthday });
    if (Array.isArray(c.importantDates)) for (const d of c.importantDates) if (d) dates.push({ what: 'importantDate', label: String(d.label ?? ''), date: d.date });
    for (const d of dates) {
      const keyOf = (o: Occurrence) => dateReminderKey(c.id, d.what, d.label, o.date);
      const announced = (o: Occurrence) => shown?.has(keyOf(o)) ?? false;
      const occ = next(d.date, input.following ? announced : undefined);
      if (!occ) continue;
      const key = keyOf(occ);
      if (announced(occ)) continue;
      yield {
        key,
        at: occ.at,
        make: () => ({
          kind: 'date',
          key,
          customerId: c.id,
          ...(c.name ? { customerName: c.name } : {}),
          at: occ.at,
          what: d.what,
          ...(d.what === 'importantDate' ? { label: d.label } : {}),
          date: occ.date,
          daysAhead: daysBetween(today, occ.date),
        }),
      };
    }
  }
}

/**
 * Reminders to show now: due (nominal time ≤ now), not shown, and `now` outside quiet hours (a reminder
 * that fell due in them waits for their end). Oldest first.
 */
export function dueReminders(input: {
  tasks: Iterable<ReminderTask>;
  customers: Iterable<DatedCustomer>;
  now: number;
  settings: ReminderTimes;
  shown?: ReadonlySet<string>;
}): Reminder[] {
  if (!input.settings.enabled || isQuietTime(input.now, input.settings)) return [];
  const due: Reminder[] = [];
  for (const c of candidates(input)) if (c.at <= input.now) due.push(c.make());
  return due.sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
}

/**
 * The earliest time after `now` at which a reminder will be shown (quiet hours applied), for the one
 * alarm. Pass `shown` (after firing) so what was just shown is not counted again. Undefined: nothing ahead.
 */
export function nextWakeUp(input: {
  tasks: Iterable<ReminderTask>;
  customers: Iterable<DatedCustomer>;
  now: number;
  settings: ReminderTimes;
  shown?: ReadonlySet<string>;
}): number | undefined {
  if (!input.settings.enabled) return undefined;
  let next: number | undefined;
  for (const c of candidates({ ...input, following: true })) {
    // Overdue ones are shown at the next moment outside quiet hours.
    const at = shiftOutOfQuietHours(Math.max(c.at, input.now), input.settings);
    if (at > input.now && (next === undefined || at < next)) next = at;
  }
  return next;
}
