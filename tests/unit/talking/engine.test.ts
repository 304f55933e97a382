import { describe, expect, it, vi } from 'vitest';
import { activeDismissals, dismiss, dismissalApplies, talkingPoints, type Dismissal } from '../../../lib/talking/engine';
import { pointText, pointsText } from '../../../lib/talking/copy';
import { RULES } from '../../../lib/talking/registry';
import type { TalkingPoint, TalkingRule } from '../../../lib/talking/types';
import { ago, at, contact, context, customer, interaction, need, order, task, TODAY, ymdAgo } from './helpers';

const fake = (id: string, priority: number, points: Partial<TalkingPoint>[]): TalkingRule => ({
  id,
  priority,
  evaluate: () =>
    points.map((p, i) => ({ id: `${id}:${i}`, ruleId: id, priority, tone: 'info', text: { 'zh-CN': `${id}${i}`, en: `${id}${i}` }, because: { 'zh-CN': '因为', en: 'because' }, ...p })),
});
const ids = (points: TalkingPoint[]) => points.map((p) => p.id);

describe('talkingPoints', () => {
  it('sorts by priority, then the most recent evidence, then id', () => {
    const rules = [fake('low', 10, [{}]), fake('high', 50, [{ at: 1 }, { at: 3 }, {}]), fake('mid', 30, [{ at: 5 }])];
    expect(ids(talkingPoints(context(), { rules }))).toEqual(['high:1', 'high:0', 'high:2', 'mid:0', 'low:0']);
  });

  it('skips a rule that throws, reports it, and keeps the others', () => {
    const onError = vi.fn();
    const broken: TalkingRule = { id: 'broken', priority: 99, evaluate: () => { throw new Error('boom'); } };
    const points = talkingPoints(context(), { rules: [fake('a', 10, [{}]), broken, fake('b', 5, [{}])], onError });
    expect(ids(points)).toEqual(['a:0', 'b:0']);
    expect(onError).toHaveBeenCalledWith('broken', expect.any(Error));
  });

  it('drops malformed points and repeated ids', () => {
    const onError = vi.fn();
    const bad = fake('bad', 10, [{ text: undefined }, { priority: Number.NaN }, {}]);
    const twice: TalkingRule = { id: 'twice', priority: 1, evaluate: (c, p) => [...fake('x', 1, [{}]).evaluate(c, p), ...fake('x', 1, [{}]).evaluate(c, p)] };
    expect(ids(talkingPoints(context(), { rules: [bad, twice], onError }))).toEqual(['bad:2', 'x:0']);
    expect(onError).toHaveBeenCalledTimes(2);
  });

  it('leaves out dismissed points, and whole rules dismissed by id', () => {
    const rules = [fake('a', 10, [{}, {}]), fake('b', 5, [{}])];
    expect(ids(talkingPoints(context({ dismissed: new Set(['a:1']) }), { rules }))).toEqual(['a:0', 'b:0']);
    expect(ids(talkingPoints(context({ dismissed: new Set(['a']) }), { rules }))).toEqual(['b:0']);
  });

  it('returns nothing, without throwing, when the day is not a date', () => {
    const onError = vi.fn();
    expect(talkingPoints(context({ today: 'tomorrow' }), { onError })).toEqual([]);
    expect(onError).toHaveBeenCalledWith('prepare', expect.any(Error));
  });

  it('defaults today to the calendar day of now', () => {
    const points = talkingPoints({ ...context(), today: undefined, now: at('2026-05-03', 9) }, { rules: RULES.filter((r) => r.id === 'date-soon') });
    expect(ids(points)).toEqual(['date-soon:birthday:2026-05-03']);
  });

  it('runs the registered rules over a real customer, most important first, whatever the order of interactions', () => {
    const interactions = [
      interaction('visit', 40),
      order(100, [['中华', 10_000]]),
      order(70, [['中华', 10_000]]),
      order(50, [['中华', 10_000]]),
      order(5, [['利群', 1_000]]),
    ];
    const ctx = context({
      customer: customer({ birthday: ymdAgo(-2).replace(/^\d{4}/, '1980'), address: undefined, custom: { 授信额度: '500万' } }),
      contacts: [contact({ attitude: 'resistant' })],
      interactions,
      needs: [need({ status: 'resolved', resolvedAt: ago(3) }), need({ kind: 'complaint', due: ymdAgo(2) })],
      tasks: [task({ due: ymdAgo(0) })],
    });
    const points = talkingPoints(ctx);
    expect(points.map((p) => p.ruleId)).toEqual([
      'need-tell-customer',
      'need-overdue',
      'task-due',
      'date-soon',
      'orders-drop',
      'contact-resistant',
      'product-lapsed',
      'contact-gap',
      'visit-due',
      'bank-risk-disclosure',
      'archive-missing',
    ]);
    const shuffled = talkingPoints({ ...ctx, interactions: [interactions[3], interactions[0], interactions[4], interactions[1], interactions[2]] });
    expect(shuffled).toEqual(points);
  });
});

describe('dismissal for a day', () => {
  const point = { id: 'visit-due:2026-11-18' };

  it('hides the point for the rest of the day it was dismissed, not the next', () => {
    const d = dismiss('c1', point, TODAY);
    expect(d).toEqual({ customerId: 'c1', pointId: 'visit-due:2026-11-18', until: TODAY });
    expect.soft(dismissalApplies(d, TODAY)).toBe(true);
    expect.soft(dismissalApplies(d, '2026-11-25')).toBe(false);
    expect.soft(dismissalApplies(d, '2026-11-23')).toBe(true);
  });

  it.each([
    [at(TODAY, 23), TODAY, true],
    [at(TODAY, 0), '2026-11-25', false],
  ])('accepts until as a timestamp (%i on %s → %s)', (until, today, applies) => {
    expect(dismissalApplies({ until }, today)).toBe(applies);
  });

  it('collects the ids still hidden for one customer, which the engine then leaves out', () => {
    const stored: Dismissal[] = [
      dismiss('c1', point, TODAY),
      dismiss('c1', { id: 'archive-missing:owner' }, ymdAgo(1)),
      dismiss('c2', { id: 'date-soon:birthday:2026-11-26' }, TODAY),
    ];
    const hidden = activeDismissals(stored, 'c1', TODAY);
    expect([...hidden]).toEqual(['visit-due:2026-11-18']);
    const ctx = context({ interactions: [interaction('visit', 20)], dismissed: hidden });
    expect(talkingPoints(ctx).map((p) => p.ruleId)).not.toContain('visit-due');
  });

  it('sticks to the evidence: a new due date is a new point', () => {
    const before = talkingPoints(context({ interactions: [interaction('visit', 20)] })).find((p) => p.ruleId === 'visit-due')!;
    const after = talkingPoints(context({ interactions: [interaction('visit', 20), interaction('visit', 15)] })).find((p) => p.ruleId === 'visit-due')!;
    expect(before.id).not.toBe(after.id);
  });
});

describe('copying', () => {
  const p = { text: { 'zh-CN': '告诉客户结果', en: 'Tell the customer' }, because: { 'zh-CN': '已解决未告知', en: 'Resolved, not told' } };

  it('gives the point and its evidence', () => {
    expect(pointText(p, 'zh-CN')).toBe('告诉客户结果\n依据：已解决未告知');
    expect(pointText(p, 'en')).toBe('Tell the customer\nBecause: Resolved, not told');
  });

  it('numbers a list', () => {
    expect(pointsText([p, p], 'en')).toBe('1. Tell the customer\n   Because: Resolved, not told\n2. Tell the customer\n   Because: Resolved, not told');
  });
});
