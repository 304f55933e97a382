import { useEffect, useId, useRef, useState } from 'react';
import type { Need } from '../../lib/model';
import type { ViewContext, VisitDraft } from './types';
import { fromLocalInput, toLocalInput } from './dueChoices';
import { Chips, ErrorLine, IconButton, SmallButton, cx, fieldLabel, smallInput } from './ui';
import { usePanelForm } from './usePanelForm';

/** At most this many needs in one visit (the message's limit). */
const MAX_NEEDS = 10;

interface NeedRow {
  key: number;
  kind: Need['kind'];
  description: string;
  due: string;
}

/**
 * Log a visit or callback (拜访 / 回访): how, when (now unless changed), what happened, and any needs or
 * complaints the customer raised, each recorded with it. Saving moves the next visit date. On failure
 * everything typed stays, with the reason below.
 */
export function VisitForm({
  ctx,
  method: initialMethod,
  onSave,
  onClose,
}: {
  ctx: ViewContext;
  method: VisitDraft['method'];
  onSave(visit: VisitDraft): Promise<void>;
  onClose(): void;
}) {
  const { t } = ctx;
  const id = useId();
  const [method, setMethod] = useState(initialMethod);
  const [at, setAt] = useState(() => toLocalInput(Date.now()));
  const [summary, setSummary] = useState('');
  const [needs, setNeeds] = useState<NeedRow[]>([]);
  const untouched = !summary.trim() && needs.every((r) => !r.description.trim() && !r.due);
  const { saving, error, setError, run, handlers } = usePanelForm({ t, untouched, close: onClose });
  const nextKey = useRef(0);
  const summaryRef = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => summaryRef.current?.focus(), []);

  const setNeed = (key: number, patch: Partial<NeedRow>) => setNeeds((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const addNeed = () => {
    const key = nextKey.current++;
    setNeeds((rows) => [...rows, { key, kind: 'need', description: '', due: '' }]);
    // Focus the new row's description once it is there.
    requestAnimationFrame(() => form.current?.querySelector<HTMLInputElement>(`[data-need-key="${key}"]`)?.focus());
  };
  const removeNeed = (key: number) => setNeeds((rows) => rows.filter((r) => r.key !== key));

  const save = () =>
    run(async () => {
      const when = fromLocalInput(at);
      if (when === undefined) {
        setError(t('conv.form.badTime'));
        return false;
      }
      // A row left empty is dropped; one with a date but no words is a mistake to point out.
      const rows = needs.filter((r) => r.description.trim() || r.due);
      const blank = rows.find((r) => !r.description.trim());
      if (blank) {
        setError(t('conv.need.descriptionRequired'));
        form.current?.querySelector<HTMLInputElement>(`[data-need-key="${blank.key}"]`)?.focus();
        return false;
      }
      await onSave({
        method,
        at: when,
        summary: summary.trim(),
        needs: rows.map((r) => ({ kind: r.kind, description: r.description.trim(), ...(r.due ? { due: r.due } : {}) })),
      });
    }, onClose);
  const { onSubmit, onKeyDown } = handlers(() => void save());

  return (
    <form
      ref={form}
      data-testid="visit-form"
      aria-labelledby={`${id}-title`}
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      className="mb-2.5 rounded-md border border-blue-200 bg-blue-50/40 p-2.5"
    >
      <h3 id={`${id}-title`} className="mb-2 text-[12.5px] font-semibold text-slate-800">
        {t('conv.visit.form.title')}
      </h3>
      <div className="flex flex-wrap items-end gap-x-3 gap-y-2">
        <Chips
          name={`${id}-method`}
          label={t('conv.visit.method')}
          value={method}
          onChange={setMethod}
          testId="visit-method"
          options={[
            { value: 'visit', label: t('conv.visit.method.visit') },
            { value: 'call', label: t('conv.visit.method.call') },
          ]}
        />
        <div className="min-w-[150px] flex-1">
          <label htmlFor={`${id}-at`} className={fieldLabel}>
            {t('conv.form.when')}
          </label>
          <input
            id={`${id}-at`}
            data-testid="visit-at"
            type="datetime-local"
            required
            value={at}
            onChange={(e) => setAt(e.target.value)}
            className={cx(smallInput, 'tabular-nums')}
          />
        </div>
      </div>
      <label htmlFor={`${id}-summary`} className={cx(fieldLabel, 'mt-2')}>
        {t('conv.visit.summary')}
      </label>
      <textarea
        ref={summaryRef}
        id={`${id}-summary`}
        data-testid="visit-summary"
        rows={3}
        maxLength={20_000}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        placeholder={t('conv.visit.summary.placeholder')}
        className={cx(smallInput, 'min-h-[60px] resize-y leading-5')}
      />

      {needs.length > 0 && (
        <fieldset className="mt-2">
          <legend className={fieldLabel}>{t('conv.visit.needs')}</legend>
          <ul className="space-y-1.5">
            {needs.map((row) => (
              <li key={row.key} data-testid="visit-need" className="rounded-md border border-slate-200 bg-white p-1.5">
                <div className="flex items-center gap-1.5">
                  <select
                    aria-label={t('conv.form.kind')}
                    data-testid="visit-need-kind"
                    value={row.kind}
                    onChange={(e) => setNeed(row.key, { kind: e.target.value as Need['kind'] })}
                    className={cx(smallInput, 'w-auto py-[3px]', row.kind === 'complaint' && 'text-red-700')}
                  >
                    <option value="need">{t('need.need')}</option>
                    <option value="complaint">{t('need.complaint')}</option>
                  </select>
                  <input
                    type="date"
                    aria-label={t('conv.form.dueOptional')}
                    title={t('conv.form.dueOptional')}
                    data-testid="visit-need-due"
                    value={row.due}
                    onChange={(e) => setNeed(row.key, { due: e.target.value })}
                    className={cx(smallInput, 'ml-auto w-[136px] py-[3px] tabular-nums')}
                  />
                  <IconButton icon="x" label={t('conv.visit.removeNeed')} data-testid="visit-need-remove" onClick={() => removeNeed(row.key)} />
                </div>
                <input
                  data-need-key={row.key}
                  data-testid="visit-need-description"
                  aria-label={t('conv.form.description')}
                  maxLength={2_000}
                  value={row.description}
                  onChange={(e) => setNeed(row.key, { description: e.target.value })}
                  placeholder={t('conv.need.description.placeholder')}
                  className={cx(smallInput, 'mt-1.5')}
                />
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {needs.length < MAX_NEEDS && (
        <SmallButton variant="link" data-testid="visit-add-need" onClick={addNeed} className="-ml-1 mt-1.5">
          {t('conv.visit.addNeed')}
        </SmallButton>
      )}

      {error && <ErrorLine>{error}</ErrorLine>}
      <div className="mt-2 flex items-center gap-1.5">
        <SmallButton type="submit" variant="primary" data-testid="visit-save" disabled={saving}>
          {saving ? t('conv.form.saving') : t('conv.visit.save')}
        </SmallButton>
        <SmallButton variant="ghost" data-testid="visit-cancel" onClick={onClose} disabled={saving}>
          {t('conv.form.cancel')}
        </SmallButton>
        <span className="ml-auto text-[11px] text-slate-400">{t('conv.visit.saveHint')}</span>
      </div>
    </form>
  );
}
