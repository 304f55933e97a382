import { useEffect, useId, useState } from 'react';
import { DEFAULT_CADENCE, type CadenceRule } from '@/lib/cadence';
import { parseCadenceRow, toCadenceRow as toRow, type CadenceRow as Row } from '@/lib/cadence-form';
import type { MessageKey } from '@/lib/i18n';
import type { ReminderSettings, Settings } from '@/lib/model/settings';
import { saveSettings } from '@/lib/settings';
import { useLocale } from '../i18n';
import { Button, Card, Notice, cx } from '../ui';

const input = cx(
  'block rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-xs',
  'focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/20',
);

/**
 * Visit cadence (拜访频次) as an editable table, reminders (on/off, quiet hours, the time dated tasks are
 * reminded, how early birthdays are), and the line of business that decides the bank-only talking points.
 */
export function ConversationCard({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { t } = useLocale();
  const [rows, setRows] = useState<Row[]>(() => (settings.cadence.length ? settings.cadence : DEFAULT_CADENCE).map(toRow));
  const [reminders, setReminders] = useState<ReminderSettings>(settings.reminders);
  const [industry, setIndustry] = useState(settings.industry);
  const [status, setStatus] = useState<{ ok: true } | { ok: false; detail: string }>();
  const ids = useId();
  useEffect(() => setReminders(settings.reminders), [settings.reminders]);

  const parsed = rows.map(parseCadenceRow);
  const invalid = parsed.some((p) => 'error' in p);
  const update = (i: number, patch: Partial<Row>) => {
    setRows((r) => r.map((row, j) => (j === i ? { ...row, ...patch } : row)));
    setStatus(undefined);
  };

  async function save() {
    if (invalid) return;
    try {
      const cadence = parsed.map((p) => ('rule' in p ? p.rule : undefined)).filter((r): r is CadenceRule => !!r);
      onSaved(await saveSettings({ cadence, reminders, industry }));
      setStatus({ ok: true });
    } catch (err) {
      setStatus({ ok: false, detail: err instanceof Error ? err.message : String(err) });
    }
  }

  return (
    <Card title={t('settings.cadence.title')} description={t('settings.cadence.hint')}>
      <div className="space-y-6" data-testid="settings-conversation">
        <table className="w-full text-sm" data-testid="cadence-table">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className="pb-2 font-medium">{t('settings.cadence.col.segments')}</th>
              <th className="pb-2 font-medium">{t('settings.cadence.col.class')}</th>
              <th className="pb-2 font-medium">{t('settings.cadence.col.interval')}</th>
              <th className="pb-2 font-medium">{t('settings.cadence.col.method')}</th>
              <th />
            </tr>
          </thead>
          <tbody className="align-top">
            {rows.map((row, i) => {
              const error = 'error' in parsed[i] ? (parsed[i] as { error: MessageKey }).error : undefined;
              return (
                <tr key={i} data-testid="cadence-row">
                  <td className="py-1 pr-2">
                    <input className={cx(input, 'w-full')} value={row.segments} onChange={(e) => update(i, { segments: e.target.value })} placeholder={t('settings.cadence.segmentsPlaceholder')} aria-label={t('settings.cadence.col.segments')} data-testid="cadence-segments" />
                    {error && <p className="mt-1 text-xs text-red-700" role="alert">{t(error)}</p>}
                  </td>
                  <td className="py-1 pr-2 whitespace-nowrap">
                    <input className={cx(input, 'w-14')} inputMode="numeric" value={row.from} onChange={(e) => update(i, { from: e.target.value })} aria-label={t('settings.cadence.classFrom')} />
                    <span className="px-1 text-slate-400">–</span>
                    <input className={cx(input, 'inline w-14')} inputMode="numeric" value={row.to} onChange={(e) => update(i, { to: e.target.value })} aria-label={t('settings.cadence.classTo')} />
                  </td>
                  <td className="py-1 pr-2 whitespace-nowrap">
                    <input className={cx(input, 'inline w-16')} inputMode="numeric" value={row.intervalDays} onChange={(e) => update(i, { intervalDays: e.target.value })} aria-label={t('settings.cadence.col.interval')} data-testid="cadence-interval" />
                    <span className="pl-1.5 text-slate-500">{t('settings.cadence.days')}</span>
                  </td>
                  <td className="py-1 pr-2">
                    <select className={input} value={row.method} onChange={(e) => update(i, { method: e.target.value === 'call' ? 'call' : 'visit' })} aria-label={t('settings.cadence.col.method')}>
                      <option value="visit">{t('settings.cadence.method.visit')}</option>
                      <option value="call">{t('settings.cadence.method.call')}</option>
                    </select>
                  </td>
                  <td className="py-1">
                    <Button variant="ghost" onClick={() => setRows((r) => r.filter((_, j) => j !== i))} aria-label={t('settings.cadence.remove')}>
                      ×
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <Button onClick={() => setRows((r) => [...r, { segments: '', from: '', to: '', intervalDays: '30', method: 'visit' }])}>{t('settings.cadence.add')}</Button>
          <Button variant="ghost" onClick={() => setRows(DEFAULT_CADENCE.map(toRow))}>{t('settings.cadence.reset')}</Button>
          <span className="text-slate-500">{t('settings.cadence.fallback')}</span>
        </div>

        <fieldset className="grid gap-4 border-t border-slate-100 pt-5 sm:grid-cols-2">
          <legend className="mb-2 text-[15px] font-semibold text-slate-900">{t('settings.reminders.title')}</legend>
          <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-2">
            <input type="checkbox" checked={reminders.enabled} onChange={(e) => setReminders({ ...reminders, enabled: e.target.checked })} data-testid="reminders-enabled" />
            {t('settings.reminders.enabled')}
          </label>
          <label className="text-sm text-slate-700" htmlFor={`${ids}-q1`}>
            {t('settings.reminders.quiet')}
            <span className="mt-1 flex items-center gap-2">
              <input id={`${ids}-q1`} type="time" className={input} value={reminders.quietStart} onChange={(e) => setReminders({ ...reminders, quietStart: e.target.value })} />
              <span className="text-slate-400">–</span>
              <input type="time" className={input} value={reminders.quietEnd} onChange={(e) => setReminders({ ...reminders, quietEnd: e.target.value })} aria-label={t('settings.reminders.quietEnd')} />
            </span>
          </label>
          <label className="text-sm text-slate-700">
            {t('settings.reminders.dayTime')}
            <input type="time" className={cx(input, 'mt-1')} value={reminders.dayTime} onChange={(e) => setReminders({ ...reminders, dayTime: e.target.value })} />
          </label>
          <label className="text-sm text-slate-700">
            {t('settings.reminders.lead')}
            <span className="mt-1 flex items-center gap-2">
              <input type="number" min={0} max={30} className={cx(input, 'w-20')} value={reminders.dateLeadDays} onChange={(e) => setReminders({ ...reminders, dateLeadDays: Math.max(0, Math.min(30, Math.round(Number(e.target.value) || 0))) })} />
              <span className="text-slate-500">{t('settings.cadence.days')}</span>
            </span>
          </label>
          <label className="text-sm text-slate-700">
            {t('settings.industry')}
            <select className={cx(input, 'mt-1')} value={industry} onChange={(e) => setIndustry(e.target.value as Settings['industry'])} data-testid="settings-industry">
              {(['auto', 'tobacco', 'bank', 'telecom', 'other'] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`settings.industry.${v}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>

        <div className="flex items-center justify-end gap-3 border-t border-slate-100 pt-4">
          {status && (status.ok ? <span className="text-sm text-emerald-700" role="status">{t('settings.conversation.saved')}</span> : <Notice tone="error" role="alert">{t('settings.saveFailed', { detail: status.detail })}</Notice>)}
          <Button variant="primary" disabled={invalid} onClick={() => void save()} data-testid="settings-conversation-save">
            {t('settings.cadence.save')}
          </Button>
        </div>
      </div>
    </Card>
  );
}
