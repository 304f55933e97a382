import { describe, expect, it, vi } from 'vitest';
import {
  NAME_AUTO_LINK_THRESHOLD,
  NAME_CLEAR_MARGIN,
  NameIndex,
  nameWinner,
  type NameCandidate,
  type NameEntry,
} from '../../../lib/match/names/name-index';
import { customerSearchText, pinyinKeys } from '../../../lib/search/pinyin';

/** Entries as the background builds them: the row's stored search text carries the name's pinyin. */
const entry = (id: string, name: string, aliases: string[] = []): NameEntry => ({
  id,
  name,
  aliases,
  search: customerSearchText({ name, aliases, mobiles: [], phones: [], emails: [] }),
});

const BOOK = [
  entry('a', '张记便利店', ['老张小卖部']),
  entry('b', '张记超市'),
  entry('c', '深圳市南山区鑫隆便利店123号店'),
  entry('d', '杭州鑫隆贸易有限公司', ['鑫隆贸易']),
  entry('e', '章记便利店'),
  entry('f', '7-Eleven便利店（南山店）'),
  entry('g', '张记便利店（福田店）'),
  entry('h', '好邻居超市'),
  entry('i', 'Acme Trading Co., Ltd.'),
];

const build = (entries = BOOK) => NameIndex.build(entries, { pinyin: pinyinKeys });
const brief = (cs: NameCandidate[]) => cs.map((c) => [c.customerId, c.confidence, c.reason.kind]);
const top = (index: NameIndex, ...names: string[]) => index.match(names)[0];

describe('NameIndex.match', () => {
  const index = build();

  it('ranks by confidence with reasons (exact, homophone, other branch, other trade)', () => {
    expect(brief(index.match(['张记便利店'], { exhaustive: true }))).toEqual([
      ['a', 0.97, 'exact'],
      ['e', 0.82, 'pinyin'],
      ['g', 0.7, 'partial'],
      ['b', 0.69, 'suffix'],
    ]);
    // With a strong match found by the exact keys, the bigram search for partial ones is skipped.
    expect(brief(index.match(['张记便利店']))).toEqual([
      ['a', 0.97, 'exact'],
      ['e', 0.82, 'pinyin'],
      ['b', 0.69, 'suffix'],
    ]);
    expect(brief(index.match(['张记便利店(南山店)']))).toEqual([
      ['a', 0.7, 'partial'],
      ['g', 0.5, 'partial'],
      ['e', 0.5, 'partial'],
      ['f', 0.489, 'partial'],
    ]);
  });

  it('ignores width, case, spaces and punctuation', () => {
    expect(top(index, '７－ＥＬＥＶＥＮ 便利店（南山店）')).toMatchObject({ customerId: 'f', confidence: 0.97, reason: { kind: 'exact' } });
    expect(top(index, 'ACME trading co ltd')).toMatchObject({ customerId: 'i', reason: { kind: 'exact' } });
  });

  it('matches with a suffix changed, added or left out', () => {
    expect(top(index, '杭州鑫隆贸易有限责任公司')).toMatchObject({ customerId: 'd', confidence: 0.95, reason: { kind: 'suffix', matched: '杭州鑫隆贸易有限公司' } });
    expect(top(index, '张记便利')).toMatchObject({ customerId: 'a', confidence: 0.92, reason: { kind: 'suffix' } });
    expect(top(index, '好邻居')).toMatchObject({ customerId: 'h', confidence: 0.92, reason: { kind: 'suffix' } });
    expect(top(index, 'Acme')).toMatchObject({ customerId: 'i', reason: { kind: 'suffix' } });
  });

  it('matches without the leading region, and a branch written otherwise', () => {
    expect(top(index, '鑫隆便利店123号店')).toMatchObject({ customerId: 'c', confidence: 0.9, reason: { kind: 'core' } });
    expect(top(index, '南山区鑫隆便利店123号店')).toMatchObject({ customerId: 'c', confidence: 0.9, reason: { kind: 'core' } });
    expect(top(index, '张记便利店福田分店')).toMatchObject({ customerId: 'g', confidence: 0.95 });
  });

  it('matches an alias and says so', () => {
    expect(top(index, '老张小卖部')).toEqual({
      customerId: 'a',
      name: '张记便利店',
      confidence: 0.96,
      reason: { kind: 'exact', matched: '老张小卖部', alias: true, query: '老张小卖部' },
    });
  });

  it('matches pinyin and initials; a homophone book makes pinyin ambiguous', () => {
    expect(brief(index.match(['Zhangji Bianlidian']).slice(0, 2))).toEqual([
      ['a', 0.9, 'pinyin'],
      ['e', 0.9, 'pinyin'],
    ]);
    expect(top(index, 'Haolinju Chaoshi')).toMatchObject({ customerId: 'h', confidence: 0.9, reason: { kind: 'pinyin', matched: '好邻居超市' } });
    expect(top(index, 'hljcs')).toMatchObject({ customerId: 'h', confidence: 0.72, reason: { kind: 'initials' } });
    const alone = build([entry('a', '张记便利店'), entry('h', '好邻居超市')]);
    expect(nameWinner(alone.match(['Zhangji Bianlidian']))?.customerId).toBe('a');
    expect(top(alone, 'zjbld')).toMatchObject({ customerId: 'a', reason: { kind: 'initials' } });
  });

  it('reads email display names and several page names', () => {
    expect(top(index, '"好邻居超市" <hlj@163.com>')).toMatchObject({ customerId: 'h', reason: { kind: 'exact', query: '好邻居超市' } });
    expect(top(index, 'Zhang Ji Store <zj@163.com>')).toMatchObject({ reason: { kind: 'pinyin', query: 'Zhang Ji Store' } });
    const both = index.match(['无关文字', '好邻居超市 Haolinju Chaoshi']);
    expect(both[0]).toMatchObject({ customerId: 'h', confidence: 0.97 });
  });

  it('keeps weak and partial matches below the threshold', () => {
    // a short core alone, an unknown branch, another branch, a typo, a homophone, initials
    for (const q of ['张记', '鑫隆', '鑫隆便利店', '张记便利店(南山店)', '深圳市南山区鑫隆便利店124号店', '深圳市南山区鑫龙便利店123号店', '好林居超市', 'hljcs']) {
      const cs = index.match([q]);
      expect(cs.length, q).toBeGreaterThan(0);
      expect(cs[0].confidence, q).toBeLessThan(NAME_AUTO_LINK_THRESHOLD);
      expect(nameWinner(cs), q).toBeUndefined();
    }
    expect(index.match(['不存在的客户名称'])).toEqual([]);
    expect(index.match(['zj@163.com', '', '  '])).toEqual([]);
  });

  it('links only a clear winner', () => {
    const twins = build([entry('x', '张记便利店'), entry('y', '张记便利店')]);
    const cs = twins.match(['张记便利店']);
    expect(brief(cs)).toEqual([
      ['x', 0.97, 'exact'],
      ['y', 0.97, 'exact'],
    ]);
    expect(nameWinner(cs)).toBeUndefined();
    const c = (customerId: string, confidence: number): NameCandidate => ({ customerId, name: customerId, confidence, reason: { kind: 'exact', matched: '', alias: false, query: '' } });
    expect(nameWinner([c('x', NAME_AUTO_LINK_THRESHOLD), c('y', NAME_AUTO_LINK_THRESHOLD - NAME_CLEAR_MARGIN)])?.customerId).toBe('x');
    expect(nameWinner([c('x', 0.97), c('y', 0.9)])).toBeUndefined();
    expect(nameWinner([c('x', NAME_AUTO_LINK_THRESHOLD - 0.01)])).toBeUndefined();
    expect(nameWinner([])).toBeUndefined();
    // the only exact match wins over a close suffix variant: the page names one of the two shops
    const shops = build([entry('x', '好邻居便利店'), entry('y', '好邻居商店')]);
    expect(brief(shops.match(['好邻居便利店']))).toEqual([
      ['x', 0.97, 'exact'],
      ['y', 0.92, 'suffix'],
    ]);
    expect(nameWinner(shops.match(['好邻居便利店']))?.customerId).toBe('x');
    expect(nameWinner(shops.match(['好邻居']))).toBeUndefined();
  });

  it('honours limit and minConfidence', () => {
    expect(index.match(['张记便利店'], { limit: 2 })).toHaveLength(2);
    expect(brief(index.match(['张记便利店'], { minConfidence: 0.8 }))).toEqual([
      ['a', 0.97, 'exact'],
      ['e', 0.82, 'pinyin'],
    ]);
  });

  it('reads pinyin from the search text, not pinyin-pro, for names', () => {
    const pinyin = vi.fn(pinyinKeys);
    const idx = NameIndex.build([entry('a', '张记便利店'), entry('h', '好邻居超市')], { pinyin });
    expect(pinyin).not.toHaveBeenCalled();
    expect(top(idx, 'zhangjibianlidian')?.customerId).toBe('a');
    // without a search text (or a stale one) the function is the fallback
    NameIndex.build([{ id: 'a', name: '张记便利店' }, { ...entry('b', '李记超市'), name: '王记超市' }], { pinyin });
    expect(pinyin).toHaveBeenCalledTimes(2);
  });
});

describe('NameIndex upsert and remove', () => {
  it('adds, renames and removes customers without a rebuild', () => {
    const index = build();
    expect(index.size).toBe(BOOK.length);
    index.upsert(entry('n', '福满烟酒商行'));
    expect(index.size).toBe(BOOK.length + 1);
    expect(top(index, '福满烟酒商行')).toMatchObject({ customerId: 'n', reason: { kind: 'exact' } });
    expect(top(index, 'fmyjsh')).toMatchObject({ customerId: 'n', reason: { kind: 'initials' } });

    // rename a built customer: the old name no longer finds it
    index.upsert(entry('h', '好邻居便利店'));
    expect(index.match(['好邻居超市']).find((c) => c.customerId === 'h')?.reason.kind).not.toBe('exact');
    expect(top(index, '好邻居便利店')).toMatchObject({ customerId: 'h', name: '好邻居便利店', reason: { kind: 'exact' } });
    // rename an added one twice
    index.upsert(entry('n', '福满商店', ['福满小卖部']));
    expect(index.match(['福满烟酒商行']).every((c) => c.reason.kind !== 'exact')).toBe(true);
    expect(top(index, '福满小卖部')).toMatchObject({ customerId: 'n', reason: { alias: true } });
    expect(index.size).toBe(BOOK.length + 1);

    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    expect(index.match(['老张小卖部']).map((c) => c.customerId)).not.toContain('a');
    expect(index.remove('n')).toBe(true);
    expect(index.match(['福满小卖部'])).toEqual([]);
    expect(index.has('n')).toBe(false);
    expect(index.has('b')).toBe(true);
    expect(index.size).toBe(BOOK.length - 1);
    expect(index.remove('nobody')).toBe(false);
  });
});

describe('NameIndex serialise / deserialise', () => {
  const queries = ['张记便利店', '老张小卖部', '鑫隆便利店123号店', 'Zhangji Bianlidian', 'hljcs', '张记', '福满烟酒商行', 'Acme'];

  it('round-trips through structured clone (as IndexedDB stores it) with the same answers', () => {
    const index = build();
    const copy = NameIndex.deserialise(structuredClone(index.serialise()), { pinyin: pinyinKeys });
    expect(copy.size).toBe(index.size);
    for (const q of queries) expect(copy.match([q]), q).toEqual(index.match([q]));
  });

  it('folds changes in: a serialised index with edits answers like one built from the edited book', () => {
    const index = build();
    index.upsert(entry('n', '福满烟酒商行'));
    index.upsert(entry('h', '好邻居便利店'));
    index.remove('b');
    const copy = NameIndex.deserialise(structuredClone(index.serialise()), { pinyin: pinyinKeys });
    const fresh = build([...BOOK.filter((e) => e.id !== 'b' && e.id !== 'h'), entry('h', '好邻居便利店'), entry('n', '福满烟酒商行')]);
    expect(copy.size).toBe(fresh.size);
    for (const q of [...queries, '好邻居便利店', '张记超市']) {
      const byId = (cs: NameCandidate[]) => [...cs].sort((x, y) => (x.customerId < y.customerId ? -1 : 1));
      expect(byId(copy.match([q])), q).toEqual(byId(fresh.match([q])));
    }
  });

  it('rejects data of another format or cut short', () => {
    const data = build().serialise();
    expect(() => NameIndex.deserialise({ ...data, format: 999 })).toThrow();
    expect(() => NameIndex.deserialise({ ...data, postings: data.postings.subarray(1) })).toThrow();
  });

  it('builds an empty index', () => {
    const empty = NameIndex.build([]);
    expect(empty.size).toBe(0);
    expect(empty.match(['张记便利店'])).toEqual([]);
    const copy = NameIndex.deserialise(empty.serialise());
    copy.upsert(entry('a', '张记便利店'));
    expect(top(copy, '张记便利店')?.customerId).toBe('a');
  });
});
