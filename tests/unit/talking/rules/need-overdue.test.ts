import { describe, expect, it } from 'vitest';
import type { Need } from '../../../../lib/model';
import { needOverdue } from '../../../../lib/talking/rules/need-overdue';
import { ago, need, run, ymdAgo } from '../helpers';

describe('need-overdue', () => {
  const cases: { name: string; need: Partial<Need>; fires: boolean; says?: string }[] = [
    { name: 'raised, due yesterday → 1 day overdue', need: { due: ymdAgo(1) }, fires: true, says: '已逾期 1 天' },
    { name: 'in progress, due 12 days ago', need: { status: 'in_progress', due: ymdAgo(12) }, fires: true, says: '已逾期 12 天' },
    { name: 'due today → due today (edge)', need: { due: ymdAgo(0) }, fires: true, says: '今天到期' },
    { name: 'due tomorrow → not yet (edge)', need: { due: ymdAgo(-1) }, fires: false },
    { name: 'no due date', need: {}, fires: false },
    { name: 'yearless due date means nothing', need: { due: '--01-01' }, fires: false },
    { name: 'resolved past due → need-tell-customer speaks instead', need: { status: 'resolved', due: ymdAgo(5), resolvedAt: ago(1) }, fires: false },
    { name: 'informed past due → closed', need: { status: 'informed', due: ymdAgo(5) }, fires: false },
    { name: 'complaint due 3 days ago', need: { kind: 'complaint', due: ymdAgo(3), description: '送货总是迟到' }, fires: true, says: '投诉「送货总是迟到」已逾期 3 天' },
  ];
  it.each(cases)('$name', ({ need: over, fires, says }) => {
    const points = run(needOverdue, { needs: [need({ id: 'n', ...over })] });
    expect(points.map((p) => p.id)).toEqual(fires ? ['need-overdue:n'] : []);
    if (says) expect(points[0].text['zh-CN']).toContain(says);
  });

  it('ranks complaints above needs, and the more overdue higher', () => {
    const points = run(needOverdue, {
      needs: [
        need({ id: 'need-old', due: ymdAgo(30) }),
        need({ id: 'complaint-new', kind: 'complaint', due: ymdAgo(1) }),
        need({ id: 'need-new', due: ymdAgo(2) }),
      ],
    });
    const order = [...points].sort((a, b) => b.priority - a.priority).map((p) => p.data?.needId);
    expect(order).toEqual(['complaint-new', 'need-old', 'need-new']);
  });

  it('gives the dates and state as evidence', () => {
    const [p] = run(needOverdue, { needs: [need({ status: 'in_progress', raisedAt: ago(20), due: ymdAgo(4) })] });
    expect(p.because['zh-CN']).toBe('11月4日 登记，约定 11月20日 前处理，目前仍在处理中');
    expect(p.because.en).toBe('Raised on Nov 4, due Nov 20, still in progress');
  });
});
