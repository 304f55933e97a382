/** Builders for talking-point tests: a complete, quiet customer on a fixed day, changed per case. */
import { addDaysYmd, type Ymd } from '../../../lib/dates';
import type { Contact, Customer, Interaction, InteractionKind, Need, Task } from '../../../lib/model';
import { prepare } from '../../../lib/talking/prepare';
import type { TalkingContext, TalkingPoint, TalkingRule } from '../../../lib/talking/types';

export const TODAY: Ymd = '2026-11-24';

/** Local time on a calendar day (the tests run in whatever time zone the machine has). */
export const at = (ymd: Ymd, hour = 10): number => new Date(`${ymd}T${String(hour).padStart(2, '0')}:00:00`).getTime();
export const ymdAgo = (n: number, today: Ymd = TODAY): Ymd => addDaysYmd(today, -n);
export const ago = (n: number, hour = 10, today: Ymd = TODAY): number => at(ymdAgo(n, today), hour);

let seq = 0;
const id = (prefix: string) => `${prefix}${++seq}`;

/** Archive complete, core customer (every 14 days), birthday far from TODAY. */
export const customer = (over: Partial<Customer> = {}): Customer => ({
  id: 'c1',
  name: '张记便利店',
  aliases: [],
  mobiles: ['13800138000'],
  phones: [],
  emails: [],
  segment: '核心客户',
  address: '深圳市南山区科技园路 1 号',
  owner: '张伟',
  birthday: '1980-05-03',
  importantDates: [],
  custom: {},
  createdAt: at('2024-01-01'),
  updatedAt: at('2024-01-01'),
  ...over,
});

export const contact = (over: Partial<Contact> = {}): Contact => ({
  id: id('k'),
  customerId: 'c1',
  name: '王建国',
  role: 'decision_maker',
  mobiles: [],
  phones: [],
  emails: [],
  createdAt: at('2025-01-01'),
  updatedAt: at('2025-01-01'),
  ...over,
});

export const interaction = (kind: InteractionKind, daysAgo: number, over: Partial<Interaction> = {}): Interaction => ({
  id: id('i'),
  customerId: 'c1',
  kind,
  at: ago(daysAgo),
  summary: '',
  createdAt: ago(daysAgo),
  ...over,
});

/** An order `daysAgo`, one line per [product, amount] (quantity 1; 0 for a negative amount's return). */
export const order = (daysAgo: number, lines: [string, number][]): Interaction =>
  interaction('order', daysAgo, { lines: lines.map(([product, amount]) => ({ product, quantity: 1, amount })) });

export const need = (over: Partial<Need> = {}): Need => ({
  id: id('n'),
  customerId: 'c1',
  kind: 'need',
  description: '调换破损条烟',
  status: 'raised',
  raisedAt: ago(20),
  updatedAt: ago(20),
  ...over,
});

export const task = (over: Partial<Task> = {}): Task => ({
  id: id('t'),
  customerId: 'c1',
  title: '回电确认配送时间',
  status: 'open',
  createdAt: ago(10),
  updatedAt: ago(10),
  ...over,
});

export const context = (over: Partial<TalkingContext> = {}): TalkingContext => {
  const today = over.today ?? TODAY;
  return { customer: customer(), contacts: [], interactions: [], needs: [], tasks: [], today, now: at(today, 9), ...over };
};

/** One rule over a context, with the engine's preparation. */
export const run = (rule: TalkingRule, over: Partial<TalkingContext> = {}): TalkingPoint[] => {
  const ctx = context(over);
  return rule.evaluate(ctx, prepare(ctx));
};

/** Both languages of a point, for `toContain` checks. */
export const words = (p: TalkingPoint): string => [p.text['zh-CN'], p.because['zh-CN'], p.text.en, p.because.en].join('\n');
