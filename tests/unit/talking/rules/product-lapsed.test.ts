import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../../../lib/model';
import { productLapsed } from '../../../../lib/talking/rules/product-lapsed';
import { interaction, order, run } from '../helpers';

/** Something bought lately, so the customer still orders. */
const RECENT = order(10, [['利群', 500]]);

describe('product-lapsed (regular: ≥ 2 of the 3 months before the last 45 days)', () => {
  const cases: { name: string; orders: Interaction[]; fires: string[] }[] = [
    { name: 'in 2 months before, not since → fires', orders: [order(50, [['中华', 900]]), order(80, [['中华', 900]]), RECENT], fires: ['中华'] },
    { name: 'last ordered 44 days ago → still recent (edge)', orders: [order(44, [['中华', 900]]), order(80, [['中华', 900]]), RECENT], fires: [] },
    { name: 'last ordered 45 days ago → lapsed (edge)', orders: [order(45, [['中华', 900]]), order(80, [['中华', 900]]), RECENT], fires: ['中华'] },
    { name: 'in one month only → not regular', orders: [order(50, [['中华', 900]]), order(60, [['中华', 900]]), RECENT], fires: [] },
    { name: 'oldest month reaches 134 days (edge)', orders: [order(134, [['中华', 900]]), order(80, [['中华', 900]]), RECENT], fires: ['中华'] },
    { name: '135 days ago is too old to count (edge)', orders: [order(135, [['中华', 900]]), order(80, [['中华', 900]]), RECENT], fires: [] },
    { name: 'no orders at all lately → orders-drop speaks instead', orders: [order(50, [['中华', 900]]), order(80, [['中华', 900]])], fires: [] },
    {
      name: 'a return is not an order of the product',
      orders: [order(50, [['中华', -900]]), order(80, [['中华', 900]]), RECENT],
      fires: [],
    },
    { name: 'only notes lately do not count as ordering', orders: [order(50, [['中华', 900]]), order(80, [['中华', 900]]), interaction('note', 3)], fires: [] },
  ];
  it.each(cases)('$name', ({ orders, fires }) => {
    expect(run(productLapsed, { interactions: orders }).flatMap((p) => p.data?.products ?? [])).toEqual(fires);
  });

  it('names the three biggest with their last order, and counts the rest', () => {
    const products: [string, number][] = [['A', 100], ['B', 500], ['C', 300], ['D', 400], ['E', 200]];
    const [p] = run(productLapsed, { interactions: [order(50, products), order(90, products), RECENT] });
    expect(p.data?.products).toEqual(['B', 'D', 'C', 'E', 'A']);
    expect(p.text['zh-CN']).toBe('以前常订的「B」「D」「C」最近没订了，问问是否需要补货');
    expect(p.text.en).toBe('Ask whether they want “B”, “D” and “C” again: regular orders that have stopped');
    expect(p.because['zh-CN']).toBe('此前 3 个月中至少 2 个月订过，近 45 天没订：B（最后 10月5日）、D（最后 10月5日）、C（最后 10月5日），另有 2 种');
    expect(p.id).toBe('product-lapsed:B|C|D');
  });
});
