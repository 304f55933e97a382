import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../../lib/model';
import { contactResistant } from '../../../../lib/talking/rules/contact-resistant';
import { contact, run } from '../helpers';

describe('contact-resistant', () => {
  const cases: { name: string; contacts: Partial<Contact>[]; fires: number }[] = [
    { name: 'decision maker, resistant → fires', contacts: [{ role: 'decision_maker', attitude: 'resistant' }], fires: 1 },
    { name: 'influencer, resistant → fires', contacts: [{ role: 'influencer', attitude: 'resistant' }], fires: 1 },
    { name: 'user, resistant → not a key contact', contacts: [{ role: 'user', attitude: 'resistant' }], fires: 0 },
    { name: 'decision maker, neutral', contacts: [{ role: 'decision_maker', attitude: 'neutral' }], fires: 0 },
    { name: 'decision maker, attitude unknown', contacts: [{ role: 'decision_maker' }], fires: 0 },
    { name: 'two resistant key contacts → one point each', contacts: [{ attitude: 'resistant' }, { role: 'influencer', attitude: 'resistant' }], fires: 2 },
  ];
  it.each(cases)('$name', ({ contacts, fires }) => {
    expect(run(contactResistant, { contacts: contacts.map((c) => contact(c)) })).toHaveLength(fires);
  });

  it('suggests going through a positive contact, by name', () => {
    const [p] = run(contactResistant, {
      contacts: [contact({ id: 'wang', name: '王建国', title: '总经理', attitude: 'resistant' }), contact({ name: '李梅', role: 'user', attitude: 'positive' })],
    });
    expect(p.id).toBe('contact-resistant:wang');
    expect(p.text['zh-CN']).toBe('王建国（决策人）态度抵触：先听听对方的顾虑，别急着推产品，可请态度积极的李梅帮忙沟通');
    expect(p.because['zh-CN']).toBe('联系人档案：王建国，决策人，总经理，态度抵触');
    expect(p.because.en).toBe('Contact record: 王建国, decision maker, 总经理, attitude resistant');
  });

  it('without an ally, just how to approach', () => {
    const [p] = run(contactResistant, { contacts: [contact({ name: 'Zhou Min', role: 'influencer', attitude: 'resistant' })] });
    expect(p.text.en).toBe('Zhou Min (influencer) is resistant: hear out their concerns before offering anything');
  });
});
