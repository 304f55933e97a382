// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readValues } from '../../../lib/rules/apply';
import { checkDraft, codeShape, guessTarget, narrowTarget, proposeExtract, proposeRule, siteName } from '../../../lib/rules/propose';
import { SHOP_A, SHOP_B, hashedPage, oldOrderingPage } from './pages';

beforeEach(() => {
  document.body.innerHTML = '';
  document.title = '';
});

describe('guessTarget', () => {
  it.each([
    // text, label, expected target, expected value
    ['440305100123', undefined, 'licence', '440305100123'],
    ['91350100M000100Y43', undefined, 'uscc', '91350100M000100Y43'],
    ['138 2551 8866', undefined, 'mobile', '13825518866'],
    ['chen@example.com', undefined, 'email', 'chen@example.com'],
    ['KH00012345', undefined, 'customerCode', 'KH00012345'],
    ['深圳市南山区鑫隆烟酒商行', undefined, 'name', '深圳市南山区鑫隆烟酒商行'],
    ['4403001234', undefined, 'customerCode', '4403001234'],
    // Dates, amounts and small numbers are not codes (and not names either: nothing to read).
    ['2025-11-03', undefined, 'name', null],
    ['1,505.00', undefined, 'name', null],
    ['28', undefined, 'name', null],
    // The label decides: a 12-digit number next to "客户编码" is that company's code, not a licence.
    ['440305100123', '客户编码', 'customerCode', '440305100123'],
    ['KH00012345', '许可证号', 'licence', null],
    ['0755-26881234', '联系电话', 'mobile', null],
    ['鑫隆烟酒商行', '客户名称', 'name', '鑫隆烟酒商行'],
    // A label inside the text itself.
    ['客户编码：KH00012345', undefined, 'customerCode', 'KH00012345'],
    ['客户名称：鑫隆烟酒商行', undefined, 'name', '鑫隆烟酒商行'],
    ['Mobile: 13825518866', undefined, 'mobile', '13825518866'],
  ] as const)('%s (label %s) → %s %s', (text, label, target, value) => {
    expect(guessTarget(text, label)).toMatchObject({ target, value });
  });

  it('uses the settings customer-code pattern', () => {
    expect(guessTarget('编号 A-2024-0012 已审核', undefined, { customerCodePattern: 'A-\\d{4}-\\d{4}' })).toMatchObject({ target: 'customerCode', value: 'A-2024-0012', by: 'detected' });
  });
});

describe('proposeExtract', () => {
  it('is not needed when the element shows the value alone, or for self-describing kinds', () => {
    expect(proposeExtract('KH00012345', 'customerCode', 'KH00012345')).toBeUndefined();
    expect(proposeExtract('电话：138 2551 8866', 'mobile', '13825518866')).toBeUndefined();
  });

  it.each([
    ['客户编码：KH00012345', 'customerCode', 'KH00012345', '客户编码[:：]\\s*(KH\\d+)'],
    ['客户编码 KH00012345 （正常）', 'customerCode', 'KH00012345', '客户编码\\s*(KH\\d+)'],
    ['KH00012345 （正常）', 'customerCode', 'KH00012345', '^(KH\\d+)'],
    ['编号:A-2024-0012', 'customerCode', 'A-2024-0012', '编号[:：]\\s*(A-\\d+-\\d+)'],
    ['客户名称：鑫隆烟酒商行 [正常]', 'name', '鑫隆烟酒商行', '客户名称[:：]\\s*(.+?)\\s*\\['],
    ['客户名称：鑫隆烟酒商行', 'name', '鑫隆烟酒商行', '客户名称[:：]\\s*(.+)'],
  ] as const)('%s → %s', (text, target, value, expected) => {
    const source = proposeExtract(text, target, value);
    expect(source).toBe(expected);
    // It reads back the value, and another customer's value of the same shape.
    expect(readValues(text, target, source)).toEqual([value]);
  });

  it('generalises a code to its shape', () => {
    expect(codeShape('KH00012345')).toBe('KH\\d+');
    expect(codeShape('4403001234')).toBe('\\d+');
    expect(codeShape('CUSTOMER-77')).toBe('[A-Za-z]+-\\d+');
    expect(readValues('客户编码：KH00098761', 'customerCode', proposeExtract('客户编码：KH00012345', 'customerCode', 'KH00012345'))).toEqual(['KH00098761']);
  });
});

describe('narrowTarget and siteName', () => {
  it('narrows a clicked block to the element that holds the identifier', () => {
    document.body.innerHTML = `<div id="block"><span>负责人：陈建华</span><span>电话：<b id="tel">138 2551 8866</b></span></div>`;
    expect(narrowTarget(document.getElementById('block')!).id).toBe('tel');
    expect(narrowTarget(document.getElementById('tel')!).id).toBe('tel');
  });

  it('names the site from the title or the host', () => {
    expect(siteName('客户详情 - 网上订货与客户关系管理系统', 'order.example.com')).toBe('网上订货与客户关系管理系统');
    expect(siteName('客户详情', 'order.example.com')).toBe('order.example.com');
  });
});

describe('proposeRule', () => {
  it('an old ordering system: the code cell next to its label', () => {
    document.title = '客户信息 - 网上订货系统';
    document.body.innerHTML = oldOrderingPage(SHOP_A);
    const cell = Array.from(document.querySelectorAll('td')).find((td) => td.textContent === SHOP_A.code)!;
    const p = proposeRule(cell, { url: 'https://order.example.com/cust/custInfo.do?custId=30512001', kindName: () => '客户编码' });
    expect(p.draft).toEqual({
      label: '网上订货系统 · 客户编码',
      urlPattern: 'https://order.example.com/cust/custInfo.do',
      selector: p.selector.selector,
      target: 'customerCode',
      enabled: true,
    });
    expect(p.preview).toEqual({ elements: 1, values: [SHOP_A.code] });
  });

  it('a cell that shows label and value together gets an extraction pattern', () => {
    document.body.innerHTML = `<table class="info"><tr><td>客户编码：${SHOP_A.code}</td><td>客户名称：${SHOP_A.name}</td></tr></table>`;
    const td = document.querySelector('td')!;
    const p = proposeRule(td, { url: 'https://crm.example.com/customer/30512001' });
    expect(p.draft).toMatchObject({ target: 'customerCode', extract: '客户编码[:：]\\s*(KH\\d+)', urlPattern: 'https://crm.example.com/customer/*' });
    expect(p.draft.label).toBe('crm.example.com · customerCode');
    expect(p.preview.values).toEqual([SHOP_A.code]);
    document.body.innerHTML = `<table class="info"><tr><td>客户编码：${SHOP_B.code}</td><td>客户名称：${SHOP_B.name}</td></tr></table>`;
    expect(checkDraft(document, 'https://crm.example.com/customer/40110002', p.draft).values).toEqual([SHOP_B.code]);
  });

  it('a bundled app: the phone, from a click on its row', () => {
    document.body.innerHTML = hashedPage(SHOP_A, 1);
    const row = Array.from(document.querySelectorAll('#root main > div > div')).find((d) => d.textContent?.includes('手机'))!;
    const p = proposeRule(row, { url: 'https://app.example.com/#/customers/30512001' });
    expect(p.element.textContent).toBe(SHOP_A.phone);
    expect(p.draft).toMatchObject({ target: 'mobile', urlPattern: 'https://app.example.com/*' });
    expect(p.preview.values).toEqual(['13825518866']);
    document.body.innerHTML = hashedPage(SHOP_B, 2);
    expect(checkDraft(document, 'https://app.example.com/', p.draft).values).toEqual(['15012345679']);
  });

  it('checkDraft says what is wrong with an edited draft', () => {
    document.body.innerHTML = `<span id="c">KH1234</span>`;
    const base = { urlPattern: 'https://crm.example.com/*', selector: '#c', target: 'customerCode' as const };
    expect(checkDraft(document, 'https://crm.example.com/x', base)).toMatchObject({ patternValid: true, urlMatches: true, extractProblem: null, elements: 1, values: ['KH1234'] });
    expect(checkDraft(document, 'https://other.example.com/x', base)).toMatchObject({ urlMatches: false });
    expect(checkDraft(document, 'https://crm.example.com/x', { ...base, urlPattern: 'https://*/x' })).toMatchObject({ patternValid: false });
    expect(checkDraft(document, 'https://crm.example.com/x', { ...base, extract: '(\\d+)+' })).toMatchObject({ extractProblem: 'nested', invalid: 'extract' });
    expect(checkDraft(document, 'https://crm.example.com/x', { ...base, selector: '#c[' })).toMatchObject({ invalid: 'selector' });
    expect(checkDraft(document, 'https://crm.example.com/x', { ...base, target: 'mobile' })).toMatchObject({ elements: 1, values: [] });
  });
});
