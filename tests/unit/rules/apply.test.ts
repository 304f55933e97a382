// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { applyRules, evaluateRule, normaliseFor, readValues, rulesForUrl, type AppliedRule } from '../../../lib/rules/apply';
import { SHOP_A, SHOP_B, oldOrderingPage } from './pages';

const URL_A = 'https://order.example.com/cust/custInfo.do?custId=30512001';
let n = 0;
const rule = (over: Partial<AppliedRule>): AppliedRule => ({
  id: `r${++n}`,
  label: `规则 ${n}`,
  urlPattern: 'https://order.example.com/cust/*',
  selector: '#x',
  target: 'customerCode',
  enabled: true,
  ...over,
});

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('rulesForUrl', () => {
  it('keeps enabled rules whose pattern claims the address', () => {
    const a = rule({}), b = rule({ urlPattern: 'https://other.example.com/*' }), c = rule({ enabled: false });
    expect(rulesForUrl([a, b, c], URL_A)).toEqual([a]);
  });
});

describe('normaliseFor', () => {
  it.each([
    ['licence', '4403 0510 0123', '440305100123'],
    ['licence', '４４０３０５１００１２３', '440305100123'],
    ['licence', '44030510012', null],
    ['mobile', '+86 138-2551-8866', '13825518866'],
    ['mobile', '0755-26881234', null],
    ['mobile', '暂无', null],
    ['uscc', '91440300MA5F0XYZ0K', null],
    ['email', 'mailto:Chen@Example.COM', 'chen@example.com'],
    ['email', 'chen at example', null],
    ['customerCode', 'KH00012345', 'KH00012345'],
    ['customerCode', '（KH00012345）', 'KH00012345'],
    ['customerCode', 'N/A', null],
    ['customerCode', '暂无', null],
    ['customerCode', '--', null],
    ['customerCode', 'KH 0001 2345', null],
    ['name', '深圳市南山区鑫隆烟酒商行（南山店）', '深圳市南山区鑫隆烟酒商行（南山店）'],
    ['name', '“佳乐食杂店”。', '佳乐食杂店'],
    ['name', '加载中', null],
    ['name', '—', null],
    ['name', '13825518866', null],
    ['name', 'x', null],
  ] as const)('%s %s → %s', (target, raw, expected) => {
    expect(normaliseFor(target, raw)).toBe(expected);
  });
});

describe('readValues', () => {
  it('applies the extraction pattern: first group, else the whole match', () => {
    expect(readValues('客户编码：KH00012345（正常）', 'customerCode', '客户编码[:：]\\s*(KH\\d+)')).toEqual(['KH00012345']);
    expect(readValues('客户编码：KH00012345（正常）', 'customerCode', 'KH\\d+')).toEqual(['KH00012345']);
    // The pattern is written with a full-width colon; the page text is folded, so it still matches.
    expect(readValues('客户编码:KH00012345', 'customerCode', '客户编码：(\\S+)')).toEqual(['KH00012345']);
    // Full-width brackets in a pattern stay literal.
    expect(readValues('编码新:KH12', 'customerCode', '编码（新）[:：](\\w+)')).toEqual([]);
    expect(readValues('编码（新）:KH12', 'customerCode', '编码（新）[:：](\\w+)')).toEqual(['KH12']);
    expect(readValues('no code here', 'customerCode', 'KH\\d+')).toEqual([]);
  });

  it('reads what follows a label without a pattern, for codes and names', () => {
    expect(readValues('客户编码：KH00012345', 'customerCode')).toEqual(['KH00012345']);
    expect(readValues('客户名称： 鑫隆烟酒商行', 'name')).toEqual(['鑫隆烟酒商行']);
  });

  it('finds self-describing identifiers inside longer text', () => {
    expect(readValues('电话：138 2551 8866（微信同号）', 'mobile')).toEqual(['13825518866']);
    expect(readValues('手机 13825518866 / 15012345679', 'mobile')).toEqual(['13825518866', '15012345679']);
    expect(readValues('许可证号：440305100123', 'licence')).toEqual(['440305100123']);
  });

  it('a pattern that is refused reads nothing', () => {
    expect(readValues('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', 'customerCode', '(a+)+$')).toEqual([]);
    expect(readValues('KH1', 'customerCode', '(')).toEqual([]);
  });
});

describe('evaluateRule and applyRules', () => {
  it('reads input values, select options and text', () => {
    document.body.innerHTML = `<input id="code" value=" KH00012345 "><select id="phone"><option>请选择</option><option selected>13825518866</option></select><p id="name">  深圳市南山区鑫隆烟酒商行 </p>`;
    expect(evaluateRule(document, { selector: '#code', target: 'customerCode' }).values).toEqual(['KH00012345']);
    expect(evaluateRule(document, { selector: '#phone', target: 'mobile' }).values).toEqual(['13825518866']);
    expect(evaluateRule(document, { selector: '#name', target: 'name' }).values).toEqual([SHOP_A.name]);
  });

  it('reports a bad selector or pattern instead of throwing', () => {
    expect(evaluateRule(document, { selector: 'td[', target: 'name' })).toEqual({ elements: 0, values: [], invalid: 'selector' });
    expect(evaluateRule(document, { selector: 'td', target: 'name', extract: '(' })).toEqual({ elements: 0, values: [], invalid: 'extract' });
  });

  it('an old ordering system page: identifiers with role field, names, no misses', () => {
    document.body.innerHTML = oldOrderingPage(SHOP_A);
    const cell = (row: number, col: number) => `form[name="custForm"] > table:nth-of-type(1) tr:nth-of-type(${row}) > td:nth-of-type(${col})`;
    const rules = [
      rule({ selector: cell(2, 2), target: 'customerCode' }),
      rule({ selector: cell(2, 4), target: 'name' }),
      rule({ selector: cell(3, 2), target: 'licence' }),
      rule({ selector: cell(4, 2), target: 'mobile' }),
      rule({ selector: cell(4, 2), target: 'mobile', urlPattern: 'https://elsewhere.example.com/*' }),
    ];
    expect(applyRules(document, URL_A, rules)).toEqual({
      identifiers: [
        { kind: 'customerCode', value: SHOP_A.code, role: 'field' },
        { kind: 'licence', value: SHOP_A.licence, role: 'field' },
        { kind: 'mobile', value: '13825518866', role: 'field' },
      ],
      names: [SHOP_A.name],
      misses: [],
    });
    document.body.innerHTML = oldOrderingPage(SHOP_B);
    expect(applyRules(document, URL_A, rules).identifiers.map((i) => i.value)).toEqual([SHOP_B.code, SHOP_B.licence, '15012345679']);
  });

  it('a rule whose element is missing, or shows junk for its kind, is a miss, not garbage', () => {
    document.body.innerHTML = `<span id="phone">加载中…</span><span id="code">客户编码：暂无</span>`;
    const missing = rule({ label: '找不到', selector: '#nothing-here' });
    const junkPhone = rule({ label: '电话', selector: '#phone', target: 'mobile' });
    const junkCode = rule({ label: '编码', selector: '#code', target: 'customerCode', extract: '客户编码[:：](.*)' });
    const result = applyRules(document, URL_A, [missing, junkPhone, junkCode]);
    expect(result.identifiers).toEqual([]);
    expect(result.names).toEqual([]);
    expect(result.misses).toEqual([
      { ruleId: missing.id, label: '找不到' },
      { ruleId: junkPhone.id, label: '电话' },
      { ruleId: junkCode.id, label: '编码' },
    ]);
  });

  it('de-duplicates across rules and elements, and reads at most 20 elements', () => {
    document.body.innerHTML = Array.from({ length: 50 }, (_, i) => `<b class="m">1380013${String(8000 + i).padStart(4, '0')}</b>`).join('') + `<i>13800138000</i>`;
    const r = evaluateRule(document, { selector: 'b.m', target: 'mobile' });
    expect(r.elements).toBe(50);
    expect(r.values).toHaveLength(20);
    const applied = applyRules(document, URL_A, [rule({ selector: 'b.m', target: 'mobile' }), rule({ selector: 'i', target: 'mobile' })]);
    expect(applied.identifiers).toHaveLength(20);
  });

  it('is fast on a large page', () => {
    document.body.innerHTML = oldOrderingPage(SHOP_A) + '<div>'.repeat(1) + Array.from({ length: 3000 }, (_, i) => `<p class="row">行 ${i} 订单 DD2025${i}</p>`).join('') + '</div>';
    const rules = Array.from({ length: 10 }, (_, i) => rule({ selector: i % 2 ? 'p.row' : 'form[name="custForm"] td.td_value', target: i % 2 ? 'name' : 'licence' }));
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) applyRules(document, URL_A, rules);
    expect((performance.now() - t0) / 5).toBeLessThan(50);
  });
});

describe('rules that arrive malformed', () => {
  it('are skipped or missed, never thrown', () => {
    document.body.innerHTML = `<b id="c">KH1234</b>`;
    const bad = [{ id: 'x' }, null, { id: 'y', label: 'y', urlPattern: 'https://order.example.com/*', target: 'customerCode', selector: 42 }] as unknown as AppliedRule[];
    expect(applyRules(document, URL_A, bad)).toEqual({ identifiers: [], names: [], misses: [{ ruleId: 'y', label: 'y' }] });
  });
});
