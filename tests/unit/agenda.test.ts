import { describe, expect, it } from 'vitest';
import { buildAgenda, type AgendaCustomer } from '../../lib/agenda';
import { nextVisit, visitInterval } from '../../lib/cadence';
import { nextYearly } from '../../lib/dates';
import type { Need, Task } from '../../lib/model';
import { orderStats } from '../../lib/orders/stats';

const at = (ymd: string, hour = 10) => new Date(`${ymd}T${String(hour).padStart(2, '0')}:00:00`).getTime();

describe('visit cadence', () => {
  it.each([
    [{ segment: '核心客户' }, 14],
    [{ segment: '战略客户', class: 'A' }, 14],
    [{ class: '27' }, 14],
    [{ segment: '潜力客户', class: '18' }, 30],
    [{ class: '15' }, 30],
    [{ segment: '重点客户' }, 30],
    [{ segment: '普通客户', class: '28' }, 60], // the manager's segment wins over the class
    [{ class: '3' }, 60],
    [{}, 90],
    [{ class: 'B' }, 90],
  ])('%o → every %i days', (c, days) => {
    expect(visitInterval(c)).toBe(days);
  });

  it('counts from the last visit, or from creation when never visited', () => {
    const core = { segment: '核心客户', createdAt: at('2026-01-01') };
    expect(nextVisit({ ...core, lastVisitAt: at('2026-11-01', 23) }, '2026-11-14')).toEqual({ due: '2026-11-15', overdueDays: 0, intervalDays: 14, method: 'visit' });
    expect(nextVisit({ ...core, lastVisitAt: at('2026-11-01') }, '2026-11-20').overdueDays).toBe(5);
    expect(nextVisit(core, '2026-01-15')).toMatchObject({ due: '2026-01-15', overdueDays: 0 });
    expect(nextVisit(core, '2026-01-16').overdueDays).toBe(1);
  });

  it('a policy row can ask for a call instead of a visit, and the first row that fits decides', () => {
    const policy = [
      { segments: ['核心'], intervalDays: 7, method: 'call' as const },
      { classRange: [20, 30] as [number, number], intervalDays: 21, method: 'visit' as const },
    ];
    expect(nextVisit({ segment: '核心客户', class: '28', createdAt: at('2026-11-01') }, '2026-11-10', policy)).toMatchObject({ intervalDays: 7, method: 'call', overdueDays: 2 });
    expect(nextVisit({ class: '28', createdAt: at('2026-11-01') }, '2026-11-10', policy)).toMatchObject({ intervalDays: 21, method: 'visit' });
    expect(nextVisit({ class: '8', createdAt: at('2026-11-01') }, '2026-11-10', policy)).toMatchObject({ intervalDays: 90, method: 'visit' });
  });
});

describe('yearly dates', () => {
  it.each([
    ['1980-05-03', '2026-05-03', '2026-05-03'],
    ['1980-05-03', '2026-05-04', '2027-05-03'],
    ['--01-02', '2026-12-30', '2027-01-02'],
    ['1988-02-29', '2026-02-01', '2026-02-28'],
    ['1988-02-29', '2028-02-01', '2028-02-29'],
    ['not a date', '2026-01-01', undefined],
  ])('%s from %s → %s', (date, from, expected) => expect(nextYearly(date, from)).toBe(expected));
});

describe('agenda', () => {
  const today = '2026-11-24';
  const customer = (over: Partial<AgendaCustomer>): AgendaCustomer => ({
    id: crypto.randomUUID(),
    createdAt: at('2026-01-01'),
    importantDates: [],
    lastVisitAt: at('2026-11-20'),
    segment: '核心客户',
    ...over,
  });
  const task = (over: Partial<Task>): Task => ({ id: crypto.randomUUID(), customerId: 'c', title: '回电', status: 'open', createdAt: 0, updatedAt: 0, ...over });
  const need = (over: Partial<Need>): Need => ({ id: crypto.randomUUID(), customerId: 'c', kind: 'need', description: '补货', status: 'raised', raisedAt: 0, updatedAt: 0, ...over });

  it('puts overdue and due-today items in today, most overdue first, and the next 7 days in the week', () => {
    const overdueVisit = customer({ lastVisitAt: at('2026-11-01') }); // due 11-15, 9 days overdue
    const dueToday = customer({ lastVisitAt: at('2026-11-10') }); // due 11-24
    const dueIn7 = customer({ lastVisitAt: at('2026-11-17') }); // due 12-01
    const dueIn8 = customer({ lastVisitAt: at('2026-11-18') }); // due 12-02: beyond the week
    const birthday = customer({ birthday: '--11-26' });
    const agenda = buildAgenda({
      today,
      customers: [overdueVisit, dueToday, dueIn7, dueIn8, birthday],
      openTasks: [task({ due: '2026-11-23' }), task({ due: '2026-11-30' }), task({ due: '2026-11-23', status: 'done' }), task({})],
      openNeeds: [need({ due: '2026-11-20' }), need({ due: '2026-11-20', status: 'informed' }), need({ due: '2026-11-25', status: 'resolved' })],
    });
    expect(agenda.today.map((i) => [i.kind, i.overdueDays])).toEqual([
      ['visit', 9],
      ['need', 4],
      ['task', 1],
      ['visit', 0],
    ]);
    expect(agenda.week.map((i) => [i.kind, i.date])).toEqual([
      ['need', '2026-11-25'],
      ['birthday', '2026-11-26'],
      ['task', '2026-11-30'],
      ['visit', '2026-12-01'],
    ]); // the birthday customer's own visit (12-04) is beyond the week
  });

  it('shows a follow-up task of a need with a due date once, as the need', () => {
    const n = need({ due: '2026-11-20' });
    const followUp = task({ due: '2026-11-20', needId: n.id });
    const other = task({ due: '2026-11-20', needId: 'a need without a due date' });
    const agenda = buildAgenda({ today, customers: [], openTasks: [followUp, other], openNeeds: [n] });
    expect(agenda.today.map((i) => i.kind).sort()).toEqual(['need', 'task']);
    expect(agenda.today.find((i) => i.kind === 'task')).toMatchObject({ task: other });
  });

  it('shows an important date with its label', () => {
    const c = customer({ importantDates: [{ label: '开业纪念日', date: '2019-11-28' }] });
    expect(buildAgenda({ today, customers: [c], openTasks: [], openNeeds: [] }).week).toContainEqual(
      expect.objectContaining({ kind: 'importantDate', label: '开业纪念日', date: '2026-11-28' }),
    );
  });
});

describe('order stats', () => {
  const order = (ymd: string, amounts: number[]) => ({
    id: crypto.randomUUID(),
    customerId: 'c',
    kind: 'order' as const,
    at: at(ymd),
    summary: '',
    createdAt: 0,
    lines: amounts.map((amount) => ({ product: '中华(硬)', quantity: 1, amount })),
  });
  it('sums orders per month over the last 12 months, with the last order and the average', () => {
    const stats = orderStats(
      [order('2026-11-02', [100, 50]), order('2026-11-20', [200]), order('2026-06-01', [-30]), order('2025-11-30', [999]), { ...order('2026-11-21', [5]), kind: 'note' as const }],
      at('2026-11-24'),
    );
    expect(stats.byMonth).toHaveLength(12);
    expect(stats.byMonth[0].month).toBe('2025-12');
    expect(stats.byMonth[11]).toEqual({ month: '2026-11', amount: 350, orders: 2 });
    expect(stats.byMonth.find((m) => m.month === '2026-06')?.amount).toBe(-30);
    expect(stats.lastOrderAmount).toBe(200);
    expect(stats.orderCount).toBe(3);
    expect(stats.averageAmount).toBeCloseTo(320 / 3);
  });
  it('has no average and no last order without orders', () => {
    const stats = orderStats([], at('2026-11-24'));
    expect(stats.averageAmount).toBeUndefined();
    expect(stats.lastOrderAt).toBeUndefined();
    expect(stats.byMonth.every((m) => m.amount === 0)).toBe(true);
  });
});
