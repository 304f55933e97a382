import { describe, expect, it } from 'vitest';
import { CustomerSearchIndex, GROUP, ITEM, normaliseQuery } from '../../../lib/search/index';
import { customerSearchText, type SearchableCustomer } from '../../../lib/search/pinyin';

interface Row {
  id: string;
  name: string;
  class?: string;
  segment?: string;
  search: string;
}

const row = (id: string, c: Partial<SearchableCustomer> & { name: string; class?: string; segment?: string }): Row => {
  const customer: SearchableCustomer = { aliases: [], mobiles: [], phones: [], emails: [], ...c };
  return { id, name: c.name, class: c.class, segment: c.segment, search: customerSearchText(customer) };
};

const FIXTURE: Row[] = [
  row('a', {
    name: '张记便利店',
    licenceNo: '330106123456',
    customerCode: 'C0042',
    mobiles: ['13800001234'],
    emails: ['zhang@example.com'],
    address: '杭州市西湖区文三路123号',
    owner: '张三',
    class: '28',
    segment: 'core',
  }),
  row('b', {
    name: '张氏烟酒商行',
    licenceNo: '330106654321',
    customerCode: 'C0043',
    mobiles: ['13900005678'],
    address: '杭州市西湖区文二路8号',
    owner: '张伟',
    class: '20',
  }),
  row('c', {
    name: '浙江张记贸易有限公司',
    uscc: '91330106MA27XU2Q3X',
    phones: ['0571-88886666'],
    address: '杭州市西湖区文二路66号',
    class: '28',
  }),
  row('d', { name: '阿明商店', aliases: ['张记老店'], licenceNo: '330106000001', class: '10' }),
  row('e', { name: '陈家店', aliases: ['老张记'], class: '10' }),
  row('f', { name: '阿福超市', address: '张记路1号', owner: '王五' }),
  row('g', { name: '阿里便利店', licenceNo: '330200111111', customerCode: 'C00421', mobiles: ['13800009999'] }),
  row('h', { name: '中国银行文三路支行' }),
  row('i', { name: '重庆火锅食杂店' }),
  row('j', { name: '单记超市' }),
  row('k', { name: 'ZJ Mart' }),
  row('l', { name: '阿ZJ商店' }),
  row('m', { name: '李记便利店', address: '杭州市西湖区文三路200号', owner: '李四' }),
  row('n', { name: '10号店' }),
  row('o', { name: '2号店' }),
];

const makeIndex = (rows: Row[] = FIXTURE) => {
  const index = new CustomerSearchIndex<Row>();
  index.build(rows);
  return index;
};
const collator = new Intl.Collator('zh-CN', { numeric: true });
const nameOf = (id: string) => FIXTURE.find((r) => r.id === id)!.name;

describe('normaliseQuery', () => {
  it.each([
    ['  张记 ', ['张记']],
    ['ZhangJi', ['zhangji']],
    ['zhang ji', ['zhangji']],
    ['zhang  ji  bian', ['zhangjibian']],
    ['138 0000', ['1380000']],
    ['0571-8888', ['05718888']],
    ['+86 138 0000 1234', ['13800001234']],
    ['(0571) 8888-6666', ['057188886666']],
    ['张记 文三路', ['张记', '文三路']],
    ['张记\u3000文三路', ['张记', '文三路']],
    ['ｚｈａｎｇ　ｊｉ', ['zhangji']],
    ['１３８－００００', ['1380000']],
    ['zhangji 3301', ['zhangji', '3301']],
    ['张记 张记便利', ['张记便利']],
    ['a\u0001b', ['ab']],
    ['   ', []],
  ])('%j → %j', (q, terms) => {
    expect(normaliseQuery(q)).toEqual(terms);
  });
});

describe('CustomerSearchIndex.query: every kind of query', () => {
  const index = makeIndex();
  it.each([
    // name, prefix and substring
    { q: '张记', ids: ['a', 'c', 'd', 'e', 'f'] },
    { q: '便利店', ids: ['g', 'm', 'a'] },
    { q: '张三', ids: ['a'] },
    // pinyin: initials, full, with spaces, mixed case; polyphones
    { q: 'zjbld', ids: ['a'] },
    { q: 'zhangji', ids: ['a', 'd', 'e', 'c'] },
    { q: 'zhang ji', ids: ['a', 'd', 'e', 'c'] },
    { q: 'ZhangJi', ids: ['a', 'd', 'e', 'c'] },
    { q: 'zj', ids: ['k', 'a', 'c', 'l', 'd', 'e'] },
    { q: 'zgyh', ids: ['h'] },
    { q: 'yinhang', ids: ['h'] },
    { q: 'chongqing', ids: ['i'] },
    { q: 'shanji', ids: ['j'] },
    // identifiers, whole and partial
    { q: '3301', ids: ['d', 'a', 'b', 'c'] },
    { q: '138 0000', ids: ['g', 'a'] },
    { q: '13800001234', ids: ['a'] },
    { q: '+86 138 0000 1234', ids: ['a'] },
    { q: 'ZHANG@EXAMPLE.COM', ids: ['a'] },
    { q: 'example', ids: ['a'] },
    { q: 'C0042', ids: ['a', 'g'] },
    { q: '91330106MA27XU2Q3X', ids: ['c'] },
    { q: '0571-8888', ids: ['c'] },
    // address
    { q: '文三路', ids: ['h', 'm', 'a'] },
    // full-width input
    { q: 'ｚｊｂｌｄ', ids: ['a'] },
    { q: '１３８００００１２３４', ids: ['a'] },
    { q: 'Ｃ００４２', ids: ['a', 'g'] },
    // no match
    { q: 'xyzq', ids: [] },
  ])('$q → $ids', ({ q, ids }) => {
    const result = index.query(q);
    expect(result.ids).toEqual(ids);
    expect(result.total).toBe(ids.length);
  });
});

describe('ranking', () => {
  const index = makeIndex();
  // In each pair the better-ranked row sorts after the other by name, so only the rank puts it first.
  it.each([
    { rule: 'exact identifier > identifier contains', q: 'c0042', better: 'a', worse: 'g' },
    { rule: 'name starts with > pinyin starts with', q: 'zj', better: 'k', worse: 'a' },
    { rule: 'pinyin starts with > name contains', q: 'zj', better: 'a', worse: 'l' },
    { rule: 'name contains > alias contains', q: '张记', better: 'c', worse: 'd' },
    { rule: 'alias contains > address contains', q: '张记', better: 'e', worse: 'f' },
    { rule: 'name contains > address contains', q: '文三路', better: 'h', worse: 'm' },
  ])('$rule ($q)', ({ q, better, worse }) => {
    expect(collator.compare(nameOf(better), nameOf(worse))).toBeGreaterThan(0);
    const { ids } = index.query(q);
    expect(ids).toContain(worse);
    expect(ids.indexOf(better)).toBeLessThan(ids.indexOf(worse));
  });

  it('an exact identifier beats a name starting with the query', () => {
    const idx = makeIndex([row('x', { name: 'C0042 Store' }), row('y', { name: 'Zed', customerCode: 'C0042' })]);
    expect(collator.compare('Zed', 'C0042 Store')).toBeGreaterThan(0);
    expect(idx.query('c0042').ids).toEqual(['y', 'x']);
  });

  it('ties are in name order (zh collation, numbers by value)', () => {
    expect(index.query('号店').ids).toEqual(['o', 'n']); // 2号店 before 10号店
    expect(index.query('店').ids.slice(0, 4)).toEqual(['o', 'n', 'g', 'd']); // all "name contains": by name
  });
});

describe('AND terms', () => {
  const index = makeIndex();
  it.each([
    { q: '张记 文三路', ids: ['a'] },
    { q: '张记 文二路', ids: ['c'] },
    { q: '便利店 文三路', ids: ['m', 'a'] },
    { q: 'zhangji 文三路', ids: ['a'] },
    { q: '文三路 3301', ids: ['a'] },
    { q: '张记 xyzq', ids: [] },
  ])('$q → $ids', ({ q, ids }) => {
    expect(index.query(q).ids).toEqual(ids);
  });
});

describe('no match across field or row boundaries', () => {
  const index = makeIndex();
  it.each([
    ['店zhang', 'name end + pinyin'],
    ['dianzjbld', 'pinyin full + initials'],
    ['zjbld330106', 'initials + licence'],
    ['123456c0042', 'licence + customer code'],
    ['1234zhang', 'mobile + email'],
    ['com张三', 'email + owner'],
    ['张三杭州', 'owner + address'],
    ['123号张氏', 'end of one row + start of the next (张记便利店 → 张氏烟酒商行)'],
  ])('%s (%s)', (q) => {
    expect(index.query(q)).toEqual({ ids: [], total: 0 });
  });

  it('the parts on either side of each boundary do match on their own', () => {
    for (const q of ['便利店', 'zhang', 'dian', 'zjbld', '330106', '123456', 'c0042', '1234', 'com', '张三', '杭州', '123号', '张氏']) {
      expect(index.query(q).total, q).toBeGreaterThan(0);
    }
  });
});

describe('filters, limit and total', () => {
  const index = makeIndex();
  it('counts and returns only rows passing the filter', () => {
    expect(index.query('张记', { filter: (r) => r.class === '28' })).toEqual({ ids: ['a', 'c'], total: 2 });
    expect(index.query('', { filter: (r) => r.segment === 'core' })).toEqual({ ids: ['a'], total: 1 });
  });

  it('a new filter function gives new results', () => {
    expect(index.query('张记', { filter: (r) => r.class === '10' }).ids).toEqual(['d', 'e']);
    expect(index.query('张记', { filter: (r) => r.class === '20' }).ids).toEqual([]);
  });

  it('limit cuts the ids, not the total', () => {
    expect(index.query('张记', { limit: 2 })).toEqual({ ids: ['a', 'c'], total: 5 });
    expect(index.query('张记', { limit: 0 })).toEqual({ ids: [], total: 5 });
  });
});

describe('empty query', () => {
  it('gives every row in name order: pinyin order, numbers by value, Latin after Han', () => {
    const { ids, total } = makeIndex().query('  ');
    expect(total).toBe(FIXTURE.length);
    expect(ids.map(nameOf)).toEqual([
      '2号店',
      '10号店',
      '阿福超市',
      '阿里便利店',
      '阿明商店',
      '阿ZJ商店',
      '陈家店',
      '重庆火锅食杂店',
      '单记超市',
      '李记便利店',
      '张记便利店',
      '张氏烟酒商行',
      '浙江张记贸易有限公司',
      '中国银行文三路支行',
      'ZJ Mart',
    ]);
  });
});

describe('upsert and remove', () => {
  it('adds, replaces and removes rows', () => {
    const index = makeIndex();
    index.upsert(row('p', { name: '张记新店', address: '文三路9号' }));
    expect(index.size).toBe(FIXTURE.length + 1);
    expect(index.query('张记新').ids).toEqual(['p']);
    expect(index.query('张记').ids.slice(0, 2)).toEqual(['a', 'p']);

    // rename: old name no longer matches, new one does, and the name order follows
    index.upsert(row('p', { name: '阿宝商店' }));
    expect(index.size).toBe(FIXTURE.length + 1);
    expect(index.query('张记新').total).toBe(0);
    expect(index.query('文三路').ids).not.toContain('p');
    expect(index.query('').ids.slice(2, 4).map((id) => index.get(id)!.name)).toEqual(['阿宝商店', '阿福超市']);

    expect(index.remove('p')).toBe(true);
    expect(index.remove('p')).toBe(false);
    expect(index.has('p')).toBe(false);
    expect(index.query('阿宝').total).toBe(0);
    expect(index.size).toBe(FIXTURE.length);
  });

  it('a change between two keystrokes is seen by the next one', () => {
    const index = makeIndex();
    expect(index.query('张').total).toBe(6);
    // sorts last (Latin after Han), where the previous query had no match
    index.upsert(row('p', { name: 'Zhang 张记' }));
    expect(index.query('张记').ids).toEqual(['a', 'c', 'p', 'd', 'e', 'f']); // p: name contains
    index.remove('a');
    expect(index.query('张记 ').ids).toEqual(['c', 'p', 'd', 'e', 'f']);
  });

  it('a filter result is reused by key or by function, and only while the key or function is the same', () => {
    const rows = synthetic(3000, 13); // enough matches for the filter to be run over all rows and kept
    const index = makeIndex(rows);
    let wanted = '2';
    const byWanted = (r: Row) => r.class === wanted;
    const count = (c: string) => rows.filter((r) => r.class === c).length;
    expect(index.query('', { filter: byWanted }).total).toBe(count('2'));
    wanted = '3'; // same function object: its earlier result is reused (documented)
    expect(index.query('', { filter: byWanted }).total).toBe(count('2'));
    expect(index.query('', { filter: (r) => r.class === '3' }).total).toBe(count('3')); // new function
    expect(index.query('', { filter: (r) => r.class === '4', filterKey: 'class=4' }).total).toBe(count('4'));
    expect(index.query('', { filter: (r) => r.class === '0', filterKey: 'class=4' }).total).toBe(count('4')); // same key
    expect(index.query('', { filter: (r) => r.class === '0', filterKey: 'class=0' }).total).toBe(count('0'));
    expect(new Set([count('0'), count('2'), count('3'), count('4')]).size).toBe(4);
  });

  it('a filter result is not reused after a change', () => {
    // enough rows for the filter to be run over all rows once and kept
    const rows = synthetic(3000, 11);
    const index = makeIndex(rows);
    const core = (r: Row) => r.segment === 'core';
    expect(index.query('', { filter: core }).total).toBe(0);
    expect(index.query('', { filter: core }).total).toBe(0);
    index.upsert({ ...rows[5], segment: 'core' });
    index.upsert(row('new', { name: '张记新店', segment: 'core' }));
    expect(index.query('', { filter: core })).toEqual({ ids: [rows[5].id, 'new'].sort((x, y) => collator.compare(index.get(x)!.name, index.get(y)!.name)), total: 2 });
  });

  it('building from rows with a repeated id keeps the last one', () => {
    const index = makeIndex([row('x', { name: '旧名' }), row('x', { name: '新名' })]);
    expect(index.size).toBe(1);
    expect(index.query('').ids).toEqual(['x']);
    expect(index.query('旧名').total).toBe(0);
  });
});

// ---- against a plain reference implementation, on enough rows for several chunks ----

/** The documented ranking, written the slow and obvious way. */
function reference(rows: Row[], q: string, limit: number, filter?: (r: Row) => boolean) {
  const terms = normaliseQuery(q);
  const rankOf = (text: string, t: string): number => {
    const [name = '', py = '', aliases = '', ids = ''] = text.split(GROUP);
    if (ids.split(ITEM).includes(t)) return 0;
    if (name.startsWith(t)) return 1;
    if (py.split(ITEM).some((p) => p.startsWith(t))) return 2;
    if (name.includes(t)) return 3;
    if (py.includes(t) || aliases.includes(t)) return 4;
    return 5;
  };
  const hits = rows
    .filter((r) => (!filter || filter(r)) && terms.every((t) => r.search.includes(t)))
    .map((r) => ({ r, rank: terms.length ? Math.min(...terms.map((t) => rankOf(r.search, t))) : 0 }))
    .sort((x, y) => x.rank - y.rank || collator.compare(x.r.name, y.r.name) || (x.r.id < y.r.id ? -1 : 1));
  return { ids: hits.slice(0, limit).map((h) => h.r.id), total: hits.length };
}

function synthetic(count: number, seed: number): Row[] {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pick = <T,>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  const surnames = [...'张王李刘陈杨黄赵吴周单曾解区'];
  const kinds = ['便利店', '烟酒商行', '超市', '食杂店', '有限公司', '商店'];
  const roads = ['文三路', '文二路', '学院路', '解放路', '延安路'];
  return Array.from({ length: count }, (_, i) => {
    const owner = pick(surnames) + pick(['伟', '芳', '建华', '三']);
    return row(`r${i}`, {
      name: rnd() < 0.7 ? owner[0] + pick(['记', '氏', '家']) + pick(kinds) : pick(['好邻居', '鑫隆', '7-Eleven', 'ZJ']) + pick(kinds) + (rnd() < 0.3 ? `${i % 20}号店` : ''),
      aliases: rnd() < 0.1 ? [owner + '的店'] : [],
      licenceNo: pick(['3301', '3302']) + digits(8),
      customerCode: `C${String(i % 500).padStart(4, '0')}${rnd() < 0.5 ? '' : digits(1)}`,
      mobiles: [`13${digits(9)}`],
      address: `杭州市${pick(roads)}${Math.floor(rnd() * 300)}号`,
      owner,
      class: String(Math.floor(rnd() * 5)),
    });
  });
}

describe('agrees with the reference on thousands of rows', () => {
  const QUERIES = ['张', '张记', '记', 'z', 'zj', 'zhang', 'zhangji', 'shan', 'xie', '3301', '13', '1', '文三路', 'c00', 'c0042', 'c00421', '张 文三', '好邻居 3302', '7eleven', 'zj 便利', 'xyzq', ''];
  const rows = synthetic(5000, 7);
  const classTwo = (r: Row) => r.class === '2';

  it('after build, with and without a filter, typing each query key by key', { timeout: 60_000 }, () => {
    const index = makeIndex(rows);
    for (const q of QUERIES) {
      for (let k = 1; k <= Math.max(1, q.length); k++) {
        const typed = q.slice(0, k);
        expect(index.query(typed, { limit: 30 }), typed).toEqual(reference(rows, typed, 30));
        expect(index.query(typed, { limit: 30, filter: classTwo }), `${typed} (filtered)`).toEqual(reference(rows, typed, 30, classTwo));
      }
    }
  });

  it('with no limit (every match, ranked), with and without a filter', () => {
    const index = makeIndex(rows);
    for (const q of ['', '1', '张', 'zj', '文三路 1']) {
      const all = index.query(q, { limit: Infinity });
      expect(all, q).toEqual(reference(rows, q, Infinity));
      if (q === '' || q === '1') expect(all.ids).toHaveLength(rows.length);
      expect(index.query(q, { limit: Infinity, filter: classTwo }), `${q} (filtered)`).toEqual(reference(rows, q, Infinity, classTwo));
    }
    expect(index.query('', { limit: 3 })).toEqual(reference(rows, '', 3));
  });

  it('after growing by upserts (chunks split) and shrinking by removes', { timeout: 60_000 }, () => {
    const index = new CustomerSearchIndex<Row>();
    for (const r of rows) index.upsert(r);
    const renamed = rows.slice(0, 300).map((r, i) => row(r.id, { name: `区记${i}号店`, class: '2' }));
    for (const r of renamed) index.upsert(r);
    const removed = new Set(rows.filter((_, i) => i % 3 === 1).map((r) => r.id));
    for (const id of removed) index.remove(id);
    const current = [...renamed, ...rows.slice(300)].filter((r) => !removed.has(r.id));
    expect(index.size).toBe(current.length);
    for (const q of [...QUERIES, '区记', 'oujis', '号店']) {
      expect(index.query(q, { limit: 25 }), q).toEqual(reference(current, q, 25));
      expect(index.query(q, { limit: 25, filter: classTwo }), `${q} (filtered)`).toEqual(reference(current, q, 25, classTwo));
    }
  });
});
