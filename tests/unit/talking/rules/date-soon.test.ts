import { describe, expect, it } from 'vitest';
import type { Customer } from '../../../../lib/model';
import { dateSoon } from '../../../../lib/talking/rules/date-soon';
import { customer, run } from '../helpers';

describe('date-soon', () => {
  const cases: { name: string; today: string; c: Partial<Customer>; fires: string[] }[] = [
    { name: 'birthday today (edge)', today: '2026-05-03', c: { birthday: '1980-05-03' }, fires: ['date-soon:birthday:2026-05-03'] },
    { name: 'birthday in 7 days (edge)', today: '2026-04-26', c: { birthday: '1980-05-03' }, fires: ['date-soon:birthday:2026-05-03'] },
    { name: 'birthday in 8 days → not yet (edge)', today: '2026-04-25', c: { birthday: '1980-05-03' }, fires: [] },
    { name: 'birthday yesterday → next year, silent', today: '2026-05-04', c: { birthday: '1980-05-03' }, fires: [] },
    { name: 'yearless birthday in 3 days', today: '2026-04-30', c: { birthday: '--05-03' }, fires: ['date-soon:birthday:2026-05-03'] },
    { name: 'across the new year', today: '2026-12-28', c: { birthday: '--01-02' }, fires: ['date-soon:birthday:2027-01-02'] },
    { name: '29 Feb in a common year falls on the 28th', today: '2027-02-21', c: { birthday: '1988-02-29' }, fires: ['date-soon:birthday:2027-02-28'] },
    { name: '29 Feb in a common year: 8 days before the 28th → not yet', today: '2027-02-20', c: { birthday: '1988-02-29' }, fires: [] },
    { name: '29 Feb in a leap year stays the 29th', today: '2028-02-28', c: { birthday: '1988-02-29' }, fires: ['date-soon:birthday:2028-02-29'] },
    { name: 'important date in 5 days', today: '2026-11-22', c: { importantDates: [{ label: '开业纪念日', date: '2016-11-27' }] }, fires: ['date-soon:开业纪念日:2026-11-27'] },
    { name: 'important date in 8 days → not yet', today: '2026-11-19', c: { importantDates: [{ label: '开业纪念日', date: '2016-11-27' }] }, fires: [] },
    {
      name: 'birthday and an important date together',
      today: '2026-05-01',
      c: { birthday: '--05-03', importantDates: [{ label: '结婚纪念日', date: '--05-01' }] },
      fires: ['date-soon:birthday:2026-05-03', 'date-soon:结婚纪念日:2026-05-01'],
    },
    { name: 'no dates', today: '2026-05-03', c: { birthday: undefined }, fires: [] },
  ];
  it.each(cases)('$name', ({ today, c, fires }) => {
    expect(run(dateSoon, { today, customer: customer(c) }).map((p) => p.id)).toEqual(fires);
  });

  it('ranks sooner higher and words today, tomorrow and later', () => {
    const c = customer({ owner: '张伟', birthday: '--05-03', importantDates: [{ label: '开业纪念日', date: '2016-05-04' }, { label: '店庆', date: '--05-09' }] });
    const points = run(dateSoon, { today: '2026-05-03', customer: c });
    expect(points.map((p) => p.text['zh-CN'])).toEqual([
      '今天是张伟的生日，送上祝福',
      '明天是「开业纪念日」（10 周年），记得表示祝贺',
      '6 天后（5月9日）是「店庆」，记得表示祝贺',
    ]);
    expect(points.map((p) => p.priority)).toEqual([70.7, 70.6, 70.1]);
    expect(points[0].text.en).toBe("It's 张伟's birthday today: send your best wishes");
    expect(points[1].text.en).toBe('“开业纪念日” (10th anniversary) is tomorrow: congratulate them');
  });

  it('says when 29 February moved, and "the customer" without an owner', () => {
    const [p] = run(dateSoon, { today: '2027-02-25', customer: customer({ owner: undefined, birthday: '1988-02-29' }) });
    expect(p.text['zh-CN']).toBe('3 天后（2月28日）是客户的生日，记得送上祝福');
    expect(p.text.en).toBe("The customer's birthday is in 3 days (Feb 28): plan a greeting");
    expect(p.because['zh-CN']).toBe('档案：生日 1988年2月29日；今年没有 2月29日，按 2月28日');
  });
});
