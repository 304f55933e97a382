import { describe, expect, it } from 'vitest';
import { contactFromForm, customerFromForm, formFromContact, formFromCustomer, splitList } from '../../lib/model/customer-form';

const base = { id: 'c1', createdAt: 1 };
const form = (over: Partial<ReturnType<typeof formFromCustomer>>) => ({ ...formFromCustomer(), name: '张记便利店', ...over });

describe('customer form', () => {
  it.each([
    ['13800138000、13900139000，13700137000;13600136000/13500135000', 5],
    ['7-Eleven 便利店、老张店', 2],
    ['', 0],
  ])('splits the list %s into %i values', (text, n) => expect(splitList(text)).toHaveLength(n));

  it.each([
    ['138 0013 8000', ['13800138000']],
    ['13800138000 13900139000', ['13800138000', '13900139000']],
    ['+86 138-0013-8000、139 0013 9000', ['13800138000', '13900139000']],
  ])('reads the mobiles %s as %o', (text, mobiles) => {
    expect(customerFromForm(form({ mobiles: text }), base).customer?.mobiles).toEqual(mobiles);
  });

  it('normalises identifiers the way pages are read', () => {
    const r = customerFromForm(
      form({ licenceNo: '３３０１ ０６１０ ０００１', mobiles: '+86 138-0013-8000、13800138000', emails: ' Boss@Example.COM ', uscc: '91350100M000100Y43', customerCode: 'ＫＨ0001' }),
      base,
    );
    expect(r.errors).toBeUndefined();
    expect(r.customer).toMatchObject({ licenceNo: '330106100001', mobiles: ['13800138000'], emails: ['boss@example.com'], uscc: '91350100M000100Y43', customerCode: 'KH0001' });
  });

  it.each([
    ['name', { name: '  ' }, 'required'],
    ['licenceNo', { licenceNo: '33010610000' }, 'badLicence'],
    ['uscc', { uscc: '91350100M000100Y44' }, 'badUscc'],
    ['mobiles', { mobiles: '13800138000、12345' }, 'badMobile'],
    ['emails', { emails: 'not-an-email' }, 'badEmail'],
    ['birthday', { birthday: '1980/5/3' }, 'badDate'],
    ['address', { address: '路'.repeat(201) }, 'tooLong'],
    ['importantDates.0', { importantDates: [{ label: '开业', date: '明天' }] }, 'badDate'],
    ['importantDates.0', { importantDates: [{ label: '', date: '2020-01-01' }] }, 'required'],
    ['custom.1', { custom: [{ key: '经营规模', value: '大' }, { key: '经营规模', value: '小' }] }, 'duplicateKey'],
  ] as const)('%s: %o → %s', (field, over, code) => {
    const r = customerFromForm(form(over as never), base);
    expect(r.errors?.[field as keyof NonNullable<typeof r.errors>]?.code).toBe(code);
    expect(r.customer).toBeUndefined();
  });

  it('keeps a yearless birthday and drops empty rows and the name from aliases', () => {
    const r = customerFromForm(
      form({ birthday: '--05-03', aliases: '张记、老张店', importantDates: [{ label: '', date: '' }], custom: [{ key: '', value: '' }] }),
      base,
    );
    expect(r.customer).toMatchObject({ birthday: '--05-03', aliases: ['张记', '老张店'], importantDates: [], custom: {} });
  });

  it('round-trips a customer through the form unchanged', () => {
    const c = { ...base, updatedAt: 2, name: '王记', aliases: ['老王'], mobiles: ['13800138000', '13900139000'], phones: ['0571-88886666'], emails: [], importantDates: [{ label: '开业', date: '2019-11-28' }], custom: { 规模: '大' } };
    expect(customerFromForm(formFromCustomer(c), c).customer).toMatchObject(c);
  });
});

describe('contact form', () => {
  it('requires a name and checks mobiles', () => {
    const r = contactFromForm({ ...formFromContact(), name: '', mobiles: '123' }, { id: 'k', customerId: 'c1', createdAt: 1 });
    expect(r.errors).toEqual({ name: { code: 'required' }, mobiles: { code: 'badMobile', value: '123' } });
  });
  it('saves role and attitude', () => {
    const r = contactFromForm({ ...formFromContact(), name: '李经理', role: 'decision_maker', attitude: 'resistant', mobiles: '13800138000' }, { id: 'k', customerId: 'c1', createdAt: 1 });
    expect(r.contact).toMatchObject({ name: '李经理', role: 'decision_maker', attitude: 'resistant', mobiles: ['13800138000'] });
  });
});
