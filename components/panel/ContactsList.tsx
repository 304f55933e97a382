import type { Contact } from '../../lib/model';
import { formatMobile } from '../../lib/format';
import type { ViewContext } from './types';
import { Badge, Empty, Section, idText } from './ui';

const ATTITUDE_TONE = { resistant: 'red', neutral: 'slate', positive: 'green' } as const;
const ROLE_ORDER = ['decision_maker', 'influencer', 'blocker', 'user', 'other'];

/** The people at the customer: role in the decision and attitude (抵触 red, 中立 grey, 积极 green). */
export function ContactsList({ ctx, contacts }: { ctx: ViewContext; contacts: Contact[] }) {
  const { t } = ctx;
  const sorted = [...contacts].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  return (
    <Section title={t('panel.contacts.title')} count={contacts.length} testId="contacts" skipOffscreen>
      {sorted.length === 0 ? (
        <Empty>{t('panel.contacts.empty')}</Empty>
      ) : (
        <ul className="-my-1 divide-y divide-slate-100">
          {sorted.map((c) => (
            <li key={c.id} data-testid="contact" className="py-2">
              <div className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
                <span className="text-[13px] font-medium text-slate-900">{c.name}</span>
                {c.title && <span className="text-[12px] text-slate-500">{c.title}</span>}
                <span className="ml-auto flex gap-1">
                  <Badge tone="outline">{t(`role.${c.role}` as const)}</Badge>
                  {c.attitude && (
                    <Badge tone={ATTITUDE_TONE[c.attitude]}>
                      <span data-attitude={c.attitude}>{t(`attitude.${c.attitude}` as const)}</span>
                    </Badge>
                  )}
                </span>
              </div>
              {(c.mobiles.length > 0 || c.phones.length > 0 || c.emails.length > 0) && (
                <div className="mt-0.5 flex flex-wrap gap-x-3 text-[12px] leading-5 text-slate-600">
                  {c.mobiles.map((m) => (
                    <span key={m} className={idText}>
                      {formatMobile(m)}
                    </span>
                  ))}
                  {c.phones.map((p) => (
                    <span key={p} className={idText}>
                      {p}
                    </span>
                  ))}
                  {c.emails.map((e) => (
                    <span key={e} className="break-all">
                      {e}
                    </span>
                  ))}
                </div>
              )}
              {c.note && <p className="mt-0.5 break-words text-[12px] leading-5 text-slate-500">{c.note}</p>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
