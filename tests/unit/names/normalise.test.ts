import { describe, expect, it } from 'vitest';
import { branchOf, cleanPageName, coreOf, normaliseName, parseName, regionOf, stripPinyinSuffixes } from '../../../lib/match/names/normalise';
import { HAN_SUFFIXES, LATIN_SUFFIX_WORDS, SUFFIX } from '../../../lib/match/names/suffixes';

const parts = (raw: string) => {
  const p = parseName(raw);
  return { norm: p.norm, region: regionOf(p), core: coreOf(p), branch: branchOf(p) };
};

describe('full-width and half-width forms, case, spaces and punctuation', () => {
  it.each([
    ['ＡＢＣ超市', 'abc超市'],
    ['ａｂｃ　超市', 'abc超市'],
    ['张记便利店１２３号店', '张记便利店123号店'],
    ['Zhang Ji Store', 'zhangjistore'],
    ['张记·便利店！', '张记便利店'],
    ['《张记》便利店', '张记便利店'],
    ['7-Eleven 便利店', '7eleven便利店'],
    ['  张记 便利店\t', '张记便利店'],
  ])('%s → %s', (raw, norm) => {
    expect(normaliseName(raw)).toBe(norm);
  });

  it('reads full-width brackets like ASCII ones', () => {
    expect(parts('张记便利店（南山店）')).toEqual(parts('张记便利店(南山店)'));
    expect(parts('张记便利店【南山店】').branch).toBe('南山');
  });
});

describe('suffixes', () => {
  it.each(HAN_SUFFIXES.map((s) => [s.text, s.classes] as const))('鑫隆%s loses its suffix', (text, classes) => {
    const p = parseName(`鑫隆${text}`);
    expect(coreOf(p)).toBe('鑫隆');
    expect(p.suffixes & classes).toBe(classes);
  });

  it.each(LATIN_SUFFIX_WORDS.map((s) => [s.words] as const))('Zhangji %s loses its suffix words', (words) => {
    expect(coreOf(parseName(`Zhangji ${words}`))).toBe('zhangji');
  });

  it('takes off several suffixes, longest first', () => {
    expect(parts('鑫隆烟酒商行有限公司')).toMatchObject({ core: '鑫隆' });
    expect(parts('张记超市有限责任公司').core).toBe('张记');
    expect(parts('Acme Trading Co., Ltd.').core).toBe('acme');
    expect(parseName('张记烟酒商行').suffixes).toBe(SUFFIX.tobacco | SUFFIX.shop);
  });

  it('never strips a name down to nothing (at least two characters stay)', () => {
    expect(parts('店').core).toBe('店');
    expect(parts('超市').core).toBe('超市');
    expect(parts('张店').core).toBe('张店');
    expect(parts('有限公司').core).toBe('有限公司');
    expect(parts('好超市').core).toBe('好超市');
    expect(parts('Store').core).toBe('store');
  });

  it('keeps Latin words that merely end like a suffix', () => {
    expect(parts('Tesco').core).toBe('tesco');
    expect(parts('Meridian').core).toBe('meridian');
  });
});

describe('branches', () => {
  it.each([
    ['深圳市南山区鑫隆便利店123号店', '123', '鑫隆'],
    ['鑫隆便利店第二分店', '二', '鑫隆'],
    ['张记便利店（南山店）', '南山', '张记'],
    ['华润万家(南山分店)', '南山', '华润万家'],
    ['招商银行深圳分行', '深圳', '招商银行'],
  ])('%s: branch %s, core %s', (raw, branch, core) => {
    expect(parts(raw)).toMatchObject({ branch, core });
  });
});

describe('leading administrative regions', () => {
  it.each([
    ['深圳市南山区鑫隆便利店', '深圳市南山区', '鑫隆'],
    ['广东省深圳市福田区华强北小区便利店', '广东省深圳市福田区', '华强北小区'],
    ['宝安区福满烟酒商行', '宝安区', '福满'],
    ['大兴县城关镇张记商店', '大兴县城关镇', '张记'],
    ['【深圳】张记超市', '深圳', '张记'],
    // not regions: a shop word ending in 市 or 区, or nothing left after the region
    ['好又多超市', '', '好又多'],
    ['新城市便利店', '', '新城市'],
    ['社区便利店', '', '社区'],
    ['南山区便利店', '', '南山区'],
  ])('%s: region "%s", core %s', (raw, region, core) => {
    expect(parts(raw)).toMatchObject({ region, core });
  });
});

describe('email display names and page text', () => {
  it.each([
    ['张记便利店 <zj@163.com>', '张记便利店'],
    ['"张记便利店" <zj@163.com>', '张记便利店'],
    ['“张记便利店”', '张记便利店'],
    ['Zhang Ji Store <zhangji.store@example.cn>', 'Zhang Ji Store'],
    ['zj@163.com', ''],
  ])('%s → %s', (raw, clean) => {
    expect(cleanPageName(raw)).toBe(clean);
  });

  it('parses "Zhang Ji Store" and "Zhangji Bianlidian" to the core "zhangji"', () => {
    expect(parts('Zhang Ji Store <zj@163.com>')).toMatchObject({ norm: 'zhangjistore', core: 'zhangji' });
    expect(parts('Zhangji Bianlidian').core).toBe('zhangji');
  });
});

describe('stripPinyinSuffixes (queries only)', () => {
  it.each([
    ['zhangjibianlidian', 'zhangji'],
    ['zhangjichaoshi', 'zhangji'],
    ['xinlongyouxiangongsi', 'xinlong'],
    ['zhangjidian', 'zhangji'],
    ['dian', 'dian'],
    ['abcdian', 'abc'],
  ])('%s → %s', (s, out) => {
    expect(stripPinyinSuffixes(s)).toBe(out);
  });
});
