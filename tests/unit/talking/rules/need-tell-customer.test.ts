import { describe, expect, it } from 'vitest';
import type { Need } from '../../../../lib/model';
import { needTellCustomer } from '../../../../lib/talking/rules/need-tell-customer';
import { ago, need, run, words } from '../helpers';

describe('need-tell-customer', () => {
  const cases: { name: string; needs: Need[]; fires: string[] }[] = [
    { name: 'resolved, not told → fires', needs: [need({ id: 'a', status: 'resolved', resolvedAt: ago(4) })], fires: ['need-tell-customer:a'] },
    { name: 'resolved today → fires', needs: [need({ id: 'a', status: 'resolved', resolvedAt: ago(0) })], fires: ['need-tell-customer:a'] },
    { name: 'resolved without a resolution time → fires', needs: [need({ id: 'a', status: 'resolved' })], fires: ['need-tell-customer:a'] },
    { name: 'a resolved complaint → fires', needs: [need({ id: 'a', kind: 'complaint', status: 'resolved', resolvedAt: ago(1) })], fires: ['need-tell-customer:a'] },
    { name: 'informed → closed, does not fire', needs: [need({ status: 'informed', resolvedAt: ago(4), informedAt: ago(2) })], fires: [] },
    { name: 'raised → not resolved yet', needs: [need({ status: 'raised' })], fires: [] },
    { name: 'in progress → not resolved yet', needs: [need({ status: 'in_progress' })], fires: [] },
    { name: 'no needs', needs: [], fires: [] },
  ];
  it.each(cases)('$name', ({ needs, fires }) => {
    expect(run(needTellCustomer, { needs }).map((p) => p.id)).toEqual(fires);
  });

  it('names the need, the day it was resolved and the result to tell', () => {
    const [p] = run(needTellCustomer, { needs: [need({ id: 'a', status: 'resolved', resolvedAt: ago(4), resolution: '已换新两条' })] });
    expect(p.text['zh-CN']).toBe('告诉客户诉求「调换破损条烟」的处理结果：已换新两条');
    expect(p.because['zh-CN']).toBe('诉求「调换破损条烟」已于 11月20日（4 天前）解决，尚未告知客户');
    expect(p.because.en).toContain('resolved on Nov 20');
    expect(p).toMatchObject({ tone: 'urgent', data: { needId: 'a' } });
  });

  it('ranks the longest waiting first, and above every other rule', () => {
    const points = run(needTellCustomer, {
      needs: [need({ id: 'new', status: 'resolved', resolvedAt: ago(1) }), need({ id: 'old', status: 'resolved', resolvedAt: ago(9) })],
    });
    const [fresh, waiting] = points;
    expect(waiting.priority).toBeGreaterThan(fresh.priority);
    expect(Math.floor(fresh.priority)).toBe(100);
  });

  it('calls a complaint a complaint', () => {
    const [p] = run(needTellCustomer, { needs: [need({ kind: 'complaint', description: '送货总是迟到', status: 'resolved', resolvedAt: ago(0) })] });
    expect(words(p)).toContain('投诉「送货总是迟到」');
    expect(words(p)).toContain('complaint “送货总是迟到”');
  });
});
