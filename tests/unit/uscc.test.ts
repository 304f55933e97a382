import { describe, it, expect } from 'vitest';
import { isValidUscc, usccCheckChar, USCC_CHARSET } from '../../lib/match/uscc';

// Real public codes / the GB 32100 example, each verified with this implementation.
const VALID = [
  '91350100M000100Y43', // example from GB 32100-2015
  '914403001922038216',
  '91330100716105852F',
  '9144030071526726XG',
  '91110108551385082Q',
  '91110000802100433B',
  '11100000000013127D', // authority 1 (机构编制)
  '12100000400000624D',
  '91440300MA00000240', // sum ≡ 0 mod 31: check value 31 maps to '0'
  '92440300MA0000015Y', // 个体工商户, check char Y
];

describe('isValidUscc', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it.each([
    ['wrong check char', '91350100M000100Y44'],
    ['wrong check char (all digits)', '911100001000013539'],
    ['transposed digits', '91350100M000010Y43'],
    ['17 chars', '91350100M000100Y4'],
    ['19 chars', '91350100M000100Y433'],
    ['empty', ''],
    ['forbidden I', '91350100M000100I43'],
    ['forbidden O', '91350100O000100Y43'],
    ['forbidden Z', '91350100Z000100Y43'],
    ['forbidden S', '91350100S000100Y43'],
    ['forbidden V', '91350100V000100Y43'],
    ['lower case (canonical form is upper case)', '91350100m000100y43'],
    ['inner space', '91350100 M000100Y43'],
    ['authority 0', '0' + '1350100M000100Y4' + usccCheckChar('01350100M000100Y4')],
    ['category 0', '90350100M000100Y4' + usccCheckChar('90350100M000100Y4')],
    ['letter in area code', '913501A0M000100Y4' + usccCheckChar('913501A0M000100Y4')],
  ])('rejects %s: %s', (_label, code) => {
    expect(isValidUscc(code)).toBe(false);
  });
});

describe('usccCheckChar', () => {
  it.each(VALID.map((c) => [c.slice(0, 17), c[17]]))('%s -> %s', (first17, check) => {
    expect(usccCheckChar(first17)).toBe(check);
  });

  it.each([
    ['too short', '91350100M000100Y'],
    ['too long', '91350100M000100Y43'],
    ['forbidden letter', '91350100M000100I4'],
    ['lower case', '91350100m000100y4'],
  ])('throws on %s', (_label, input) => {
    expect(() => usccCheckChar(input)).toThrow(RangeError);
  });

  it('builds valid codes, and any other check char is rejected', () => {
    let seed = 42;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let i = 0; i < 200; i++) {
      let body = '9' + '123'[rnd(3)] + String(110000 + rnd(700000));
      for (let j = 0; j < 9; j++) body += USCC_CHARSET[rnd(31)];
      const check = usccCheckChar(body);
      expect(isValidUscc(body + check)).toBe(true);
      const other = USCC_CHARSET[(USCC_CHARSET.indexOf(check) + 1 + rnd(30)) % 31];
      expect(isValidUscc(body + other)).toBe(false);
    }
  });
});
