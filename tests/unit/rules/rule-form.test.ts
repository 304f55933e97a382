// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { formValues, validateRuleForm } from '../../../components/dashboard/settings/rule-form';
import { translator } from '../../../lib/i18n';
import { SiteRule } from '../../../lib/model';

const rule = SiteRule.parse({
  id: 'r1',
  label: '订货系统 · 客户编码',
  urlPattern: 'https://order.example.com/cust/*',
  selector: 'td.code',
  target: 'customerCode',
  createdAt: 1,
  updatedAt: 1,
});

describe('rule form validation', () => {
  it('accepts a good edit and drops an empty extraction pattern', () => {
    const { errors, rule: next } = validateRuleForm({ ...rule, extract: 'KH\\d+' }, { ...formValues(rule), label: '新名称', extract: '  ' });
    expect(errors).toEqual({});
    expect(next).toEqual({ ...rule, label: '新名称' });
    expect(next && 'extract' in next).toBe(false);
  });

  it('names each field that is wrong, in words', () => {
    const t = translator('zh-CN');
    const { errors, rule: next } = validateRuleForm(rule, {
      ...formValues(rule),
      label: ' ',
      urlPattern: 'https://order.*.com/*',
      selector: 'td[',
      extract: '(\\d+)+',
    });
    expect(next).toBeUndefined();
    const words = Object.fromEntries(Object.entries(errors).map(([f, e]) => [f, t(e!.key, e!.params)]));
    expect(words).toEqual({
      label: '必填',
      urlPattern: '网址应写成 https://主机/路径/* 的形式；主机中的 * 只能写在开头（*.）',
      selector: '不是有效的 CSS 选择器',
      extract: '重复的分组里又有重复，可能让页面卡住，请简化',
    });
    expect(validateRuleForm(rule, { ...formValues(rule), extract: '(' }).errors.extract?.key).toBe('rules.invalid.extract.syntax');
    expect(validateRuleForm(rule, { ...formValues(rule), label: 'x'.repeat(201) }).errors.label).toEqual({ key: 'rules.invalid.tooLong', params: { max: 200 } });
  });
});
