import { toYmd } from '../dates';
import { formatShortDate } from '../format';
import type { Locale, Translate } from '../i18n';
import type { Reminder } from './schedule';

/** A reminder's notification text in the manager's language; `name` is the customer's current name. */
export function reminderText(reminder: Reminder, name: string, t: Translate, locale: Locale, now: number): { title: string; message: string } {
  if (reminder.kind === 'task') {
    const title = t('reminders.task.title', { title: reminder.title });
    if (!reminder.due) return { title, message: name };
    const due = formatShortDate(reminder.due, locale, now);
    return { title, message: t(reminder.due < toYmd(now) ? 'reminders.task.messageOverdue' : 'reminders.task.messageDue', { name, due }) };
  }
  const title =
    reminder.what === 'birthday' ? t('reminders.birthday.title', { name }) : t('reminders.importantDate.title', { name, label: reminder.label ?? '' });
  const date = formatShortDate(reminder.date, locale, now);
  const days = reminder.daysAhead;
  const message =
    days <= 0 ? t('reminders.date.today', { date }) : days === 1 ? t('reminders.date.tomorrow', { date }) : t('reminders.date.inDays', { days, date });
  return { title, message };
}
