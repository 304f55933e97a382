import { useState } from 'react';
import type { PanelTranslate } from '../../lib/i18n/panel-bundle';
import type { MatchCandidate } from '../../lib/model';
import { formatPercent } from '../../lib/format';
import type { ViewContext } from './types';
import { errorText } from './types';
import { identifierText, nameReasonText } from './Header';
import { ErrorLine, Icon, cx, focusRing } from './ui';

/** Choosing a customer from a list: which one is being saved, and the error if it failed. */
export function useChooseCustomer(t: PanelTranslate, onChoose: (customerId: string) => Promise<unknown>) {
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const choose = (customerId: string) => {
    setBusy(customerId);
    setError(undefined);
    onChoose(customerId)
      .catch((err: unknown) => setError(errorText(t, err)))
      .finally(() => setBusy(undefined));
  };
  return { busy, error, choose };
}

/** Several customers fit the page: show each with its confidence and the identifiers it matched on. */
export function Candidates({
  ctx,
  candidates,
  onChoose,
}: {
  ctx: ViewContext;
  candidates: MatchCandidate[];
  onChoose(customerId: string): Promise<void>;
}) {
  const { t, locale } = ctx;
  const { busy, error, choose } = useChooseCustomer(t, onChoose);
  const sorted = [...candidates].sort((a, b) => b.confidence - a.confidence);

  return (
    <div>
      <ul className="space-y-2">
        {sorted.map((c) => (
          <li key={c.customerId}>
            <button
              type="button"
              data-testid="candidate"
              data-customer-id={c.customerId}
              onClick={() => choose(c.customerId)}
              disabled={busy !== undefined}
              className={cx(
                'group block w-full rounded-lg border border-slate-200 bg-white px-3 py-2.5 text-left hover:border-blue-300 hover:bg-blue-50/40 disabled:opacity-60',
                focusRing,
              )}
            >
              <div className="flex items-center gap-2">
                <span className="min-w-0 flex-1 truncate text-[14px] font-semibold text-slate-900">{c.name}</span>
                <span className="shrink-0 text-[12px] font-medium text-slate-500 tabular-nums">
                  {t('panel.candidate.confidence', { percent: formatPercent(c.confidence, locale) })}
                </span>
                <Icon name="chevron" className="h-4 w-4 text-slate-400 group-hover:text-blue-600" />
              </div>
              <div className="mt-1.5 h-[3px] overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
                <div className="h-full rounded-full bg-blue-400" style={{ width: `${Math.round(c.confidence * 100)}%` }} />
              </div>
              <div className="mt-1.5 flex gap-2 text-[12px] leading-5 text-slate-500">
                <span className="shrink-0 text-slate-400">{t('panel.candidate.because')}</span>
                <span className="flex min-w-0 flex-col">
                {c.because.length === 0 ? (
                  <span data-testid="candidate-name-reason">{c.nameReason ? nameReasonText(ctx, c.nameReason) : t('panel.candidate.byName')}</span>
                ) : (
                  c.because.map((b) => {
                    const { kind, value } = identifierText(ctx, b);
                    return (
                      <span key={`${b.kind}:${b.value}`} className="min-w-0 break-all">
                        {kind} <span className="tabular-nums text-slate-700">{value}</span>
                      </span>
                    );
                  })
                )}
                </span>
              </div>
            </button>
          </li>
        ))}
      </ul>
      {error && <ErrorLine>{error}</ErrorLine>}
    </div>
  );
}
