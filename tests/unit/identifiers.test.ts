import { describe, it, expect } from 'vitest';
import {
  identKey,
  normaliseEmail,
  normaliseLicence,
  normaliseMobile,
  normaliseUscc,
  toHalfWidth,
} from '../../lib/match/identifiers';

describe('toHalfWidth', () => {
  it.each([
    ['１３８００１３８０００', '13800138000'],
    ['ＫＨ００１２３４', 'KH001234'],
    ['ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'zhang@example.com'],
    ['１３８－００１３－８０００', '138-0013-8000'],
    ['（＋８６）１３８', '(+86)138'],
    ['许可证号：４４０３', '许可证号:4403'],
    ['a\u3000b', 'a b'],
    ['plain ascii 123', 'plain ascii 123'],
    ['中文不变', '中文不变'],
    ['', ''],
  ])('%s -> %s', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });

  it('preserves length, so offsets map back to the original text', () => {
    const s = '电话：１３８００１３８０００，邮箱ａ＠ｂ．ｃｎ';
    expect(toHalfWidth(s)).toHaveLength(s.length);
  });
});

describe('normaliseEmail', () => {
  it.each([
    ['  Zhang.San@Example.COM ', 'zhang.san@example.com'],
    ['li@qq.com', 'li@qq.com'],
    ['ＷＡＮＧ＠１６３．ＣＯＭ', 'wang@163.com'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });
});

describe('normaliseMobile', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+86-138-0013-8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['(+86)13800138000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['138.0013.8000', '13800138000'],
    [' 139 0013 9000 ', '13900139000'],
    ['１９９００１９９０００', '19900199000'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseMobile(input)).toBe(expected);
  });

  it.each([
    ['landline', '0755-8888 6666'],
    ['second digit 2', '12800138000'],
    ['second digit 0', '10800138000'],
    ['10 digits', '1380013800'],
    ['12 digits', '138001380001'],
    ['+1 prefix', '+1 13800138000'],
    ['letters', '138abcd8000'],
    ['empty', ''],
  ])('rejects %s: %s', (_label, input) => {
    expect(normaliseMobile(input)).toBeNull();
  });
});

describe('normaliseLicence', () => {
  it.each([
    ['440300123456', '440300123456'],
    [' 440300 123456 ', '440300123456'],
    ['４４０３００１２３４５６', '440300123456'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseLicence(input)).toBe(expected);
  });

  it.each([['44030012345'], ['4403001234567'], ['44030012345X'], ['4403-0012-3456'], ['']])('rejects %s', (input) => {
    expect(normaliseLicence(input)).toBeNull();
  });
});

describe('normaliseUscc', () => {
  it.each([
    ['91350100M000100Y43', '91350100M000100Y43'],
    ['91350100m000100y43', '91350100M000100Y43'],
    [' 9135 0100 M000 100Y 43 ', '91350100M000100Y43'],
    ['９１３５０１００Ｍ０００１００Ｙ４３', '91350100M000100Y43'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseUscc(input)).toBe(expected);
  });

  it.each([['91350100M000100Y44'], ['911100001000013539'], ['91350100M000100I43'], ['91350100M000100Y4'], ['']])(
    'rejects %s',
    (input) => {
      expect(normaliseUscc(input)).toBeNull();
    },
  );
});

describe('identKey', () => {
  it.each([
    ['licence', '440300123456', 'licence:440300123456'],
    ['mobile', '13800138000', 'mobile:13800138000'],
    ['email', 'a@b.cn', 'email:a@b.cn'],
    ['customerCode', 'KH000123', 'customerCode:KH000123'],
    ['uscc', '91350100M000100Y43', 'uscc:91350100M000100Y43'],
  ] as const)('%s %s', (kind, value, key) => {
    expect(identKey(kind, value)).toBe(key);
  });
});
