import { describe, expect, it } from 'vitest';
import { atTime, fromLocalInput, nextMondayYmd, quickDue, snoozePatch, toLocalInput } from '../../../components/panel/dueChoices';

/** Local time, as the manager's calendar is local. */
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe('quick due choices', () => {
  // 2025-03-05 is a Wednesday.
  const today = '2025-03-05';

  it.each([
    ['2025-03-05', '2025-03-10'], // Wednesday → the coming Monday
    ['2025-03-09', '2025-03-10'], // Sunday → tomorrow
    ['2025-03-10', '2025-03-17'], // Monday → a week ahead, never today
    ['2025-12-29', '2026-01-05'], // across the year
  ])('next Monday after %s is %s', (from, monday) => {
    expect(nextMondayYmd(from)).toBe(monday);
  });

  it('tomorrow, next Monday, across month ends and leap days', () => {
    expect(quickDue('tomorrow', today)).toBe('2025-03-06');
    expect(quickDue('tomorrow', '2024-02-28')).toBe('2024-02-29');
    expect(quickDue('tomorrow', '2025-12-31')).toBe('2026-01-01');
    expect(quickDue('nextMonday', today)).toBe('2025-03-10');
  });

  it('"before the next visit" is the visit date, or today when the visit is overdue, or nothing without one', () => {
    expect(quickDue('beforeVisit', today, { visitDue: '2025-03-20' })).toBe('2025-03-20');
    expect(quickDue('beforeVisit', today, { visitDue: '2025-03-05' })).toBe('2025-03-05');
    expect(quickDue('beforeVisit', today, { visitDue: '2025-02-20' })).toBe(today);
    expect(quickDue('beforeVisit', today)).toBeUndefined();
    expect(quickDue('beforeVisit', today, { visitDue: 'garbage' })).toBeUndefined();
  });

  it('a picked date is taken as it is, when it is a date', () => {
    expect(quickDue('pick', today, { picked: '2025-04-01' })).toBe('2025-04-01');
    expect(quickDue('pick', today, { picked: '' })).toBeUndefined();
    expect(quickDue('pick', today, { picked: '2025-02-30' })).toBeUndefined();
    expect(quickDue(undefined, today)).toBeUndefined();
  });
});

describe('reminder time on a day', () => {
  it('is local time on that calendar day', () => {
    expect(atTime('2025-03-06', '14:30')).toBe(local(2025, 3, 6, 14, 30));
    expect(atTime('2025-03-06', '00:00')).toBe(local(2025, 3, 6));
  });
  it('refuses unreadable days and times', () => {
    expect(atTime('2025-03-06', '24:00')).toBeUndefined();
    expect(atTime('2025-03-06', '9:00')).toBeUndefined();
    expect(atTime('--03-06', '09:00')).toBeUndefined();
  });
});

describe('snooze', () => {
  const now = local(2025, 3, 5, 10, 15); // Wednesday morning

  it('in an hour: reminds in an hour; an overdue date moves to that day; a later date stays', () => {
    const inAnHour = now + 3_600_000;
    expect(snoozePatch({}, 'hour', now)).toEqual({ remindAt: inAnHour });
    expect(snoozePatch({ due: '2025-03-01' }, 'hour', now)).toEqual({ remindAt: inAnHour, due: '2025-03-05' });
    expect(snoozePatch({ due: '2025-03-05' }, 'hour', now)).toEqual({ remindAt: inAnHour });
    expect(snoozePatch({ due: '2025-03-20' }, 'hour', now)).toEqual({ remindAt: inAnHour });
  });

  it('in an hour late at night moves an overdue date to tomorrow', () => {
    const late = local(2025, 3, 5, 23, 30);
    expect(snoozePatch({ due: '2025-03-05' }, 'hour', late)).toEqual({ remindAt: late + 3_600_000, due: '2025-03-06' });
  });

  it('tomorrow / next week: due moves to that day and the reminder time is cleared (the day time applies)', () => {
    expect(snoozePatch({}, 'tomorrow', now)).toEqual({ due: '2025-03-06', remindAt: null });
    expect(snoozePatch({ due: '2025-03-01' }, 'tomorrow', now)).toEqual({ due: '2025-03-06', remindAt: null });
    expect(snoozePatch({ due: '2025-03-06' }, 'tomorrow', now)).toEqual({ due: '2025-03-06', remindAt: null });
    expect(snoozePatch({ due: '2025-03-05' }, 'nextWeek', now)).toEqual({ due: '2025-03-10', remindAt: null });
  });

  it('never brings a later due date forward: it reminds on the snooze day at the day time instead', () => {
    expect(snoozePatch({ due: '2025-03-20' }, 'tomorrow', now)).toEqual({ remindAt: local(2025, 3, 6, 9, 0) });
    expect(snoozePatch({ due: '2025-03-20' }, 'nextWeek', now, '08:30')).toEqual({ remindAt: local(2025, 3, 10, 8, 30) });
  });
});

describe('datetime-local values', () => {
  it('round-trips to the minute, in local time', () => {
    const at = local(2025, 3, 5, 9, 7);
    expect(toLocalInput(at)).toBe('2025-03-05T09:07');
    expect(fromLocalInput('2025-03-05T09:07')).toBe(at);
    expect(fromLocalInput('2025-03-05T09:07:30')).toBe(at + 30_000);
  });
  it('refuses empty and partial values', () => {
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('2025-03-05')).toBeUndefined();
    expect(fromLocalInput('2025-02-30T09:00')).toBeUndefined();
  });
});
