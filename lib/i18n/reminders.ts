import type { Messages } from './index';

/** Reminder notifications (lib/reminders, fired by the background at the due time). */
export const reminderMessages = {
  'reminders.task.title': { 'zh-CN': '待办提醒：{title}', en: 'Task reminder: {title}' },
  'reminders.task.messageDue': { 'zh-CN': '{name} · {due}到期', en: '{name} · due {due}' },
  'reminders.task.messageOverdue': { 'zh-CN': '{name} · 已逾期（{due}到期）', en: '{name} · overdue (due {due})' },
  'reminders.birthday.title': { 'zh-CN': '{name} 的生日', en: '{name}’s birthday' },
  'reminders.importantDate.title': { 'zh-CN': '{name}：{label}', en: '{name}: {label}' },
  'reminders.date.today': { 'zh-CN': '就在今天（{date}），别忘了问候。', en: 'Today ({date}). Remember to send your greetings.' },
  'reminders.date.tomorrow': { 'zh-CN': '明天（{date}），记得提前问候。', en: 'Tomorrow ({date}). Plan your greetings.' },
  'reminders.date.inDays': { 'zh-CN': '还有 {days} 天（{date}），记得提前问候。', en: 'In {days} days ({date}). Plan your greetings.' },
  'reminders.more.title': { 'zh-CN': '另有 {count} 条提醒', en: '{count} more reminders' },
  'reminders.more.message': { 'zh-CN': '点击打开工作台，查看今日待办和生日。', en: 'Click to open the dashboard and see today’s tasks and birthdays.' },
} satisfies Messages;
