import { describe, expect, it } from 'vitest';
import { AUTO_LINK_THRESHOLD, confidenceOf, decideMatch, pageKeyOf } from '../../lib/match/matcher';
import type { PageIdentifier } from '../../lib/model';

const id = (kind: PageIdentifier['kind'], value: string, role: PageIdentifier['role'] = 'field'): PageIdentifier => ({ kind, value, role });
const licence = id('licence', '440305123456');
const code = id('customerCode', 'KH00001234');
const mobile = id('mobile', '13800138000');
const email = id('email', 'boss@shop.example');
const names = new Map([
  ['a', '福田区平安烟酒店'],
  ['b', '南山区顺发便利店'],
  ['c', '宝安区惠民超市'],
]);

describe('decideMatch', () => {
  it.each([
    { case: 'no identifiers', ids: [], hits: [], state: 'none' },
    { case: 'identifiers that match nobody', ids: [licence], hits: [], state: 'none' },
    { case: 'one customer by licence', ids: [licence], hits: [['a', [licence]]], state: 'matched', customer: 'a' },
    { case: 'one customer by mobile only', ids: [mobile], hits: [['a', [mobile]]], state: 'matched', customer: 'a' },
    { case: 'two customers share a mobile', ids: [mobile], hits: [['a', [mobile]], ['b', [mobile]]], state: 'ambiguous' },
    {
      case: 'licence beats a shared mobile',
      ids: [licence, mobile],
      hits: [['a', [licence, mobile]], ['b', [mobile]]],
      state: 'matched',
      customer: 'a',
    },
    {
      case: 'two customers each by a unique identifier (a list page)',
      ids: [licence, code],
      hits: [['a', [licence]], ['b', [code]]],
      state: 'ambiguous',
    },
    { case: 'hit on a customer that no longer exists', ids: [licence], hits: [['zzz', [licence]]], state: 'none' },
  ] as const)('$case → $state', ({ ids, hits, state, ...rest }) => {
    const result = decideMatch({
      identifiers: [...ids],
      names: [],
      hits: new Map(hits.map(([k, v]) => [k, [...v]])),
      customerNames: names,
    });
    expect(result.state).toBe(state);
    if (result.state === 'matched') expect(result.customerId).toBe((rest as { customer: string }).customer);
  });

  it('ranks ambiguous candidates by confidence and explains each', () => {
    const result = decideMatch({
      identifiers: [mobile, email],
      names: [],
      hits: new Map([
        ['a', [mobile]],
        ['b', [mobile, email]],
      ]),
      customerNames: names,
    });
    expect(result.state).toBe('ambiguous');
    if (result.state !== 'ambiguous') return;
    expect(result.candidates.map((c) => c.customerId)).toEqual(['b', 'a']);
    expect(result.candidates[0].because).toEqual([mobile, email]);
    expect(result.candidates[0].confidence).toBeGreaterThan(result.candidates[1].confidence);
  });

  it('a remembered choice wins, even over an ambiguous page', () => {
    const result = decideMatch({
      identifiers: [mobile],
      names: [],
      hits: new Map([
        ['a', [mobile]],
        ['b', [mobile]],
      ]),
      customerNames: names,
      chosenCustomerId: 'b',
    });
    expect(result).toMatchObject({ state: 'matched', customerId: 'b', chosen: true, because: [mobile] });
  });

  it('ignores a remembered choice whose customer was deleted', () => {
    const result = decideMatch({ identifiers: [], names: [], hits: new Map(), customerNames: names, chosenCustomerId: 'gone' });
    expect(result.state).toBe('none');
  });

  it('keeps the identifiers and names it saw for the no-match state', () => {
    const result = decideMatch({ identifiers: [licence], names: ['某某商行'], hits: new Map(), customerNames: names });
    expect(result).toEqual({ state: 'none', identifiers: [licence], names: ['某某商行'] });
  });
});

describe('confidenceOf', () => {
  it('every single exact identifier is enough to link automatically', () => {
    for (const kind of ['licence', 'uscc', 'customerCode', 'email', 'mobile'] as const)
      expect(confidenceOf([id(kind, 'x')])).toBeGreaterThanOrEqual(AUTO_LINK_THRESHOLD);
  });
  it('more evidence means more confidence', () => {
    expect(confidenceOf([mobile, email])).toBeGreaterThan(confidenceOf([email]));
    expect(confidenceOf([])).toBe(0);
  });
});

describe('pageKeyOf', () => {
  it.each([
    ['http://127.0.0.1:8080/ordering/orders/DD1?utm_source=x', 'http://127.0.0.1:8080/ordering/orders/DD1'],
    ['http://127.0.0.1/mail/#msg=12', 'http://127.0.0.1/mail/#msg=12'],
    ['https://mail.qq.com/cgi-bin/readmail?mailid=abc&t=1', 'https://mail.qq.com/cgi-bin/readmail?mailid=abc'],
    ['https://x.example/a?b=2&a=1', 'https://x.example/a?a=1&b=2'],
    ['not a url', 'not a url'],
  ])('%s → %s', (url, key) => expect(pageKeyOf(url)).toBe(key));
});
