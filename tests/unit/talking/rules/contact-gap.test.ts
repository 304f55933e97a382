import { describe, expect, it } from 'vitest';
import type { Customer, Interaction } from '../../../../lib/model';
import { contactGap } from '../../../../lib/talking/rules/contact-gap';
import { ago, customer, interaction, order, run } from '../helpers';

describe('contact-gap (core customer: every 14 days)', () => {
  const cases: { name: string; c?: Partial<Customer>; interactions: Interaction[]; fires: boolean }[] = [
    { name: 'call 14 days ago → exactly the interval, fine (edge)', interactions: [interaction('call', 14)], fires: false },
    { name: 'call 15 days ago → beyond (edge)', interactions: [interaction('call', 15)], fires: true },
    { name: 'visit 40 days ago but an email 3 days ago → in touch', interactions: [interaction('visit', 40), interaction('email', 3)], fires: false },
    { name: 'visit 30 days ago; only orders and notes since → orders and notes do not count', interactions: [interaction('visit', 30), order(2, [['中华', 100]]), interaction('note', 1)], fires: true },
    { name: 'never contacted, created 15 days ago', c: { createdAt: ago(15) }, interactions: [], fires: true },
    { name: 'never contacted, created 14 days ago (edge)', c: { createdAt: ago(14) }, interactions: [], fires: false },
    { name: 'class 10 (every 60 days): call 60 days ago (edge)', c: { segment: undefined, class: '10' }, interactions: [interaction('call', 60)], fires: false },
    { name: 'class 10 (every 60 days): call 61 days ago (edge)', c: { segment: undefined, class: '10' }, interactions: [interaction('call', 61)], fires: true },
  ];
  it.each(cases)('$name', ({ c, interactions, fires }) => {
    expect(run(contactGap, { customer: customer(c), interactions })).toHaveLength(fires ? 1 : 0);
  });

  it('names the last contact and counts the days', () => {
    const [p] = run(contactGap, { interactions: [interaction('visit', 54), interaction('call', 20), order(1, [['中华', 100]])] });
    expect(p.id).toBe('contact-gap:2026-11-04');
    expect(p.text['zh-CN']).toBe('已经 20 天没有联系，超过 14 天的周期，先打个电话问候近况');
    expect(p.because['zh-CN']).toBe('最近一次联系是 11月4日 的电话（拜访、电话、邮件都算）');
    expect(p.because.en).toBe('Last contact: call on Nov 4 (visits, calls and emails count)');
  });
});
