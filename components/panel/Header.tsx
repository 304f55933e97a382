import type { Customer, NameReason, PageIdentifier } from '../../lib/model';
import { formatMobile } from '../../lib/format';
import type { ViewContext } from './types';
import { Badge, BrandMark, Icon, cx, focusRing } from './ui';

/** The top bar: product mark, a title for the current view, and the collapse button. */
export function TopBar({ ctx, title, onCollapse }: { ctx: ViewContext; title?: string; onCollapse(): void }) {
  const { t } = ctx;
  return (
    <div className="flex h-9 items-center gap-2 px-3">
      <BrandMark />
      <span className="truncate text-[12px] font-medium text-slate-500">{t('appName')}</span>
      {title && (
        <>
          <span className="text-slate-300" aria-hidden="true">
            /
          </span>
          <span className="truncate text-[12px] text-slate-500">{title}</span>
        </>
      )}
      <button
        type="button"
        data-testid="collapse-panel"
        onClick={onCollapse}
        title={t('panel.collapse')}
        aria-label={t('panel.collapse')}
        className={cx('ml-auto -mr-1 rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800', focusRing)}
      >
        <Icon name="collapse" />
      </button>
    </div>
  );
}

/** "licence no. 440305123456" — an identifier with its kind's label, mobiles grouped for reading. */
export function identifierText(ctx: ViewContext, id: Pick<PageIdentifier, 'kind' | 'value'>): { kind: string; value: string } {
  return { kind: ctx.t(`kind.${id.kind}` as const), value: id.kind === 'mobile' ? formatMobile(id.value) : id.value };
}

/** Why a customer fits the page by name (lib/match/names), in the panel's language. */
export function nameReasonText(ctx: ViewContext, r: NameReason): string {
  const matched = r.alias ? `${r.matched}${ctx.t('panel.name.alias')}` : r.matched;
  return ctx.t(`panel.name.${r.kind}` as const, { matched, query: r.query });
}

/** The matched customer: name, class and segment, why it matched, and the way out when it is wrong. */
export function CustomerHeader({
  ctx,
  customer,
  because,
  nameReason,
  chosen,
  onNotThis,
  busy,
}: {
  ctx: ViewContext;
  customer: Customer;
  because: PageIdentifier[];
  nameReason?: NameReason;
  chosen: boolean;
  onNotThis(): void;
  busy?: boolean;
}) {
  const { t } = ctx;
  const first = because[0];
  const firstText = first && identifierText(ctx, first);
  const reason = firstText
    ? t('panel.matchedBy', { ...firstText, kind: ctx.locale === 'en' ? firstText.kind.toLowerCase() : firstText.kind })
    : nameReason
      ? nameReasonText(ctx, nameReason)
      : chosen
        ? undefined
        : t('panel.matchedByName');
  return (
    <div className="px-4 pb-3 pt-1">
      <div className="flex items-start gap-2">
        <h1 data-testid="customer-name" className="min-w-0 flex-1 break-words text-[17px] font-semibold leading-6 text-slate-900">
          {customer.name}
        </h1>
      </div>
      {(customer.class || customer.segment) && (
        <div className="mt-1.5 flex flex-wrap gap-1.5">
          {customer.class && <Badge tone="blue">{t('panel.class', { class: customer.class })}</Badge>}
          {customer.segment && <Badge tone="outline">{customer.segment}</Badge>}
        </div>
      )}
      <div className="mt-2 flex items-start gap-2 text-[12px] leading-5 text-slate-500">
        <p data-testid="panel-match-reason" className="min-w-0 flex-1 break-words">
          {reason}
          {reason && chosen && ' · '}
          {chosen && <span className="text-slate-600">{t('panel.chosen')}</span>}
        </p>
        <button
          type="button"
          data-testid="not-this-customer"
          onClick={onNotThis}
          disabled={busy}
          className={cx('shrink-0 rounded text-[12px] font-medium text-blue-700 hover:text-blue-800 hover:underline disabled:text-slate-400', focusRing)}
        >
          {t('panel.notThisCustomer')}
        </button>
      </div>
    </div>
  );
}
