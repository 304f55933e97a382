import { resolveLocale, translator } from '../i18n';
import type { Settings } from '../model/settings';
import { dueReminders, nextWakeUp, type DatedCustomer, type Reminder, type ReminderTask } from '../reminders/schedule';
import { reminderText } from '../reminders/text';

/**
 * Reminders as browser notifications (issue 5). The worker sleeps between events, so one named alarm is
 * set for the next reminder and `check()` runs when it rings (and at start, after data changes): it
 * shows what is due, records it, and sets the alarm again. Browser and database access is injected.
 */
export const REMINDER_ALARM = 'account-lens-reminders';
/** storage.local key: reminder key → when it was shown. */
export const SHOWN_KEY = 'reminders.shown';
/** chrome.alarms refuses (delays) anything sooner in released Chrome. */
export const MIN_ALARM_DELAY_MS = 30_000;
/** Wake up at least this often, so a data change the background did not hear about is picked up. */
export const MAX_ALARM_DELAY_MS = 12 * 3_600_000;
/** More due at once (first run, an import of 100k customers) collapse into one "N more" notification. */
export const MAX_NOTIFICATIONS = 5;
/** Shown keys are kept this long: longer than a date's lead window (≤ 30 days), tasks rely on remindedAt. */
export const SHOWN_RETENTION_MS = 60 * 86_400_000;

const PREFIX = 'reminder';

export interface RemindersApi {
  now(): number;
  loadSettings(): Promise<Settings>;
  /** The browser's UI language, for the 'auto' locale. */
  uiLanguage(): string;
  /** Open tasks (done ones may be included; they are ignored). */
  readTasks(): Promise<ReminderTask[]>;
  /** Customers with a birthday or important dates (names not needed). */
  readCustomersWithDates(): Promise<DatedCustomer[]>;
  /** Current name and dates of these customers; missing ones (deleted) are left out. */
  readCustomers(ids: string[]): Promise<Map<string, DatedCustomer & { name: string }>>;
  markTaskReminded(id: string, at: number): Promise<void>;
  readShown(): Promise<Record<string, number>>;
  writeShown(shown: Record<string, number>): Promise<void>;
  notify(n: { id: string; title: string; message: string }): Promise<void>;
  clearNotification(id: string): Promise<void>;
  setAlarm(when: number): Promise<void>;
  clearAlarm(): Promise<void>;
  openCustomer(customerId: string): Promise<void>;
  /** The dashboard's agenda (for the "N more" notification). */
  openAgenda(): Promise<void>;
}

export interface CheckResult {
  /** Notifications created (reminders, plus one "more" when there were too many). */
  notified: number;
  /** Reminders recorded as shown. */
  shown: number;
  /** When the alarm was set for; undefined when cleared. */
  alarm?: number;
}

/** `reminder:<kind>:<customerId>:<key>`; the id is encoded since imported ids are free text. */
export const reminderNotificationId = (r: Pick<Reminder, 'kind' | 'customerId' | 'key'>): string =>
  `${PREFIX}:${r.kind}:${encodeURIComponent(r.customerId)}:${r.key}`;

export function parseReminderNotificationId(id: string): { kind: string; customerId?: string } | undefined {
  const [prefix, kind, customer] = id.split(':');
  if (prefix !== PREFIX || !kind) return undefined;
  if (kind === 'more') return { kind };
  if ((kind !== 'task' && kind !== 'date') || !customer) return undefined;
  try {
    return { kind, customerId: decodeURIComponent(customer) };
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function createReminders(api: RemindersApi) {
  async function readShown(now: number): Promise<Record<string, number>> {
    const raw = await api.readShown().catch(() => ({}));
    const shown: Record<string, number> = {};
    if (isRecord(raw)) for (const [k, v] of Object.entries(raw)) if (typeof v === 'number' && v > now - SHOWN_RETENTION_MS) shown[k] = v;
    return shown;
  }

  async function run(): Promise<CheckResult> {
    const settings = await api.loadSettings();
    const times = settings.reminders;
    if (!times.enabled) {
      await api.clearAlarm();
      return { notified: 0, shown: 0 };
    }
    const now = api.now();
    const [tasks, customers, shown] = await Promise.all([api.readTasks(), api.readCustomersWithDates(), readShown(now)]);
    const due = dueReminders({ tasks, customers, now, settings: times, shown: new Set(Object.keys(shown)) });

    let notified = 0;
    let recorded = 0;
    if (due.length) {
      // Names, and a second look at the dates, from the customers as they are now (the date list may lag).
      const current = await api.readCustomers([...new Set(due.map((r) => r.customerId))]);
      const stillDue = new Set(
        dueReminders({ tasks: [], customers: [...current.values()], now, settings: times }).map((r) => r.key),
      );
      const locale = resolveLocale(settings.locale, [api.uiLanguage()]);
      const t = translator(locale);
      const showable = due.filter((r) => current.has(r.customerId) && (r.kind === 'task' || stillDue.has(r.key)));
      const individually = showable.length > MAX_NOTIFICATIONS ? MAX_NOTIFICATIONS - 1 : showable.length; // the last slot says "N more"
      for (const [i, r] of showable.entries()) {
        if (i < individually) {
          const { title, message } = reminderText(r, current.get(r.customerId)!.name, t, locale, now);
          try {
            await api.notify({ id: reminderNotificationId(r), title, message });
            notified += 1;
          } catch (err) {
            console.warn('[account-lens] reminder notification failed', err);
            continue; // not recorded: tried again at the next check
          }
        }
        shown[r.key] = now;
        recorded += 1;
        if (r.kind === 'task') {
          await api.markTaskReminded(r.taskId, now).catch((err) => console.warn('[account-lens] could not mark the task reminded', err));
          const task = tasks.find((x) => x.id === r.taskId);
          if (task) task.remindedAt = now;
        }
      }
      if (showable.length > individually) {
        try {
          await api.notify({ id: `${PREFIX}:more::${now}`, title: t('reminders.more.title', { count: showable.length - individually }), message: t('reminders.more.message') });
          notified += 1;
        } catch (err) {
          console.warn('[account-lens] reminder notification failed', err);
        }
      }
      // Customer deleted or date changed since the list was made: recorded as handled, so it does not come back.
      const kept = new Set(showable);
      for (const r of due) if (!kept.has(r)) shown[r.key] = now;
    }
    // Pruned keys leave storage with the next write; nothing to write when nothing was due.
    if (due.length) await api.writeShown(shown);

    const next = nextWakeUp({ tasks, customers, now, settings: times, shown: new Set(Object.keys(shown)) });
    const when = Math.min(Math.max(next ?? Infinity, now + MIN_ALARM_DELAY_MS), now + MAX_ALARM_DELAY_MS);
    await api.setAlarm(when);
    return { notified, shown: recorded, alarm: when };
  }

  // One check at a time; calls while one runs share a single follow-up run, which sees the latest data.
  let tail: Promise<unknown> = Promise.resolve();
  let queued: Promise<CheckResult> | undefined;
  function check(): Promise<CheckResult> {
    if (queued) return queued;
    const p = tail.then(() => {
      queued = undefined;
      return run();
    });
    queued = p;
    tail = p.catch(() => undefined);
    return p;
  }

  /**
   * True when the notification is one of ours: its customer (or the agenda) is then opened. Decided at
   * once, so the caller can hand other notifications to their own handler.
   */
  function onNotificationClicked(notificationId: string): boolean {
    const parsed = parseReminderNotificationId(notificationId);
    if (!parsed) return false;
    void (parsed.customerId ? api.openCustomer(parsed.customerId) : api.openAgenda())
      .then(() => api.clearNotification(notificationId))
      .catch((err) => console.warn('[account-lens] could not open the reminder', err));
    return true;
  }

  return { check, onNotificationClicked };
}

export type Reminders = ReturnType<typeof createReminders>;
