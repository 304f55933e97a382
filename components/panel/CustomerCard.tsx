import type { ReactNode } from 'react';
import type { Customer } from '../../lib/model';
import { formatDate, formatMobile } from '../../lib/format';
import type { ViewContext } from './types';
import { Section, idText } from './ui';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex gap-3 py-[2px]">
      <dt className="w-[96px] shrink-0 whitespace-nowrap text-[12px] leading-5 text-slate-500">{label}</dt>
      <dd className="min-w-0 flex-1 break-words text-[13px] leading-5 text-slate-800">{children}</dd>
    </div>
  );
}

/** Key identifiers and the profile fields a manager checks before talking to the customer. */
export function CustomerCard({ ctx, customer }: { ctx: ViewContext; customer: Customer }) {
  const { t, locale } = ctx;
  const business = [customer.businessType, customer.marketType].filter(Boolean).join(' · ');
  return (
    <Section title={t('panel.card.title')} testId="customer-card" skipOffscreen>
      <dl>
        {customer.licenceNo && (
          <Row label={t('kind.licence')}>
            <span className={idText}>{customer.licenceNo}</span>
          </Row>
        )}
        {customer.customerCode && (
          <Row label={t('kind.customerCode')}>
            <span className={idText}>{customer.customerCode}</span>
          </Row>
        )}
        {customer.uscc && (
          <Row label={t('kind.uscc')}>
            <span className={idText}>{customer.uscc}</span>
          </Row>
        )}
        {customer.owner && <Row label={t('panel.field.owner')}>{customer.owner}</Row>}
        {customer.mobiles.length > 0 && (
          <Row label={t('kind.mobile')}>
            {customer.mobiles.map((m) => (
              <span key={m} className={`${idText} mr-3 inline-block`}>
                {formatMobile(m)}
              </span>
            ))}
          </Row>
        )}
        {customer.phones.length > 0 && (
          <Row label={t('panel.field.phone')}>
            {customer.phones.map((p) => (
              <span key={p} className={`${idText} mr-3 inline-block`}>
                {p}
              </span>
            ))}
          </Row>
        )}
        {customer.emails.length > 0 && (
          <Row label={t('kind.email')}>
            {customer.emails.map((e) => (
              <span key={e} className="block break-all">
                {e}
              </span>
            ))}
          </Row>
        )}
        {customer.address && <Row label={t('panel.field.address')}>{customer.address}</Row>}
        {business && <Row label={t('panel.field.business')}>{business}</Row>}
        {customer.birthday && <Row label={t('panel.field.birthday')}>{formatDate(customer.birthday, locale)}</Row>}
        {customer.importantDates.length > 0 && (
          <Row label={t('panel.field.dates')}>
            {customer.importantDates.map((d) => (
              <span key={`${d.label}${d.date}`} className="block">
                {d.label} <span className="text-slate-500">{formatDate(d.date, locale)}</span>
              </span>
            ))}
          </Row>
        )}
        {Object.entries(customer.custom).map(([label, value]) => (
          <Row key={label} label={label}>
            {value}
          </Row>
        ))}
      </dl>
      {customer.note && (
        <p className="mt-2 whitespace-pre-wrap break-words rounded-md bg-slate-50 px-2.5 py-2 text-[12.5px] leading-5 text-slate-700">
          <span className="sr-only">{t('panel.field.note')}: </span>
          {customer.note}
        </p>
      )}
    </Section>
  );
}
