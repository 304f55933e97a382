import { describe, expect, it } from 'vitest';
import {
  createReminders,
  MAX_ALARM_DELAY_MS,
  MAX_NOTIFICATIONS,
  MIN_ALARM_DELAY_MS,
  parseReminderNotificationId,
  type RemindersApi,
} from '../../../lib/background/reminders';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/model/settings';
import type { DatedCustomer, ReminderTask } from '../../../lib/reminders/schedule';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const NOW = local(2026, 11, 30, 10, 0);

interface Fake {
  api: RemindersApi;
  notes: { id: string; title: string; message: string }[];
  alarms: (number | 'cleared')[];
  opened: string[];
  marked: [string, number][];
  shown: Record<string, number>;
  tasks: ReminderTask[];
  setNow(t: number): void;
}

function fakeApi(opts: {
  tasks?: ReminderTask[];
  customers?: (DatedCustomer & { name: string })[];
  settings?: Partial<Settings['reminders']>;
  locale?: Settings['locale'];
  markFails?: boolean;
  readTasks?: () => Promise<ReminderTask[]>;
}): Fake {
  let now = NOW;
  const tasks = opts.tasks ?? [];
  const customers = new Map((opts.customers ?? []).map((c) => [c.id, c]));
  const fake: Fake = {
    notes: [],
    alarms: [],
    opened: [],
    marked: [],
    shown: {},
    tasks,
    setNow: (t) => (now = t),
    api: {
      now: () => now,
      loadSettings: async () => ({ ...DEFAULT_SETTINGS, locale: opts.locale ?? 'zh-CN', reminders: { ...DEFAULT_SETTINGS.reminders, ...opts.settings } }),
      uiLanguage: () => 'zh-CN',
      // Copies, as a database read would give.
      readTasks: opts.readTasks ?? (async () => tasks.filter((t) => t.status === 'open').map((t) => ({ ...t }))),
      readCustomersWithDates: async () => [...customers.values()].filter((c) => c.birthday || c.importantDates?.length).map(({ name: _n, ...c }) => c),
      readCustomers: async (ids) => new Map(ids.filter((id) => customers.has(id)).map((id) => [id, customers.get(id)!])),
      markTaskReminded: async (id, at) => {
        if (opts.markFails) throw new Error('disk full');
        fake.marked.push([id, at]);
        const t = tasks.find((x) => x.id === id);
        if (t) t.remindedAt = at;
      },
      readShown: async () => ({ ...fake.shown }),
      writeShown: async (s) => {
        fake.shown = { ...s };
      },
      notify: async (n) => {
        fake.notes.push(n);
      },
      clearNotification: async () => undefined,
      setAlarm: async (when) => {
        fake.alarms.push(when);
      },
      clearAlarm: async () => {
        fake.alarms.push('cleared');
      },
      openCustomer: async (id) => {
        fake.opened.push(`customer:${id}`);
      },
      openAgenda: async () => {
        fake.opened.push('agenda');
      },
    },
  };
  return fake;
}

const zhang = { id: 'c1', name: '张记烟酒' };
const taskDueNow: ReminderTask = { id: 't1', customerId: 'c1', title: '送新品样品', status: 'open', due: '2026-11-30', createdAt: 1, updatedAt: 1 } as ReminderTask;
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('background reminders', () => {
  it('a reminder notification fires for a task due now, once, and the task is marked reminded', async () => {
    const fake = fakeApi({ tasks: [{ ...taskDueNow }], customers: [zhang] });
    const reminders = createReminders(fake.api);

    expect(await reminders.check()).toMatchObject({ notified: 1, shown: 1 });
    expect(fake.notes).toHaveLength(1);
    expect(fake.notes[0].id).toMatch(/^reminder:task:c1:task:t1:/);
    expect(fake.notes[0].title).toBe('待办提醒：送新品样品');
    expect(fake.notes[0].message).toContain('张记烟酒');
    expect(fake.marked).toEqual([['t1', NOW]]);

    fake.setNow(NOW + 60_000);
    expect(await reminders.check()).toMatchObject({ notified: 0 });
    expect(fake.notes).toHaveLength(1);
  });

  it('a task is not shown twice even when marking it failed (the shown key stands in)', async () => {
    const fake = fakeApi({ tasks: [{ ...taskDueNow }], customers: [zhang], markFails: true });
    const reminders = createReminders(fake.api);
    await reminders.check();
    await reminders.check();
    expect(fake.notes).toHaveLength(1);
  });

  it('disabled: no notification and the alarm is cleared', async () => {
    const fake = fakeApi({ tasks: [{ ...taskDueNow }], customers: [{ ...zhang, birthday: '--12-01' }], settings: { enabled: false } });
    expect(await createReminders(fake.api).check()).toEqual({ notified: 0, shown: 0 });
    expect(fake.notes).toEqual([]);
    expect(fake.alarms).toEqual(['cleared']);
    expect(fake.marked).toEqual([]);
  });

  it('the alarm is set to the next reminder, no sooner than Chrome allows, and at least twice a day', async () => {
    const inTwoHours = fakeApi({ tasks: [{ ...taskDueNow, due: undefined, remindAt: NOW + 2 * 3_600_000 }], customers: [zhang] });
    expect(await createReminders(inTwoHours.api).check()).toMatchObject({ notified: 0, alarm: NOW + 2 * 3_600_000 });
    expect(inTwoHours.alarms).toEqual([NOW + 2 * 3_600_000]);

    const soon = fakeApi({ tasks: [{ ...taskDueNow, due: undefined, remindAt: NOW + 5_000 }], customers: [zhang] });
    await createReminders(soon.api).check();
    expect(soon.alarms).toEqual([NOW + MIN_ALARM_DELAY_MS]);

    const nothing = fakeApi({});
    await createReminders(nothing.api).check();
    expect(nothing.alarms).toEqual([NOW + MAX_ALARM_DELAY_MS]);
  });

  it('after firing, the alarm goes to the following reminder (a birthday ahead)', async () => {
    const fake = fakeApi({ tasks: [{ ...taskDueNow, due: undefined, remindAt: NOW }], customers: [{ ...zhang, birthday: '1980-12-03' }], settings: { dayTime: '18:00' } });
    await createReminders(fake.api).check();
    expect(fake.notes).toHaveLength(1);
    expect(fake.alarms).toEqual([local(2026, 11, 30, 18, 0)]);
  });

  it('birthdays: the customer as it is now is shown (name, still the same date); deleted ones are not', async () => {
    const fake = fakeApi({ customers: [{ id: 'c1', name: '张记烟酒', birthday: '1980-12-02' }], locale: 'en' });
    const reminders = createReminders(fake.api);
    // The list of dated customers may lag behind the database: here it still has c9, who is gone.
    const listed = fake.api.readCustomersWithDates;
    fake.api.readCustomersWithDates = async () => [...(await listed()), { id: 'c9', birthday: '--12-01' }];
    await reminders.check();
    expect(fake.notes).toEqual([{ id: 'reminder:date:c1:date:c1:birthday:2026-12-02', title: '张记烟酒’s birthday', message: 'In 2 days (Dec 2). Plan your greetings.' }]);
    expect(Object.keys(fake.shown).sort()).toEqual(['date:c1:birthday:2026-12-02', 'date:c9:birthday:2026-12-01']);
  });

  it(`more than ${MAX_NOTIFICATIONS} due at once collapse into one "more" notification, all recorded`, async () => {
    const customers = Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, name: `客户${i}`, birthday: '--12-01' }));
    const fake = fakeApi({ customers });
    expect(await createReminders(fake.api).check()).toMatchObject({ notified: MAX_NOTIFICATIONS, shown: 12 });
    expect(fake.notes.at(-1)).toMatchObject({ title: `另有 ${12 - (MAX_NOTIFICATIONS - 1)} 条提醒` });
    expect(fake.notes.at(-1)!.id).toMatch(/^reminder:more::/);
  });

  it('old shown keys are pruned', async () => {
    const fake = fakeApi({ tasks: [{ ...taskDueNow }], customers: [zhang] });
    fake.shown = { 'date:c1:birthday:2025-01-01': NOW - 400 * 86_400_000, 'date:c1:birthday:2026-11-29': NOW - 86_400_000 };
    await createReminders(fake.api).check();
    expect(Object.keys(fake.shown).sort()).toEqual(['date:c1:birthday:2026-11-29', expect.stringMatching(/^task:t1:/)]);
  });

  it('a click on a reminder opens its customer; other notifications are left to their handler', async () => {
    const fake = fakeApi({ tasks: [{ ...taskDueNow }], customers: [zhang] });
    const reminders = createReminders(fake.api);
    await reminders.check();
    expect(reminders.onNotificationClicked(fake.notes[0].id)).toBe(true);
    expect(reminders.onNotificationClicked('capture:customer:c1:1764500000000')).toBe(false);
    expect(reminders.onNotificationClicked('reminder:more::1')).toBe(true);
    await flush();
    expect(fake.opened).toEqual(['customer:c1', 'agenda']);
  });

  it('notification ids carry customer ids with colons safely', () => {
    expect(parseReminderNotificationId(`reminder:date:${encodeURIComponent('KH:01')}:date:KH:01:birthday:2026-12-02`)).toEqual({ kind: 'date', customerId: 'KH:01' });
    expect(parseReminderNotificationId('reminder:task::x')).toBeUndefined();
    expect(parseReminderNotificationId('reminder:')).toBeUndefined();
  });

  it('checks run one at a time; calls during a check share one follow-up', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const gates: (() => void)[] = [];
    const fake = fakeApi({
      customers: [zhang],
      readTasks: async () => {
        runs += 1;
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((r) => gates.push(r));
        running -= 1;
        return [];
      },
    });
    const reminders = createReminders(fake.api);
    const first = reminders.check();
    await flush();
    const second = reminders.check();
    const third = reminders.check();
    expect(third).toBe(second);
    gates.shift()!();
    await first;
    await flush();
    gates.shift()!();
    await second;
    expect(runs).toBe(2);
    expect(most).toBe(1);
  });
});
