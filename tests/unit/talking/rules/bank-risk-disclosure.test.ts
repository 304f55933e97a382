import { describe, expect, it } from 'vitest';
import type { Customer } from '../../../../lib/model';
import { bankRiskDisclosure } from '../../../../lib/talking/rules/bank-risk-disclosure';
import type { TalkingSettings } from '../../../../lib/talking/types';
import { customer, run } from '../helpers';

describe('bank-risk-disclosure', () => {
  const cases: { name: string; settings?: TalkingSettings; c?: Partial<Customer>; because: string | null }[] = [
    { name: 'industry bank → every customer', settings: { industry: 'bank' }, because: '银行客户（设置：行业为银行）' },
    { name: 'industry tobacco → none, whatever the record says', settings: { industry: 'tobacco' }, c: { custom: { 授信额度: '500万' } }, because: null },
    { name: 'unset, a credit-line field → bank customer', c: { custom: { 授信额度: '500万' } }, because: '银行客户（档案：「授信额度」）' },
    { name: 'unset, segment 对公客户', c: { segment: '对公客户' }, because: '银行客户（档案：「对公客户」）' },
    { name: 'unset, business type in English', c: { businessType: 'Wealth management' }, because: '银行客户（档案：「Wealth management」）' },
    { name: 'unset, a value naming a product', c: { custom: { 持有产品: '稳健理财 180 天' } }, because: '银行客户（档案：「持有产品」）' },
    { name: "unset, a tobacco shop's settlement bank is not evidence", c: { custom: { 开户银行: '工商银行', 对公账户: '4000 1234' } }, because: null },
    { name: 'unset, nothing bank-like', c: {}, because: null },
  ];
  it.each(cases)('$name', ({ settings, c, because }) => {
    const points = run(bankRiskDisclosure, { settings, customer: customer(c) });
    expect(points.map((p) => p.because['zh-CN'])).toEqual(because ? [because] : []);
  });

  it('never promises returns', () => {
    const [p] = run(bankRiskDisclosure, { settings: { industry: 'bank' } });
    expect(p.text['zh-CN']).toContain('不承诺收益');
    expect(p.text['zh-CN']).toContain('不说保本');
    expect(p.text.en).toContain("don't promise returns");
    expect(p.priority).toBeLessThan(50);
  });
});
