import { describe, expect, it } from 'vitest';
import { alignPinyin, namePinyinFromSearch, uToV } from '../../../lib/match/names/pinyin-align';
import { letters } from '../../../lib/match/names/normalise';
import { customerSearchText, pinyinKeys } from '../../../lib/search/pinyin';

const customer = (name: string, aliases: string[] = []) => ({ name, aliases, mobiles: [], phones: [], emails: [] });

describe('alignPinyin', () => {
  it.each([
    ['张记便利店', [0, 5, 7, 11, 13, 17]],
    // the next initial also occurs inside the syllable: xi|an, not x|ian
    ['西安商行', [0, 2, 4, 9, 13]],
    ['先安超市', [0, 4, 6, 10, 13]],
    ['7eleven便利店', [0, 1, 2, 3, 4, 5, 6, 7, 11, 13, 17]],
    ['鑫隆便利店123号店', [0, 3, 7, 11, 13, 17, 18, 19, 20, 23, 27]],
  ])('%s', (norm, offsets) => {
    const k = pinyinKeys(norm);
    expect(Array.from(alignPinyin(norm, k.initials, k.full)!)).toEqual(offsets);
  });

  it('reads ü as v', () => {
    const k = pinyinKeys('绿色超市');
    expect(uToV(k.full)).toBe('lvsechaoshi');
    expect(alignPinyin('绿色超市', k.initials, uToV(k.full))).not.toBeNull();
  });

  it('says null when the pinyin does not fit the name', () => {
    expect(alignPinyin('张记', 'zj', 'zhangjibianlidian')).toBeNull();
    expect(alignPinyin('张记便利店', 'zjb', 'zhangjibian')).toBeNull();
    expect(alignPinyin('张记', 'zj', 'zhangqi')).toBeNull();
  });
});

describe('namePinyinFromSearch', () => {
  it.each(['张记便利店', '7-Eleven便利店', 'Seven Eleven', 'ＡＢＣ超市', '单记超市'])('reads back the pinyin customerSearchText stored for %s', (name) => {
    const stored = namePinyinFromSearch(customerSearchText(customer(name, ['老张小卖部'])), letters(name));
    const k = pinyinKeys(name);
    expect(stored).toEqual({ full: k.full, initials: k.initials });
  });

  it('says null for a search text made from another name', () => {
    expect(namePinyinFromSearch(customerSearchText(customer('张记便利店')), letters('李记超市'))).toBeNull();
    expect(namePinyinFromSearch('', '张记')).toBeNull();
  });
});
