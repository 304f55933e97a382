import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../../../lib/model';
import { ordersDrop } from '../../../../lib/talking/rules/orders-drop';
import { order, run } from '../helpers';

/** Orders as [days ago, amount]. The baseline below averages ¥10,000 per 30 days. */
const orders = (...list: [number, number][]): Interaction[] => list.map(([d, amount]) => order(d, [['中华(硬)', amount]]));
const BASELINE: [number, number][] = [[100, 10_000], [70, 10_000], [40, 10_000]];

describe('orders-drop', () => {
  const cases: { name: string; orders: [number, number][]; fires: boolean }[] = [
    { name: '59% of the average → fires (edge)', orders: [...BASELINE, [5, 5_900]], fires: true },
    { name: 'exactly 60% → does not fire (edge)', orders: [...BASELINE, [5, 6_000]], fires: false },
    { name: '61% → does not fire (edge)', orders: [...BASELINE, [5, 6_100]], fires: false },
    { name: 'nothing in 30 days → fires', orders: BASELINE, fires: true },
    { name: 'an order 29 days ago is recent (edge)', orders: [...BASELINE, [29, 10_000]], fires: false },
    { name: 'an order 30 days ago is baseline (edge)', orders: [...BASELINE, [30, 10_000]], fires: true },
    { name: 'a return in the last 30 days lowers them', orders: [...BASELINE, [10, 8_000], [3, -3_000]], fires: true },
    { name: 'only 2 orders in the 90 days → not enough history', orders: [[100, 15_000], [40, 15_000]], fires: false },
    { name: 'ordering began 90 days ago → enough (edge)', orders: [[90, 10_000], [60, 10_000], [40, 10_000]], fires: true },
    { name: 'ordering began 89 days ago → no 90-day average yet (edge)', orders: [[89, 10_000], [60, 10_000], [40, 10_000]], fires: false },
    { name: 'orders older than 120 days count as history, not as baseline', orders: [[300, 99_000], [100, 10_000], [70, 10_000], [40, 10_000], [5, 6_100]], fires: false },
    { name: 'no orders', orders: [], fires: false },
  ];
  it.each(cases)('$name', ({ orders: list, fires }) => {
    // Any order: shuffled, as the context allows.
    const interactions = orders(...list).reverse();
    expect(run(ordersDrop, { interactions })).toHaveLength(fires ? 1 : 0);
  });

  it('gives both amounts and the share', () => {
    const [p] = run(ordersDrop, { interactions: orders(...BASELINE, [5, 5_900]) });
    expect(p.because['zh-CN']).toBe('近 30 天订货 ¥5,900，此前 90 天平均每 30 天 ¥10,000，只有平时的 59%');
    expect(p.because.en).toBe('Last 30 days ¥5,900, against ¥10,000 per 30 days over the 90 days before (59%)');
    expect(p.data?.amounts).toEqual({ recent: 5_900, average: 10_000 });
  });
});
