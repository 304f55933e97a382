// Unified social credit code (统一社会信用代码), GB 32100-2015.
// Layout: [1] registration authority, [2] organisation category, [3-8] area code,
// [9-17] organisation code, [18] check character.

/** Value of a character is its index; I, O, Z, S, V are not used. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

// Authority 1-9/A/N/Y, category 1-9 and a numeric area code: these structural
// checks cut false positives on random 18-char runs (ID cards, hashes) well
// below the 1/31 the check character alone would give.
const SHAPE = /^[1-9ANY][1-9]\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/;

/** Check character for the first 17 characters (upper case). Throws on bad input. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('usccCheckChar: need 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]);
    if (v < 0) throw new RangeError(`usccCheckChar: invalid character ${first17[i]}`);
    sum += v * WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]; // 31 -> '0'
}

/** True for a structurally valid, check-char-correct code in canonical (upper-case, no spaces) form. */
export function isValidUscc(code: string): boolean {
  return SHAPE.test(code) && usccCheckChar(code.slice(0, 17)) === code[17];
}
