import { both, day, list, makePoint, quote } from '../text';
import type { TalkingRule } from '../types';

/**
 * Products the customer ordered regularly — in at least `minBlocks` of the `blocks` 30-day periods before
 * the last `recentDays` — but not at all in those last days (day 44 ago still counts as recent, day 45
 * does not). Only while the customer still orders something lately: when all orders stop, orders-drop
 * says so and a list of every product would add nothing. Returns (negative amounts) and zero quantities
 * are not orders of a product.
 */
export const PRODUCT_LAPSED = { recentDays: 45, blockDays: 30, blocks: 3, minBlocks: 2, maxNamed: 3 } as const;

export const productLapsed: TalkingRule = {
  id: 'product-lapsed',
  priority: 50,
  evaluate(ctx, p) {
    const { recentDays, blockDays, blocks, minBlocks, maxNamed } = PRODUCT_LAPSED;
    const recentStart = p.dayStart(recentDays - 1);
    const blockStarts = Array.from({ length: blocks }, (_, b) => p.dayStart(recentDays + (b + 1) * blockDays - 1));
    const oldest = blockStarts[blocks - 1];
    const recentProducts = new Set<string>();
    let recentOrders = 0;
    const before = new Map<string, { blocks: Set<number>; amount: number; last: number }>();
    for (const o of p.orders) {
      if (o.at < oldest) break; // newest first
      const block = o.at >= recentStart ? -1 : blockStarts.findIndex((s) => o.at >= s);
      if (block === -1) recentOrders++;
      for (const line of o.lines) {
        if (!(line.quantity > 0 && line.amount >= 0)) continue;
        const name = line.product.trim();
        if (block === -1) {
          recentProducts.add(name);
          continue;
        }
        const seen = before.get(name) ?? { blocks: new Set<number>(), amount: 0, last: 0 };
        seen.blocks.add(block);
        seen.amount += line.amount;
        seen.last = Math.max(seen.last, o.at);
        before.set(name, seen);
      }
    }
    if (recentOrders === 0) return [];
    // The biggest lapsed business first.
    const lapsed = [...before]
      .filter(([name, s]) => s.blocks.size >= minBlocks && !recentProducts.has(name))
      .sort((a, b) => b[1].amount - a[1].amount || a[0].localeCompare(b[0]));
    if (lapsed.length === 0) return [];
    const named = lapsed.slice(0, maxNamed);
    const more = lapsed.length - named.length;
    const products = named.map(([name]) => name);
    return [
      makePoint(productLapsed, [...products].sort().join('|'), {
        tone: 'opportunity',
        at: named[0][1].last,
        data: { products: lapsed.map(([name]) => name) },
        text: both((l) => {
          // Quoted names need no 、 between them in Chinese.
          const names = l === 'en' ? list(products.map((n) => quote(n, l)), l) : products.map((n) => quote(n, l)).join('');
          return l === 'en'
            ? `Ask whether they want ${names} again: regular orders that have stopped`
            : `以前常订的${names}最近没订了，问问是否需要补货`;
        }),
        because: both((l) => {
          const each = named.map(([name, s]) => (l === 'en' ? `${name} (last ${day(s.last, l, ctx.now)})` : `${name}（最后 ${day(s.last, l, ctx.now)}）`));
          if (l === 'en') return `Ordered in at least ${minBlocks} of the ${blocks} months before, none in the last ${recentDays} days: ${each.join(', ')}${more ? `, and ${more} more` : ''}`;
          return `此前 ${blocks} 个月中至少 ${minBlocks} 个月订过，近 ${recentDays} 天没订：${each.join('、')}${more ? `，另有 ${more} 种` : ''}`;
        }),
      }),
    ];
  },
};
