import { nextVisit, type CadenceRule, DEFAULT_CADENCE } from './cadence';
import { addDaysYmd, daysBetween, nextYearly, type Ymd } from './dates';
import type { Customer, Need, Task } from './model';

/**
 * The dashboard's agenda (今日 / 本周): visits due by cadence, tasks, overdue needs, birthdays and
 * important dates. Pure: the caller passes the customers and the open tasks and needs it loaded.
 */
export type AgendaItem =
  | { kind: 'visit'; customerId: string; date: Ymd; overdueDays: number }
  | { kind: 'task'; customerId: string; date: Ymd; overdueDays: number; task: Task }
  | { kind: 'need'; customerId: string; date: Ymd; overdueDays: number; need: Need }
  | { kind: 'birthday'; customerId: string; date: Ymd; overdueDays: 0 }
  | { kind: 'importantDate'; customerId: string; date: Ymd; overdueDays: 0; label: string };

export type AgendaCustomer = Pick<Customer, 'id' | 'segment' | 'class' | 'createdAt' | 'birthday' | 'importantDates'> & {
  lastVisitAt?: number;
};

export interface Agenda {
  /** Due today or earlier (overdue first, most overdue first). */
  today: AgendaItem[];
  /** Due in the next `weekDays` days after today, by date. */
  week: AgendaItem[];
}

const byUrgency = (a: AgendaItem, b: AgendaItem) => b.overdueDays - a.overdueDays || a.date.localeCompare(b.date);

export function buildAgenda(input: {
  today: Ymd;
  customers: Iterable<AgendaCustomer>;
  openTasks: Iterable<Task>;
  openNeeds: Iterable<Need>;
  policy?: readonly CadenceRule[];
  weekDays?: number;
}): Agenda {
  const { today, policy = DEFAULT_CADENCE, weekDays = 7 } = input;
  const weekEnd = addDaysYmd(today, weekDays);
  const agenda: Agenda = { today: [], week: [] };
  const place = (item: AgendaItem) => {
    if (item.date <= today) agenda.today.push(item);
    else if (item.date <= weekEnd) agenda.week.push(item);
  };
  const overdue = (date: Ymd) => Math.max(0, daysBetween(date, today));

  for (const c of input.customers) {
    const visit = nextVisit(c, today, policy);
    place({ kind: 'visit', customerId: c.id, date: visit.due, overdueDays: visit.overdueDays });
    if (c.birthday) {
      const date = nextYearly(c.birthday, today);
      if (date) place({ kind: 'birthday', customerId: c.id, date, overdueDays: 0 });
    }
    for (const d of c.importantDates) {
      const date = nextYearly(d.date, today);
      if (date) place({ kind: 'importantDate', customerId: c.id, date, overdueDays: 0, label: d.label });
    }
  }
  const needs = [...input.openNeeds];
  // A follow-up task made for a need would repeat the need's line; the need stands for both.
  const needIdsShown = new Set(needs.filter((n) => n.status !== 'informed' && n.due).map((n) => n.id));
  for (const task of input.openTasks) {
    if (task.needId && needIdsShown.has(task.needId)) continue;
    if (task.status === 'open' && task.due) place({ kind: 'task', customerId: task.customerId, date: task.due, overdueDays: overdue(task.due), task });
  }
  for (const need of needs) {
    // Needs have a due date for the resolution; once resolved, the manager still owes the customer the answer.
    if (need.status !== 'informed' && need.due) place({ kind: 'need', customerId: need.customerId, date: need.due, overdueDays: overdue(need.due), need });
  }
  agenda.today.sort(byUrgency);
  agenda.week.sort((a, b) => a.date.localeCompare(b.date));
  return agenda;
}
