import { describe, expect, it } from 'vitest';
import type { CadenceRule } from '../../../../lib/cadence';
import type { Customer, Interaction } from '../../../../lib/model';
import { visitDue } from '../../../../lib/talking/rules/visit-due';
import { ago, customer, interaction, run } from '../helpers';

const CALLS: CadenceRule[] = [{ segments: ['核心'], intervalDays: 7, method: 'call' }];

describe('visit-due (core customer: every 14 days)', () => {
  const cases: { name: string; c?: Partial<Customer>; interactions: Interaction[]; cadence?: CadenceRule[]; says: string | null }[] = [
    { name: 'visited 13 days ago → due tomorrow', interactions: [interaction('visit', 13)], says: null },
    { name: 'visited 14 days ago → due today (edge)', interactions: [interaction('visit', 14)], says: '今天该拜访了，约个时间上门' },
    { name: 'visited 20 days ago → 6 days overdue', interactions: [interaction('visit', 20)], says: '拜访已逾期 6 天，尽快约时间上门' },
    { name: 'a recent call does not replace a visit', interactions: [interaction('visit', 20), interaction('call', 1)], says: '拜访已逾期 6 天，尽快约时间上门' },
    { name: 'never visited, created 14 days ago → due today', c: { createdAt: ago(14) }, interactions: [], says: '今天该拜访了，约个时间上门' },
    { name: 'never visited, created 10 days ago', c: { createdAt: ago(10) }, interactions: [], says: null },
    { name: 'call cadence: called 3 days ago', cadence: CALLS, interactions: [interaction('visit', 30), interaction('call', 3)], says: null },
    { name: 'call cadence: called 7 days ago → callback due today (edge)', cadence: CALLS, interactions: [interaction('call', 7)], says: '今天该回访了，打个电话' },
    { name: 'call cadence: a visit counts as well', cadence: CALLS, interactions: [interaction('call', 30), interaction('visit', 2)], says: null },
  ];
  it.each(cases)('$name', ({ c, interactions, cadence, says }) => {
    const points = run(visitDue, { customer: customer(c), interactions, cadence });
    expect(points.map((p) => p.text['zh-CN'])).toEqual(says ? [says] : []);
  });

  it('gives the cadence and the last visit as evidence, keyed by the due date', () => {
    const [p] = run(visitDue, { interactions: [interaction('visit', 20)] });
    expect(p.id).toBe('visit-due:2026-11-18');
    expect(p.because['zh-CN']).toBe('按「核心客户」每 14 天拜访一次；上次在 11月4日');
    expect(p.text.en).toBe('Visit overdue by 6 days: arrange a visit soon');
    expect(p.because.en).toBe('Visits every 14 days for “核心客户”; last one on Nov 4');
  });
});
