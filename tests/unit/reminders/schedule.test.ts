import { describe, expect, it } from 'vitest';
import {
  dueReminders,
  nextWakeUp,
  reminderTimeOfTask,
  shiftOutOfQuietHours,
  taskReminderKey,
  type DatedCustomer,
  type ReminderTask,
  type ReminderTimes,
} from '../../../lib/reminders/schedule';

/** Local time, as the manager's clock reads it. */
const at = (ymd: string, hhmm = '00:00') => {
  const [y, m, d] = ymd.split('-').map(Number);
  const [h, min] = hhmm.split(':').map(Number);
  return new Date(y, m - 1, d, h, min).getTime();
};

const SETTINGS: ReminderTimes = { enabled: true, quietStart: '21:00', quietEnd: '08:00', dayTime: '09:00', dateLeadDays: 3 };
const task = (over: Partial<ReminderTask> = {}): ReminderTask => ({ id: 't1', customerId: 'c1', title: '回访张老板', status: 'open', updatedAt: 1, ...over });

describe('reminderTimeOfTask', () => {
  it.each([
    ['remindAt wins over the due day', { remindAt: at('2026-11-30', '14:30'), due: '2026-12-01' }, SETTINGS, at('2026-11-30', '14:30')],
    ['due day at dayTime', { due: '2026-12-01' }, SETTINGS, at('2026-12-01', '09:00')],
    ['due day at another dayTime', { due: '2026-12-01' }, { ...SETTINGS, dayTime: '07:45' }, at('2026-12-01', '07:45')],
    ['done tasks are not reminded', { due: '2026-12-01', status: 'done' as const }, SETTINGS, undefined],
    ['no due and no remindAt', {}, SETTINGS, undefined],
    ['an impossible due date', { due: '2026-02-30' }, SETTINGS, undefined],
    ['a yearless due date', { due: '--12-01' }, SETTINGS, undefined],
    ['a broken dayTime falls back to 09:00', { due: '2026-12-01' }, { ...SETTINGS, dayTime: '9h' }, at('2026-12-01', '09:00')],
  ])('%s', (_name, over, settings, expected) => {
    expect(reminderTimeOfTask(task(over), settings)).toBe(expected);
  });
});

describe('shiftOutOfQuietHours', () => {
  it.each([
    // 21:00–08:00 wraps midnight: start quiet, end not.
    ['21:00', '08:00', '2026-11-30 20:59', '2026-11-30 20:59'],
    ['21:00', '08:00', '2026-11-30 21:00', '2026-12-01 08:00'],
    ['21:00', '08:00', '2026-11-30 23:59', '2026-12-01 08:00'],
    ['21:00', '08:00', '2026-12-01 00:00', '2026-12-01 08:00'],
    ['21:00', '08:00', '2026-12-01 07:59', '2026-12-01 08:00'],
    ['21:00', '08:00', '2026-12-01 08:00', '2026-12-01 08:00'],
    ['21:00', '08:00', '2026-12-01 12:00', '2026-12-01 12:00'],
    ['21:00', '08:00', '2026-12-31 22:00', '2027-01-01 08:00'],
    ['21:00', '08:00', '2026-02-28 23:00', '2026-03-01 08:00'],
    // Within one day.
    ['12:00', '14:00', '2026-11-30 11:59', '2026-11-30 11:59'],
    ['12:00', '14:00', '2026-11-30 12:00', '2026-11-30 14:00'],
    ['12:00', '14:00', '2026-11-30 13:59', '2026-11-30 14:00'],
    ['12:00', '14:00', '2026-11-30 14:00', '2026-11-30 14:00'],
    // Equal start and end: no quiet hours; broken times: none either.
    ['22:00', '22:00', '2026-11-30 22:00', '2026-11-30 22:00'],
    ['25:00', '08:00', '2026-11-30 23:00', '2026-11-30 23:00'],
  ])('quiet %s–%s: %s → %s', (quietStart, quietEnd, when, expected) => {
    const [d, t] = when.split(' ');
    const [ed, et] = expected.split(' ');
    expect(shiftOutOfQuietHours(at(d, t), { quietStart, quietEnd })).toBe(at(ed, et));
  });

  it('keeps the seconds of a time outside the window and never moves a time backwards', () => {
    const t = at('2026-11-30', '20:59') + 59_000;
    expect(shiftOutOfQuietHours(t, SETTINGS)).toBe(t);
    expect(shiftOutOfQuietHours(at('2026-12-01', '07:59') + 59_000, SETTINGS)).toBe(at('2026-12-01', '08:00'));
  });
});

describe('dueReminders: tasks', () => {
  const due = (tasks: ReminderTask[], now: number, settings = SETTINGS, shown?: Set<string>) => dueReminders({ tasks, customers: [], now, settings, shown });

  it('a task due today fires at dayTime, not before', () => {
    const t = task({ due: '2026-11-30' });
    expect(due([t], at('2026-11-30', '08:59'))).toEqual([]);
    expect(due([t], at('2026-11-30', '09:00'))).toEqual([
      { kind: 'task', key: taskReminderKey(t, at('2026-11-30', '09:00')), customerId: 'c1', at: at('2026-11-30', '09:00'), taskId: 't1', title: '回访张老板', due: '2026-11-30' },
    ]);
  });

  it('a task with remindAt fires at that time', () => {
    const now = at('2026-11-30', '15:00');
    expect(due([task({ remindAt: now })], now)).toHaveLength(1);
    expect(due([task({ remindAt: now + 60_000 })], now)).toEqual([]);
  });

  it.each([
    ['reminded after its time', { remindedAt: at('2026-11-30', '09:05') }, 0],
    ['reminded exactly at its time', { remindedAt: at('2026-11-30', '09:00') }, 0],
    ['reminded before it was moved to a later time', { remindedAt: at('2026-11-29', '09:00') }, 1],
    ['done', { status: 'done' as const }, 0],
  ])('a task %s', (_name, over, count) => {
    expect(due([task({ due: '2026-11-30', ...over })], at('2026-11-30', '10:00'))).toHaveLength(count);
  });

  it('a shown key is not shown again, but an edit of the task is a new reminder', () => {
    const t = task({ due: '2026-11-30' });
    const shown = new Set([taskReminderKey(t, at('2026-11-30', '09:00'))]);
    expect(due([t], at('2026-11-30', '10:00'), SETTINGS, shown)).toEqual([]);
    expect(due([{ ...t, updatedAt: 2 }], at('2026-11-30', '10:00'), SETTINGS, shown)).toHaveLength(1);
  });

  it('nothing is shown during quiet hours; what fell due in them waits until they end', () => {
    const t = task({ remindAt: at('2026-11-30', '21:30') });
    expect(due([t], at('2026-11-30', '22:00'))).toEqual([]);
    expect(due([t], at('2026-12-01', '08:00'))).toHaveLength(1);
    expect(nextWakeUp({ tasks: [t], customers: [], now: at('2026-11-30', '22:00'), settings: SETTINGS })).toBe(at('2026-12-01', '08:00'));
  });

  it('disabled: nothing', () => {
    expect(due([task({ due: '2026-11-30' })], at('2026-11-30', '10:00'), { ...SETTINGS, enabled: false })).toEqual([]);
    expect(nextWakeUp({ tasks: [task({ due: '2026-12-30' })], customers: [], now: at('2026-11-30'), settings: { ...SETTINGS, enabled: false } })).toBeUndefined();
  });

  it('oldest first', () => {
    const tasks = [task({ id: 'b', remindAt: at('2026-11-30', '10:00') }), task({ id: 'a', due: '2026-11-29' })];
    expect(due(tasks, at('2026-11-30', '11:00')).map((r) => (r.kind === 'task' ? r.taskId : ''))).toEqual(['a', 'b']);
  });
});

describe('dueReminders: birthdays and important dates', () => {
  const due = (customers: DatedCustomer[], now: number, settings = SETTINGS, shown?: Set<string>) => dueReminders({ tasks: [], customers, now, settings, shown });
  const zhang: DatedCustomer = { id: 'c1', name: '张记烟酒', birthday: '1980-12-03' };

  it('fires at dayTime on the lead day', () => {
    expect(due([zhang], at('2026-11-30', '08:59'))).toEqual([]);
    expect(due([zhang], at('2026-11-30', '09:00'))).toEqual([
      { kind: 'date', key: 'date:c1:birthday:2026-12-03', customerId: 'c1', customerName: '张记烟酒', at: at('2026-11-30', '09:00'), what: 'birthday', date: '2026-12-03', daysAhead: 3 },
    ]);
  });

  it('fires at once when already inside the window (added late, or the browser was closed)', () => {
    const r = due([zhang], at('2026-12-02', '08:10'));
    expect(r).toMatchObject([{ date: '2026-12-03', daysAhead: 1 }]);
    expect(due([zhang], at('2026-12-03', '20:00'))).toMatchObject([{ date: '2026-12-03', daysAhead: 0 }]);
  });

  it('once per occurrence', () => {
    expect(due([zhang], at('2026-12-01', '10:00'), SETTINGS, new Set(['date:c1:birthday:2026-12-03']))).toEqual([]);
    // After the day it is next year's, far outside the window.
    expect(due([zhang], at('2026-12-04', '10:00'))).toEqual([]);
  });

  it.each([
    ['too early', '2026-11-29 12:00', '1980-12-03', 3, []],
    ['yearless', '2026-11-30 09:00', '--12-02', 3, ['2026-12-02']],
    ['on the day with no lead', '2026-12-03 09:00', '1980-12-03', 0, ['2026-12-03']],
    ['not the day before with no lead', '2026-12-02 23:00', '1980-12-03', 0, []],
    ['across the new year', '2026-12-30 09:00', '--01-01', 3, ['2027-01-01']],
    ['29 Feb in a common year falls on the 28th', '2027-02-25 09:00', '1992-02-29', 3, ['2027-02-28']],
    ['29 Feb in a leap year', '2028-02-26 09:00', '1992-02-29', 3, ['2028-02-29']],
    ['29 Feb in a leap year, not a day early', '2028-02-25 20:00', '--02-29', 3, []],
    ['30 days ahead', '2026-11-03 09:00', '1980-12-03', 30, ['2026-12-03']],
  ])('%s', (_name, when, birthday, dateLeadDays, dates) => {
    const [d, t] = when.split(' ');
    expect(due([{ id: 'c1', birthday }], at(d, t), { ...SETTINGS, dateLeadDays }).map((r) => (r.kind === 'date' ? r.date : ''))).toEqual(dates);
  });

  it('important dates are keyed by their label, and quiet hours hold them back', () => {
    const c: DatedCustomer = { id: 'c2', name: '李行长', importantDates: [{ label: '开业周年', date: '2015-12-01' }] };
    expect(due([c], at('2026-11-28', '10:00'))).toMatchObject([{ key: 'date:c2:important:开业周年:2026-12-01', what: 'importantDate', label: '开业周年', daysAhead: 3 }]);
    expect(due([c], at('2026-11-28', '21:30'))).toEqual([]);
  });

  it('skips odd data without throwing', () => {
    const odd = [
      { id: 'a', birthday: 'soon' },
      { id: 'b', birthday: '1980-13-01', importantDates: [{ label: 'x', date: '2026-00-10' }, null as never, { label: 'y' } as never] },
      null as never,
      { id: 'c', importantDates: 'nope' as never },
    ];
    expect(() => due(odd, at('2026-11-30', '10:00'))).not.toThrow();
    expect(due(odd, at('2026-11-30', '10:00'))).toEqual([]);
    expect(dueReminders({ tasks: [task({ due: 'x' }), task({ remindAt: Number.NaN })], customers: [], now: at('2026-11-30', '10:00'), settings: SETTINGS })).toEqual([]);
  });
});

describe('nextWakeUp', () => {
  const now = at('2026-11-30', '10:00');
  const wake = (tasks: ReminderTask[], customers: DatedCustomer[], shown?: Set<string>, n = now) => nextWakeUp({ tasks, customers, now: n, settings: SETTINGS, shown });

  it('the earliest future reminder, tasks and dates alike', () => {
    expect(wake([task({ remindAt: at('2026-11-30', '16:00') }), task({ id: 't2', due: '2026-12-01' })], [{ id: 'c1', birthday: '--12-05' }])).toBe(at('2026-11-30', '16:00'));
    expect(wake([task({ id: 't2', due: '2026-12-05' })], [{ id: 'c1', birthday: '--12-05' }])).toBe(at('2026-12-02', '09:00'));
  });

  it('a reminder in quiet hours wakes at their end', () => {
    expect(wake([task({ remindAt: at('2026-11-30', '23:00') })], [])).toBe(at('2026-12-01', '08:00'));
  });

  it('what is due now is not a wake-up; what was shown counts by its next occurrence', () => {
    const c = { id: 'c1', birthday: '--12-02' };
    expect(wake([task({ due: '2026-11-30' })], [c])).toBeUndefined();
    expect(wake([], [c], new Set(['date:c1:birthday:2026-12-02']))).toBe(at('2027-11-29', '09:00'));
  });

  it('nothing ahead: undefined', () => {
    expect(wake([task({ status: 'done', due: '2026-12-01' }), task({ id: 't3' })], [])).toBeUndefined();
  });
});
