import { formatYuan } from '@/lib/format';
import type { OrderStats } from '@/lib/orders/stats';
import { useLocale } from '../i18n';

/** Twelve bars, one per month, drawn as SVG: a chart library would outweigh the rest of the page. */
export function OrdersChart({ stats }: { stats: OrderStats }) {
  const { t, locale } = useLocale();
  const max = Math.max(1, ...stats.byMonth.map((m) => m.amount));
  const monthLabel = new Intl.DateTimeFormat(locale, { month: 'short' });
  const W = 280;
  const H = 96;
  const step = W / stats.byMonth.length;
  return (
    <figure data-testid="orders-chart">
      <svg viewBox={`0 0 ${W} ${H + 16}`} className="w-full" role="img" aria-label={t('cust.orders.chart')}>
        {stats.byMonth.map((m, i) => {
          const h = m.amount > 0 ? Math.max(2, (m.amount / max) * H) : 0;
          return (
            <g key={m.month}>
              <title>{`${m.month}: ${formatYuan(m.amount, locale)} (${m.orders})`}</title>
              <rect x={i * step + 3} y={H - h} width={step - 6} height={h} rx={2} className={i === stats.byMonth.length - 1 ? 'fill-blue-700' : 'fill-blue-300'} data-month={m.month} data-amount={m.amount} />
              {(i % 3 === 2 || i === stats.byMonth.length - 1) && (
                <text x={i * step + step / 2} y={H + 12} textAnchor="middle" className="fill-slate-400 text-[9px]">
                  {monthLabel.format(new Date(Number(m.month.slice(0, 4)), Number(m.month.slice(5)) - 1, 1))}
                </text>
              )}
            </g>
          );
        })}
        <line x1={0} x2={W} y1={H + 0.5} y2={H + 0.5} className="stroke-slate-200" />
      </svg>
    </figure>
  );
}
