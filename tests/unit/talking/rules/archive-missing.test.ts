import { describe, expect, it } from 'vitest';
import type { Contact, Customer } from '../../../../lib/model';
import { archiveMissing } from '../../../../lib/talking/rules/archive-missing';
import { contact, customer, run } from '../helpers';

describe('archive-missing', () => {
  const none = { owner: undefined, address: undefined, birthday: undefined, mobiles: [], phones: [] };
  const cases: { name: string; c: Partial<Customer>; contacts?: Partial<Contact>[]; fields: string[] }[] = [
    { name: 'complete → silent', c: {}, fields: [] },
    { name: 'no owner', c: { owner: undefined }, fields: ['owner'] },
    { name: 'blank address', c: { address: '  ' }, fields: ['address'] },
    { name: 'no birthday', c: { birthday: undefined }, fields: ['birthday'] },
    { name: 'no phone', c: { mobiles: [] }, fields: ['phone'] },
    { name: 'a landline is a phone', c: { mobiles: [], phones: ['0755-12345678'] }, fields: [] },
    { name: "a contact's mobile is a phone", c: { mobiles: [] }, contacts: [{ mobiles: ['13900139000'] }], fields: [] },
    { name: 'a contact without a phone does not help', c: { mobiles: [] }, contacts: [{}], fields: ['phone'] },
    { name: 'everything missing', c: none, fields: ['owner', 'address', 'birthday', 'phone'] },
  ];
  it.each(cases)('$name', ({ c, contacts = [], fields }) => {
    const points = run(archiveMissing, { customer: customer(c), contacts: contacts.map((k) => contact(k)) });
    expect(points.flatMap((p) => p.data?.fields ?? [])).toEqual(fields);
  });

  it('asks for what is missing', () => {
    const [p] = run(archiveMissing, { customer: customer(none) });
    expect(p.id).toBe('archive-missing:owner,address,birthday,phone');
    expect(p.text['zh-CN']).toBe('顺便补全档案：问一下户主/法人姓名、经营地址、生日、联系电话');
    expect(p.text.en).toBe("Complete the profile while you talk: ask for the owner's name, the business address, a birthday and a phone number");
    expect(p.because['zh-CN']).toBe('档案缺少：户主/法人、经营地址、生日、联系电话');
  });
});
