import { describe, expect, it } from 'vitest';
import { draft } from './helpers';
import {
  buildExistingIndex,
  diffCustomer,
  type ExistingRef,
  makeOrderResolver,
  namesClearlyDiffer,
  planCustomerImport,
  planOrderImport,
} from '../../../lib/io/import/dedupe';
import type { CustomerDraft, OrderDraft, OrderKey, RowResult } from '../../../lib/io/import/rows';

let n = 1;
const ok = (d: Partial<CustomerDraft> & { name: string }, rowNumber = ++n): RowResult<CustomerDraft> => ({ rowNumber, draft: draft(d), warnings: [] });

const existing: ExistingRef[] = [
  { id: 'c1', ...draft({ name: '张三便利店', licenceNo: '440300100001', mobiles: ['13800138000'], address: '南山区', class: '28' }) },
  { id: 'c2', ...draft({ name: '李四烟酒商行', licenceNo: '440300100002', customerCode: 'KH2', mobiles: ['13900139000'] }) },
  { id: 'c3', ...draft({ name: '王五超市', mobiles: ['13700137000'], emails: ['wang@example.com'] }) },
  // Two shops of one owner share a mobile.
  { id: 'c4', ...draft({ name: '赵六便利店（东店）', licenceNo: '440300100004', mobiles: ['13600136000'] }) },
  { id: 'c5', ...draft({ name: '赵六便利店（西店）', licenceNo: '440300100005', mobiles: ['13600136000'] }) },
  { id: 'c6', ...draft({ name: '孙七小卖部' }) },
  { id: 'c7', ...draft({ name: '周八商店', aliases: ['老周店'] }) },
];
const index = buildExistingIndex(existing);
const plan = (rows: RowResult<CustomerDraft>[]) => planCustomerImport(rows, index).rows.map((r) => r.decision);

describe('planCustomerImport: one decision per row', () => {
  it.each<[string, Partial<CustomerDraft> & { name: string }, Record<string, unknown>]>([
    ['new: identifiers unknown', { name: '吴九超市', licenceNo: '440300100009' }, { kind: 'new' }],
    ['new: no identifiers, name unknown', { name: '郑十商店' }, { kind: 'new' }],
    [
      'update: licence points at one customer, the file adds a mobile and changes the class',
      { name: '张三便利店', licenceNo: '440300100001', mobiles: ['13811112222'], class: '30', address: '' },
      {
        kind: 'update',
        target: { id: 'c1', name: '张三便利店' },
        patch: { mobiles: ['13800138000', '13811112222'], class: '30' },
      },
    ],
    ['update: found by mobile only', { name: '王五超市', mobiles: ['13700137000'], owner: '王五' }, { kind: 'update', target: { id: 'c3' }, patch: { owner: '王五' } }],
    ['update: a spelling variant of the name is fine', { name: '张三便利店(南山)', licenceNo: '440300100001' }, { kind: 'update', target: { id: 'c1' } }],
    ['unchanged: nothing differs', { name: '张三便利店', licenceNo: '440300100001', class: '28' }, { kind: 'unchanged', target: { id: 'c1' } }],
    [
      'update: a shared mobile plus a licence picks the licence holder',
      { name: '赵六便利店（西店）', licenceNo: '440300100005', mobiles: ['13600136000'], owner: '赵六' },
      { kind: 'update', target: { id: 'c5' } },
    ],
    [
      'conflict multipleMatches: licence → c1, code → c2',
      { name: '张三便利店', licenceNo: '440300100001', customerCode: 'KH2' },
      { kind: 'conflict', reason: 'multipleMatches', candidates: [{ id: 'c1', name: '张三便利店' }, { id: 'c2', name: '李四烟酒商行' }] },
    ],
    [
      'conflict multipleMatches: a mobile shared by two customers and nothing else',
      { name: '赵六便利店', mobiles: ['13600136000'] },
      { kind: 'conflict', reason: 'multipleMatches' },
    ],
    [
      'conflict identifiersSplit: licence → c1, mobile → c2',
      { name: '张三便利店', licenceNo: '440300100001', mobiles: ['13900139000'] },
      { kind: 'conflict', reason: 'identifiersSplit', candidates: [{ id: 'c1', name: '张三便利店' }, { id: 'c2', name: '李四烟酒商行' }] },
    ],
    [
      'conflict identifiersSplit: mobile → c2, whose licence differs from the file',
      { name: '李四烟酒商行', licenceNo: '440300100099', mobiles: ['13900139000'] },
      { kind: 'conflict', reason: 'identifiersSplit', candidates: [{ id: 'c2', name: '李四烟酒商行' }] },
    ],
    [
      'conflict nameMismatch: same licence, clearly another shop',
      { name: '钱十一水果店', licenceNo: '440300100001' },
      { kind: 'conflict', reason: 'nameMismatch', candidates: [{ id: 'c1', name: '张三便利店' }] },
    ],
    ['conflict sameNameOnly: no identifiers, exact name exists', { name: ' 孙七小卖部 ' }, { kind: 'conflict', reason: 'sameNameOnly', candidates: [{ id: 'c6', name: '孙七小卖部' }] }],
    ['conflict sameNameOnly: the name is an alias', { name: '老周店' }, { kind: 'conflict', reason: 'sameNameOnly', candidates: [{ id: 'c7', name: '周八商店' }] }],
    ['new: same name but the row has its own licence (another branch)', { name: '孙七小卖部', licenceNo: '440300100077' }, { kind: 'new' }],
  ])('%s', (_, d, expected) => {
    expect(plan([ok(d)])[0]).toMatchObject(expected);
  });

  it('an invalid row stays invalid with its errors', () => {
    const errors = [{ field: 'name' as const, code: 'required' as const, value: '' }];
    expect(plan([{ rowNumber: 7, errors, warnings: [] }])).toEqual([{ kind: 'invalid', errors }]);
  });
});

describe('planCustomerImport: duplicates inside the file', () => {
  it('a row sharing an identifier with an earlier row refers to it; its other identifiers follow', () => {
    const p = planCustomerImport(
      [
        ok({ name: '新店甲', licenceNo: '440300200001' }, 2),
        ok({ name: '新店甲', licenceNo: '440300200001', mobiles: ['13512345678'] }, 3),
        ok({ name: '新店甲分号', mobiles: ['13512345678'] }, 4), // shares only row 3's mobile → still row 2
        ok({ name: '新店乙', emails: ['b@x.cn'] }, 5),
        ok({ name: '新店乙', emails: ['B@x.cn'.toLowerCase()] }, 6),
      ],
      index,
    );
    expect(p.rows.map((r) => [r.rowNumber, r.decision.kind, 'ofRow' in r.decision ? r.decision.ofRow : undefined])).toEqual([
      [2, 'new', undefined],
      [3, 'duplicateInFile', 2],
      [4, 'duplicateInFile', 2],
      [5, 'new', undefined],
      [6, 'duplicateInFile', 5],
    ]);
    expect(p.counts).toEqual({ new: 2, update: 0, unchanged: 0, conflict: 0, duplicateInFile: 3, invalid: 0 });
  });

  it('rows without identifiers are deduplicated by exact normalised name', () => {
    const d = plan([ok({ name: '无名小店' }, 2), ok({ name: '无名小店 ' }, 3), ok({ name: 'ＡＢＣ 超市' }, 4), ok({ name: 'abc  超市' }, 5), ok({ name: '无名小店二' }, 6)]);
    expect(d.map((x) => x.kind)).toEqual(['new', 'duplicateInFile', 'new', 'duplicateInFile', 'new']);
  });

  it('two shops sharing a mobile but with different licences: the second is a conflict naming the first row', () => {
    const d = plan([ok({ name: '钱店东', licenceNo: '440300300001', mobiles: ['13312345678'] }, 2), ok({ name: '钱店西', licenceNo: '440300300002', mobiles: ['13312345678'] }, 3)]);
    expect(d[0].kind).toBe('new');
    expect(d[1]).toMatchObject({ kind: 'conflict', reason: 'sharesContactInFile', otherRow: 2 });
  });

  it('two rows that would update the same existing customer: the second refers to the first', () => {
    const d = plan([ok({ name: '张三便利店', licenceNo: '440300100001' }, 2), ok({ name: '张三便利店', mobiles: ['13800138000'], class: '30' }, 3)]);
    expect(d[1]).toMatchObject({ kind: 'duplicateInFile', ofRow: 2 });
  });

  it('invalid rows do not take part in duplicate detection', () => {
    const d = plan([{ rowNumber: 2, errors: [{ field: 'mobiles', code: 'badMobile', value: 'x' }], warnings: [] }, ok({ name: '新店丙', licenceNo: '440300400001' }, 3)]);
    expect(d.map((x) => x.kind)).toEqual(['invalid', 'new']);
  });
});

describe('diffCustomer', () => {
  const base: ExistingRef = { id: 'x', ...draft({ name: '张三便利店', licenceNo: '440300100001', mobiles: ['13800138000'], birthday: '1980-05-01', note: '老客户', custom: { 微信: 'a' } }) };
  it('only fields the file fills and that differ; lists merge; note appends; custom merges', () => {
    const { changes, patch } = diffCustomer(
      draft({ name: '张三便利店', licenceNo: '440300100001', mobiles: ['13800138000', '13900139000'], address: '南山', note: '周末休息', custom: { 微信: 'a', QQ: '1' } }),
      base,
    );
    expect(changes.map((c) => c.field)).toEqual(['address', 'note', 'mobiles', 'custom']);
    expect(patch).toEqual({
      address: '南山',
      note: '老客户\n周末休息',
      mobiles: ['13800138000', '13900139000'],
      custom: { 微信: 'a', QQ: '1' },
    });
  });
  it('a rename keeps the old name as an alias', () => {
    const { patch } = diffCustomer(draft({ name: '张三便利店(南山)' }), base);
    expect(patch).toEqual({ name: '张三便利店(南山)', aliases: ['张三便利店'] });
  });
  it('a birthday without a year does not replace the full date of the same day; another day does', () => {
    expect(diffCustomer(draft({ name: '张三便利店', birthday: '--05-01' }), base).changes).toEqual([]);
    expect(diffCustomer(draft({ name: '张三便利店', birthday: '--06-01' }), base).patch).toEqual({ birthday: '--06-01' });
  });
  it('the same note again is not appended twice', () => {
    expect(diffCustomer(draft({ name: '张三便利店', note: '老客户' }), base).changes).toEqual([]);
  });
});

describe('namesClearlyDiffer', () => {
  it.each([
    ['张三便利店', '张三便利店', false],
    ['张三便利店', '张三便利店（南山店）', false],
    ['张三便利店', '张三超市', false],
    ['张三烟酒商行', '张三便利店', false],
    ['ABC Store', 'abc store', false],
    ['张三便利店', '李四超市', true],
    ['王五烟酒', '钱十一水果店', true],
    ['幸福超市', '安康便利店', true],
  ])('%s / %s → %s', (a, b, differ) => {
    expect(namesClearlyDiffer(a, b)).toBe(differ);
  });
});

describe('orders', () => {
  const day = (d: number, h?: number) => new Date(2024, 4, d, h ?? 0).getTime();
  const od = (key: OrderKey, at: number, product: string, amount: number, extra: Partial<OrderDraft> = {}): OrderDraft => ({
    key,
    keys: [key],
    at,
    hasTime: false,
    product,
    quantity: 1,
    amount,
    ...extra,
  });
  const L1: OrderKey = { kind: 'licence', value: '440300100001' };
  const M4: OrderKey = { kind: 'mobile', value: '13600136000' };
  const resolve = makeOrderResolver(index);

  it('resolver: strong keys first, a shared mobile is ambiguous, names as a last resort', () => {
    expect(resolve([L1])).toEqual(['c1']);
    expect(resolve([M4])).toEqual(['c4', 'c5']);
    expect(resolve([{ kind: 'licence', value: '440300100004' }, M4])).toEqual(['c4']);
    expect(resolve([{ kind: 'name', value: '老周店' }])).toEqual(['c7']);
    expect(resolve([{ kind: 'licence', value: '999999999999' }])).toEqual([]);
    expect(resolve([{ kind: 'licence', value: '999999999999' }, { kind: 'mobile', value: '13700137000' }])).toEqual(['c3']);
  });

  it('groups rows by customer, day and order number, and reports the rows it cannot place', () => {
    let calls = 0;
    const counting = (keys: readonly OrderKey[]) => {
      calls++;
      return resolve(keys);
    };
    const rows: RowResult<OrderDraft>[] = [
      { rowNumber: 2, draft: od(L1, day(1), '中华', 900, { unit: '条' }), warnings: [] },
      { rowNumber: 3, draft: od(L1, day(1), '玉溪', 230), warnings: [] },
      { rowNumber: 4, draft: od(L1, day(2), '中华', 450), warnings: [] }, // another day
      { rowNumber: 5, draft: od(L1, day(1, 15), '利群', 200, { hasTime: true }), warnings: [] }, // same day, with a time
      { rowNumber: 6, draft: od(L1, day(3), 'A', 1, { orderNo: 'X1' }), warnings: [] },
      { rowNumber: 7, draft: od(L1, day(3), 'B', 1, { orderNo: 'X2' }), warnings: [] }, // same day, another order no.
      { rowNumber: 8, draft: od(L1, day(3), 'C', -1, { orderNo: 'X1' }), warnings: [{ field: 'quantity', code: 'negativeQuantity', value: '-1' }] },
      { rowNumber: 9, draft: od(M4, day(1), '中华', 900), warnings: [] },
      { rowNumber: 10, draft: od({ kind: 'name', value: '不存在的店' }, day(1), '中华', 900), warnings: [] },
      { rowNumber: 11, errors: [{ field: 'date', code: 'badDate', value: 'x' }], warnings: [] },
    ];
    const p = planOrderImport(rows, counting);
    expect(p.orders).toEqual([
      {
        customerId: 'c1',
        at: day(1),
        lines: [
          { product: '中华', quantity: 1, unit: '条', amount: 900 },
          { product: '玉溪', quantity: 1, amount: 230 },
          { product: '利群', quantity: 1, amount: 200 },
        ],
        rowNumbers: [2, 3, 5],
      },
      { customerId: 'c1', at: day(2), lines: [{ product: '中华', quantity: 1, amount: 450 }], rowNumbers: [4] },
      {
        customerId: 'c1',
        at: day(3),
        orderNo: 'X1',
        lines: [
          { product: 'A', quantity: 1, amount: 1 },
          { product: 'C', quantity: 1, amount: -1 },
        ],
        rowNumbers: [6, 8],
      },
      { customerId: 'c1', at: day(3), orderNo: 'X2', lines: [{ product: 'B', quantity: 1, amount: 1 }], rowNumbers: [7] },
    ]);
    expect(p.unresolved).toEqual([
      { rowNumber: 9, reason: 'ambiguousCustomer', key: M4, candidates: ['c4', 'c5'] },
      { rowNumber: 10, reason: 'unknownCustomer', key: { kind: 'name', value: '不存在的店' }, candidates: [] },
    ]);
    expect(p.invalid).toEqual([{ rowNumber: 11, errors: [{ field: 'date', code: 'badDate', value: 'x' }] }]);
    expect(p.warnings).toEqual([{ rowNumber: 8, warnings: [{ field: 'quantity', code: 'negativeQuantity', value: '-1' }] }]);
    expect(calls).toBe(3); // once per distinct key set
  });

  it('an order whose first row has a later time starts at its earliest row', () => {
    const p = planOrderImport(
      [
        { rowNumber: 2, draft: od(L1, day(1, 15), 'A', 1, { hasTime: true }), warnings: [] },
        { rowNumber: 3, draft: od(L1, day(1, 9), 'B', 1, { hasTime: true }), warnings: [] },
      ],
      resolve,
    );
    expect(p.orders).toHaveLength(1);
    expect(p.orders[0].at).toBe(day(1, 9));
  });
});
