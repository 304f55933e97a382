/**
 * Issue 5's talking-points figure, measured in Node (the engine is pure library code): one customer with
 * 5,000 interactions over three years (orders with lines, visits, calls, emails, notes), 30 needs, 20 tasks
 * and 5 contacts, built so that every rule has something to say; `talkingPoints` run 1,000 times after a
 * warm-up, p50/p95 per run. The interactions are shuffled: the context allows any order, and a shuffled
 * list is the engine's worst case (the database hands them over newest first).
 */
import { addDaysYmd, fromYmd, toYmd } from '../../lib/dates';
import type { Contact, Customer, Interaction, Need, Task } from '../../lib/model';
import { talkingPoints } from '../../lib/talking/engine';
import { RULES } from '../../lib/talking/registry';
import type { TalkingContext } from '../../lib/talking/types';
import { Rng } from '../sites/data/generate';
import { median, percentile, round } from './stats';

type RecordFn = (r: { metric: string; value: number; unit: string; target: number | null; n: number; p50?: number; note?: string }) => void;

const RUNS = 1_000;
const WARMUP = 100;
const INTERACTIONS = 5_000;
const DAYS = 3 * 365;
const PRODUCTS = ['中华(硬)', '中华(软)', '芙蓉王(硬)', '黄鹤楼(软蓝)', '利群(新版)', '云烟(紫)', '玉溪(软)', '南京(炫赫门)', '双喜(硬)', '红塔山(经典)', '白沙(和天下)', '泰山(红将军)', '真龙(起源)', '娇子(宽窄)', '七匹狼(白)', '钻石(荷花)', '黄山(红方印)', '长白山(777)', '贵烟(跨越)', '苏烟(五星红杉树)'];
/** Ordered until 60 days ago, then no more: what product-lapsed looks for. */
const LAPSING = new Set(['芙蓉王(硬)', '黄鹤楼(软蓝)']);

export function buildTalkingContext(now: number): TalkingContext {
  const rng = new Rng('talking-bench');
  const today = toYmd(now);
  const dayAt = (daysAgo: number) => fromYmd(addDaysYmd(today, -daysAgo))!.getTime() + rng.int(8, 19) * 3_600_000 + rng.int(0, 59) * 60_000;
  const id = (p: string, i: number) => `${p}-${i}`;
  const customer: Customer = {
    id: 'bench-customer',
    name: '深圳市南山区鑫隆烟酒商行',
    aliases: ['鑫隆烟酒'],
    licenceNo: '440305123456',
    mobiles: ['13800138000'],
    phones: [],
    emails: ['xinlong@example.com'],
    class: '28',
    segment: '核心客户',
    businessType: '烟酒店',
    owner: '陈志强',
    // Missing address: archive-missing fires. Birthday in 3 days; a shop anniversary in 6.
    birthday: `1975-${addDaysYmd(today, 3).slice(5)}`,
    importantDates: [{ label: '开业纪念日', date: `2012-${addDaysYmd(today, 6).slice(5)}` }],
    // A bank-product field, so the bank rule reads the record (industry left unset).
    custom: { 授信额度: '50万', 结算方式: '电子结算' },
    createdAt: dayAt(DAYS + 30),
    updatedAt: dayAt(10),
  };
  const contacts: Contact[] = [
    ['陈志强', 'decision_maker', 'resistant'],
    ['林晓燕', 'influencer', 'positive'],
    ['陈伟', 'user', 'neutral'],
    ['黄丽', 'user', undefined],
    ['周强', 'other', 'neutral'],
  ].map(([name, role, attitude], i) => ({
    id: id('contact', i),
    customerId: customer.id,
    name: name!,
    role: role as Contact['role'],
    attitude: attitude as Contact['attitude'],
    mobiles: [],
    phones: [],
    emails: [],
    createdAt: customer.createdAt,
    updatedAt: customer.createdAt,
  }));

  const interactions: Interaction[] = [];
  const kinds: [Interaction['kind'], number][] = [['order', 0.34], ['email', 0.28], ['call', 0.2], ['note', 0.1], ['visit', 0.08]];
  for (let i = 0; i < INTERACTIONS; i++) {
    let r = rng.next();
    const kind = kinds.find(([, share]) => (r -= share) < 0)?.[0] ?? 'note';
    // Orders thin out in the last 30 days (orders-drop); nothing at all in the last 20 days but orders,
    // so the last contact is old enough for contact-gap and visit-due.
    const daysAgo = kind === 'order' ? (rng.chance(0.9) ? rng.int(30, DAYS) : rng.int(0, DAYS)) : rng.int(20, DAYS);
    const at = dayAt(daysAgo);
    const base = { id: id('i', i), customerId: customer.id, kind, at, summary: kind === 'order' ? '' : `第 ${i} 次${kind}`, createdAt: at };
    if (kind !== 'order') {
      interactions.push(base);
      continue;
    }
    const lines = Array.from({ length: rng.int(3, 8) }, () => {
      const product = rng.pick(PRODUCTS.filter((p) => !(LAPSING.has(p) && daysAgo < 60)));
      const quantity = rng.int(1, 10);
      return { product, quantity, unit: '条', amount: quantity * rng.int(150, 450) };
    });
    if (daysAgo >= 60 && daysAgo < 150) lines.push(...[...LAPSING].map((product) => ({ product, quantity: 2, unit: '条', amount: 900 })));
    interactions.push({ ...base, lines });
  }
  for (let i = interactions.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [interactions[i], interactions[j]] = [interactions[j], interactions[i]];
  }

  const statuses: Need['status'][] = ['informed', 'informed', 'informed', 'informed', 'resolved', 'in_progress', 'raised'];
  const needs: Need[] = Array.from({ length: 30 }, (_, i) => {
    const status = statuses[i % statuses.length];
    const raisedAt = dayAt(rng.int(5, 400));
    return {
      id: id('need', i),
      customerId: customer.id,
      kind: i % 3 === 0 ? 'complaint' : 'need',
      description: rng.pick(['调换破损条烟', '增加紧俏品种配额', '送货时间调整到上午', '更换POS机', '价签更新', '申请陈列协议']),
      status,
      raisedAt,
      due: addDaysYmd(today, rng.int(-20, 20)),
      resolvedAt: status === 'resolved' || status === 'informed' ? raisedAt + 86_400_000 : undefined,
      resolution: status === 'resolved' || status === 'informed' ? '已处理' : undefined,
      informedAt: status === 'informed' ? raisedAt + 2 * 86_400_000 : undefined,
      updatedAt: raisedAt,
    };
  });
  const tasks: Task[] = Array.from({ length: 20 }, (_, i) => ({
    id: id('task', i),
    customerId: customer.id,
    needId: i % 4 === 0 ? needs[i].id : undefined,
    title: rng.pick(['回电确认配送时间', '送新品资料', '核对上月结算', '约见店主']),
    due: addDaysYmd(today, rng.int(-10, 10)),
    status: i % 5 === 0 ? 'done' : 'open',
    createdAt: dayAt(30),
    updatedAt: dayAt(30),
  }));
  return { customer, contacts, interactions, needs, tasks, today, now };
}

export async function talkingBench(record: RecordFn, log: (msg: string) => void): Promise<void> {
  const ctx = buildTalkingContext(Date.now());
  log(`talking: ${ctx.interactions.length} interactions, ${ctx.needs.length} needs, ${ctx.tasks.length} tasks, ${ctx.contacts.length} contacts; ${RUNS} runs…`);
  const errors: string[] = [];
  const onError = (ruleId: string, err: unknown) => errors.push(`${ruleId}: ${err instanceof Error ? err.message : String(err)}`);

  const first = talkingPoints(ctx, { onError });
  const fired = new Set(first.map((p) => p.ruleId));
  const silent = RULES.map((r) => r.id).filter((id) => !fired.has(id));
  if (errors.length) throw new Error(`talking: rules failed: ${errors.join('; ')}`);
  // Sanity: the customer is built for every rule to fire, so the timing covers all of them.
  if (silent.length) throw new Error(`talking: the bench customer should make every rule fire, but these did not: ${silent.join(', ')}`);

  for (let i = 0; i < WARMUP; i++) talkingPoints(ctx, { onError });
  const times: number[] = [];
  let points = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    points = talkingPoints(ctx, { onError }).length;
    times.push(performance.now() - t0);
  }
  const orders = ctx.interactions.filter((i) => i.kind === 'order').length;
  record({
    metric: 'talking_points_5k_interactions_p95',
    value: percentile(times, 95),
    unit: 'ms',
    target: 10,
    n: RUNS,
    p50: median(times),
    note: `Node ${process.version}, talkingPoints() over one customer: ${ctx.interactions.length} interactions in shuffled order (${orders} orders with lines), ${ctx.needs.length} needs, ${ctx.tasks.length} tasks, ${ctx.contacts.length} contacts; all ${RULES.length} rules fire, ${points} points; ${WARMUP} warm-up runs; max ${round(Math.max(...times))} ms`,
  });
}

// `npx tsx tests/bench/talking.ts` on its own prints the points the bench customer gets.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { pointText } = await import('../../lib/talking/copy');
  for (const p of talkingPoints(buildTalkingContext(Date.now()))) console.log(`${p.priority.toFixed(2)} ${p.id}\n  ${pointText(p, 'zh-CN').replace('\n', '\n  ')}`);
}
