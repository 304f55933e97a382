import { describe, it, expect } from 'vitest';
import { compileCustomerCodePattern, detectIdentifiers, type DetectOptions } from '../../lib/match/detect';

/** Detected identifiers as `kind:value` keys, in returned order. */
const keys = (text: string, options?: DetectOptions) =>
  detectIdentifiers(text, options).map((d) => `${d.kind}:${d.value}`);

describe('detectIdentifiers: licence', () => {
  it.each([
    ['bare', '440300123456', ['licence:440300123456']],
    ['after CJK label', '许可证号440300123456，店主张三', ['licence:440300123456']],
    ['after full-width colon', '许可证号：440300123456', ['licence:440300123456']],
    ['full-width digits', '许可证号：４４０３００１２３４５６', ['licence:440300123456']],
    ['after "No."', 'No.440300123456', ['licence:440300123456']],
    ['sentence-final period', 'Licence 440300123456.', ['licence:440300123456']],
    ['table cells separated by spaces', '440300123456 440300654321', ['licence:440300123456', 'licence:440300654321']],
    ['comma list', '440300123456,440300654321', ['licence:440300123456', 'licence:440300654321']],
    ['looks like a date but month 13', '202513241030', ['licence:202513241030']],
  ])('finds: %s', (_label, text, expected) => {
    expect(keys(text)).toEqual(expected);
  });

  it.each([
    ['order total', '合计：123456789012.50元'],
    ['decimal fraction', '0.123456789012'],
    ['17-digit order number', '订单号20251124000123456'],
    ['date and time', '2025-11-24 10:30:00'],
    ['14-digit compact date-time', '20251124103000'],
    ['12-digit compact date-time', '下单时间202511241030'],
    ['12-digit compact date-time 19xx', '199912312359'],
    ['11 digits', '44030012345'],
    ['13 digits', '4403001234567'],
    ['first digit 0', '040300123456'],
    ['first digit 9', '940300123456'],
    ['letter prefix', 'DD440300123456'],
    ['letter suffix', '440300123456A'],
    ['joined by dash to more digits', '440300123456-01'],
    ['after digits and dash', '2025-440300123456'],
    ['joined by slash', '1/440300123456'],
    ['inside 19-digit bank card', '6222021234567890123'],
  ])('ignores: %s', (_label, text) => {
    expect(keys(text).filter((k) => k.startsWith('licence:'))).toEqual([]);
  });
});

describe('detectIdentifiers: mobile', () => {
  it.each([
    ['compact', '13800138000', '13800138000'],
    ['+86 with spaces', '+86 138 0013 8000', '+86 138 0013 8000'],
    ['+86 with dashes', '+86-138-0013-8000', '+86-138-0013-8000'],
    ['dashes', '138-0013-8000', '138-0013-8000'],
    ['spaces', '138 0013 8000', '138 0013 8000'],
    ['(+86)', '(+86)13800138000', '(+86)13800138000'],
    ['full-width (＋８６)', '（＋８６）１３８００１３８０００', '（＋８６）１３８００１３８０００'],
    ['0086', '0086 13800138000', '0086 13800138000'],
    ['+86 no space', '+8613800138000', '+8613800138000'],
    ['full-width digits', '１３８００１３８０００', '１３８００１３８０００'],
    ['CJK around', '手机13800138000联系', '13800138000'],
    ['after "Tel:"', 'Tel:13800138000', '13800138000'],
    ['followed by next table cell', '13800138000 440300123456', '13800138000'],
    ['after a number in the previous cell', '2025 13800138000', '13800138000'],
    ['199 prefix', '19912345678', '19912345678'],
  ])('finds: %s', (_label, text, raw) => {
    const got = detectIdentifiers(text).filter((d) => d.kind === 'mobile');
    expect(got).toHaveLength(1);
    expect(got[0].value).toMatch(/^1[3-9]\d{9}$/);
    expect(got[0].raw).toBe(raw);
  });

  it('normalises +86 forms to the same 11 digits (and de-duplicates them)', () => {
    expect(keys('+86 138 0013 8000 / 0086 13800138000 / 138-0013-8000')).toEqual(['mobile:13800138000']);
  });

  it.each([
    ['landline', '0755-8888 6666'],
    ['landline with area code', '电话：010-6552 9988'],
    ['inside a 12-digit licence', '413800138000'],
    ['inside a 17-digit order number', '20251113800138000'],
    ['13 digits starting 86 without separator', '8613800138000'],
    ['inside a bank card', '6222 1380 0138 0001 234'],
    ['inside a 19-digit bank card', '6222113800138000123'],
    ['space-grouped, followed by more digits', '138 0013 8000 1234'],
    ['space-grouped, preceded by more digits', '6222 138 0013 8000'],
    ['inside an 18-char credit code', '91350100M000100Y43'],
    ['decimal amount', '13800138000.50'],
    ['decimal fraction', '0.13800138000'],
    ['joined to digits by dash', '13800138000-12'],
    ['letter suffix (part of an id)', '13800138000AB'],
    ['letter prefix (part of an id)', 'DD13800138000'],
    ['e-mail local part', '13800138000@163.com'],
    ['+1 (not mainland)', '+13800138000'],
    ['second digit 2', '12800138000'],
    ['mixed separators', '138-0013 8000'],
  ])('ignores: %s', (_label, text) => {
    expect(keys(text).filter((k) => k.startsWith('mobile:'))).toEqual([]);
  });
});

describe('detectIdentifiers: uscc', () => {
  it.each([
    ['bare', '91350100M000100Y43', 'uscc:91350100M000100Y43'],
    ['after label', '统一社会信用代码：91350100M000100Y43。', 'uscc:91350100M000100Y43'],
    ['lower case on page', 'code 9144030071526726xg', 'uscc:9144030071526726XG'],
    ['all digits', '信用代码914403001922038216', 'uscc:914403001922038216'],
    ['full-width', '９１３３０１００７１６１０５８５２Ｆ', 'uscc:91330100716105852F'],
  ])('finds: %s', (_label, text, expected) => {
    expect(keys(text)).toEqual([expected]);
  });

  it.each([
    ['invalid check char', '91350100M000100Y44'],
    ['invalid check char (all digits)', '911100001000013539'],
    ['inside a longer alphanumeric run', 'X91350100M000100Y43'],
    ['followed by letters', '91350100M000100Y43AB'],
    ['17 chars', '91350100M000100Y4'],
    ['forbidden letter', '91350100M000100I43'],
  ])('ignores: %s', (_label, text) => {
    expect(keys(text).filter((k) => k.startsWith('uscc:'))).toEqual([]);
  });
});

describe('detectIdentifiers: email', () => {
  it.each([
    ['angle brackets with name', '张三 <Zhang.San@Example.COM>', 'email:zhang.san@example.com', 'Zhang.San@Example.COM'],
    ['next to CJK', '邮箱zhang@example.com请联系', 'email:zhang@example.com', 'zhang@example.com'],
    ['full-width parentheses', '李四（li.si@bank.com.cn）', 'email:li.si@bank.com.cn', 'li.si@bank.com.cn'],
    ['trailing period', 'Mail wang@corp.cn.', 'email:wang@corp.cn', 'wang@corp.cn'],
    ['trailing full-width period', '邮箱：wang@corp.cn。', 'email:wang@corp.cn', 'wang@corp.cn'],
    ['plus and digits', 'a.b+tag_1@mail-1.example.org', 'email:a.b+tag_1@mail-1.example.org', 'a.b+tag_1@mail-1.example.org'],
    ['mailto', 'mailto:ZHAO@QQ.COM', 'email:zhao@qq.com', 'ZHAO@QQ.COM'],
    ['full-width characters', 'ｚｈａｏ＠ｑｑ．ｃｏｍ', 'email:zhao@qq.com', 'ｚｈａｏ＠ｑｑ．ｃｏｍ'],
    ['phone-number mailbox', '13800138000@163.com', 'email:13800138000@163.com', '13800138000@163.com'],
  ])('finds: %s', (_label, text, expected, raw) => {
    const got = detectIdentifiers(text);
    expect(got.map((d) => `${d.kind}:${d.value}`)).toEqual([expected]);
    expect(got[0].raw).toBe(raw);
  });

  it.each([
    ['no TLD', 'zhang@localhost'],
    ['no local part', '@example.com'],
    ['numeric TLD', 'zhang@example.123'],
    ['at sign only', 'a @ b'],
    ['TLD glued to digits', 'zhang@example.com123'],
  ])('ignores: %s', (_label, text) => {
    expect(keys(text)).toEqual([]);
  });
});

describe('detectIdentifiers: customer code', () => {
  it.each([
    ['KH pattern', 'KH\\d{6}', '客户编号KH001234，KH001235', ['customerCode:KH001234', 'customerCode:KH001235']],
    ['capture group', '客户编码[:：]\\s*(\\w+)', '客户编码： C-9 / 客户编码:AB12', ['customerCode:C', 'customerCode:AB12']],
    ['full-width colon in pattern', '客户编号：(\\d+)', '客户编号：１２３４５', ['customerCode:12345']],
    ['full-width digits on page', 'KH\\d{6}', 'ＫＨ００１２３４', ['customerCode:KH001234']],
    ['no match', 'KH\\d{6}', 'nothing here', []],
  ])('%s', (_label, pattern, text, expected) => {
    expect(keys(text, { customerCodePattern: pattern })).toEqual(expected);
  });

  it('reports the licence as a customer code too when the pattern matches it', () => {
    expect(keys('许可证440300123456', { customerCodePattern: '\\b4403\\d{8}\\b' })).toEqual([
      'licence:440300123456',
      'customerCode:440300123456',
    ]);
  });

  it('raw is the (trimmed) captured text as on the page', () => {
    const [d] = detectIdentifiers('编号：  ＫＨ００１  ;', { customerCodePattern: '编号:([^;]+)' });
    expect(d).toEqual({ kind: 'customerCode', value: 'KH001', raw: 'ＫＨ００１' });
  });

  it.each([
    ['unbalanced paren', '(KH\\d+'],
    ['bad quantifier', '*KH'],
    ['bad class', '[z-a]'],
  ])('invalid pattern (%s) does not throw and yields no customer codes', (_label, pattern) => {
    expect(compileCustomerCodePattern(pattern)).toBeNull();
    expect(() => detectIdentifiers('KH123456 13800138000', { customerCodePattern: pattern })).not.toThrow();
    expect(keys('KH123456 13800138000', { customerCodePattern: pattern })).toEqual(['mobile:13800138000']);
  });

  it.each([[undefined], [null], ['']])('pattern %s: no customer codes', (pattern) => {
    expect(keys('KH123456', { customerCodePattern: pattern })).toEqual([]);
  });

  it('compiles once per source with the g flag', () => {
    const a = compileCustomerCodePattern('KH\\d{6}');
    expect(a).toBeInstanceOf(RegExp);
    expect(a?.flags).toBe('g');
    expect(compileCustomerCodePattern('KH\\d{6}')).toBe(a);
  });

  it('a pattern that can match empty strings does not loop', () => {
    expect(keys('KH1 x KH2', { customerCodePattern: '(KH\\d)?' })).toEqual(['customerCode:KH1', 'customerCode:KH2']);
  });
});

describe('detectIdentifiers: mixed text', () => {
  it('returns identifiers in order of first appearance, de-duplicated by kind+value', () => {
    const text = [
      '客户：张三 <Zhang.San@Example.COM> 手机 +86 139 0013 9000',
      '许可证号 440300123456 信用代码 91350100M000100Y43',
      '备用手机 13900139000，邮箱 zhang.san@example.com，许可证 440300123456',
      '订单 20251124000123456 金额 123456789012.50 下单 2025-11-24 10:30:00',
    ].join('\n');
    expect(keys(text)).toEqual([
      'email:zhang.san@example.com',
      'mobile:13900139000',
      'licence:440300123456',
      'uscc:91350100M000100Y43',
    ]);
    // First occurrence wins for raw.
    expect(detectIdentifiers(text)[1].raw).toBe('+86 139 0013 9000');
  });

  it('empty text', () => {
    expect(detectIdentifiers('')).toEqual([]);
  });

  it('handles a ~300 kB order table correctly', () => {
    const rows: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const n = String(i).padStart(6, '0');
      rows.push(
        [
          `2025112400${String(i).padStart(7, '0')}`, // 17-digit order number
          `4403${String(i % 500).padStart(8, '0')}`, // licence (500 distinct)
          `店铺${i}`,
          `139${String(i % 250).padStart(8, '0')}`, // mobile (250 distinct)
          `${1000 + i}.50`,
          `2025-11-24 10:${String(i % 60).padStart(2, '0')}:00`,
          `KH${n}`,
          `shop${i % 100}@example.com`, // 100 distinct
          '备注：正常配送，无异常情况。'.repeat(6),
        ].join('\t'),
      );
    }
    const text = rows.join('\n');
    expect(text.length).toBeGreaterThan(150_000);
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(300_000);
    const got = detectIdentifiers(text, { customerCodePattern: 'KH\\d{6}' });
    const count = (k: string) => got.filter((d) => d.kind === k).length;
    expect(count('licence')).toBe(500);
    expect(count('mobile')).toBe(250);
    expect(count('email')).toBe(100);
    expect(count('customerCode')).toBe(2000);
    expect(count('uscc')).toBe(0);
    expect(got.slice(0, 4).map((d) => `${d.kind}:${d.value}`)).toEqual([
      'licence:440300000000',
      'mobile:13900000000',
      'customerCode:KH000000',
      'email:shop0@example.com',
    ]);
  });

  it('stays linear on pathological runs', () => {
    const big = 'a'.repeat(100_000) + '1'.repeat(100_000) + 'a.'.repeat(50_000) + '@' + 'b.'.repeat(50_000) + 'x1';
    expect(detectIdentifiers(big)).toEqual([]);
  });
});
