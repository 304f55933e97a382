import { useEffect, useId, useRef, useState } from 'react';
import type { Need, NeedStatus } from '../../lib/model';
import { daysOverdue, formatShortDate } from '../../lib/format';
import type { NeedDraft, NeedStep, ViewContext } from './types';
import { errorText } from './types';
import { DueLabel } from './Due';
import { fromLocalInput, toLocalInput, todayYmd } from './dueChoices';
import { Badge, Chips, Empty, ErrorLine, Section, SmallButton, cx, fieldLabel, smallInput, useFirstFew } from './ui';
import { usePanelForm } from './usePanelForm';

/** Open needs shown before "show more" (oldest first, so the longest-waiting are on top). */
const FIRST_NEEDS = 6;

const STEPS: readonly NeedStatus[] = ['raised', 'in_progress', 'resolved', 'informed'];

/**
 * How the customer was told the result. The stored value is the Chinese word, as the channels of
 * interactions are (上门 / 电话 / 微信 …); the label follows the panel's language.
 */
export const INFORM_CHANNELS = [
  { key: 'visit', value: '上门' },
  { key: 'phone', value: '电话' },
  { key: 'wechat', value: '微信' },
  { key: 'sms', value: '短信' },
  { key: 'email', value: '邮件' },
] as const;

/** Past its due date and nobody has solved it yet (a resolved need only waits for the customer to be told). */
export function needOverdueDays(need: Pick<Need, 'due' | 'status'>, now: number): number {
  if (!need.due || (need.status !== 'raised' && need.status !== 'in_progress')) return 0;
  return Math.max(0, daysOverdue(need.due, now) ?? 0);
}

/** 已登记 → 处理中 → 已解决 → 已告知, with the steps done so far filled in. */
function Steps({ ctx, status }: { ctx: ViewContext; status: NeedStatus }) {
  const { t } = ctx;
  const current = STEPS.indexOf(status);
  return (
    <ol aria-label={t('conv.need.progress')} data-testid="need-steps" className="mt-1.5 flex items-center gap-1 text-[11px] leading-4">
      {STEPS.map((step, i) => (
        <li key={step} aria-current={i === current ? 'step' : undefined} className="flex min-w-0 items-center gap-1">
          {i > 0 && <span aria-hidden="true" className={cx('h-px w-2.5 shrink-0', i <= current ? 'bg-blue-400' : 'bg-slate-300')} />}
          <span
            className={cx(
              'inline-flex items-center gap-1 whitespace-nowrap',
              i < current && 'text-blue-700',
              i === current && 'font-semibold text-slate-900',
              i > current && 'text-slate-400',
            )}
          >
            <span
              aria-hidden="true"
              className={cx(
                'h-1.5 w-1.5 shrink-0 rounded-full',
                i < current && 'bg-blue-500',
                i === current && (status === 'resolved' ? 'bg-amber-500 ring-2 ring-amber-200' : 'bg-blue-600 ring-2 ring-blue-200'),
                i > current && 'bg-slate-300',
              )}
            />
            {t(`conv.need.step.${step}` as const)}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** The question a step asks before it is taken: the resolution, or how and when the customer was told. */
function StepForm({
  ctx,
  to,
  onConfirm,
  onCancel,
}: {
  ctx: ViewContext;
  to: 'resolved' | 'informed';
  onConfirm(step: NeedStep): Promise<void>;
  onCancel(): void;
}) {
  const { t } = ctx;
  const id = useId();
  const [resolution, setResolution] = useState('');
  const [channel, setChannel] = useState<string>(INFORM_CHANNELS[1].value);
  const [at, setAt] = useState(() => toLocalInput(Date.now()));
  const { saving, error, setError, run, handlers } = usePanelForm({ t, untouched: true, close: onCancel });
  const first = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => (first.current ?? form.current?.querySelector<HTMLInputElement>('input:checked'))?.focus(), []);

  const confirm = () =>
    run(async () => {
    let step: NeedStep;
    if (to === 'resolved') {
      const text = resolution.trim();
      if (!text) {
        setError(t('conv.need.resolutionRequired'));
        first.current?.focus();
        return false;
      }
      step = { to, resolution: text };
    } else {
      const when = fromLocalInput(at);
      if (when === undefined) {
        setError(t('conv.form.badTime'));
        return false;
      }
      step = { to, channel, at: when };
    }
    await onConfirm(step);
    });
  const { onSubmit, onKeyDown } = handlers(() => void confirm());

  return (
    <form ref={form} data-testid="need-step-form" data-to={to} onSubmit={onSubmit} onKeyDown={onKeyDown} className="mt-2 rounded-md bg-slate-50 p-2">
      {to === 'resolved' ? (
        <>
          <label htmlFor={`${id}-resolution`} className={fieldLabel}>
            {t('conv.need.resolution')}
          </label>
          <textarea
            ref={first}
            id={`${id}-resolution`}
            data-testid="need-resolution"
            rows={2}
            maxLength={2_000}
            value={resolution}
            onChange={(e) => setResolution(e.target.value)}
            placeholder={t('conv.need.resolution.placeholder')}
            className={cx(smallInput, 'resize-y leading-5')}
          />
        </>
      ) : (
        <div className="space-y-1.5">
          <Chips
            name={`${id}-channel`}
            label={t('conv.need.channel')}
            value={channel}
            onChange={setChannel}
            testId="need-channel"
            options={INFORM_CHANNELS.map((c) => ({ value: c.value, label: t(`conv.channel.${c.key}`) }))}
          />
          <div>
            <label htmlFor={`${id}-at`} className={fieldLabel}>
              {t('conv.need.informedAt')}
            </label>
            <input
              id={`${id}-at`}
              type="datetime-local"
              required
              data-testid="need-informed-at"
              value={at}
              onChange={(e) => setAt(e.target.value)}
              className={cx(smallInput, 'w-[190px] py-[3px] tabular-nums')}
            />
          </div>
        </div>
      )}
      {error && <ErrorLine>{error}</ErrorLine>}
      <div className="mt-1.5 flex items-center gap-1.5">
        <SmallButton type="submit" variant="primary" data-testid="need-confirm" disabled={saving}>
          {saving ? t('conv.form.saving') : t('conv.need.confirm')}
        </SmallButton>
        <SmallButton variant="ghost" onClick={onCancel} disabled={saving}>
          {t('conv.form.cancel')}
        </SmallButton>
      </div>
    </form>
  );
}

function NeedRow({ ctx, need, onAdvance }: { ctx: ViewContext; need: Need; onAdvance(needId: string, step: NeedStep): Promise<void> }) {
  const { t, locale, now } = ctx;
  const [asking, setAsking] = useState<'resolved' | 'informed'>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const row = useRef<HTMLLIElement>(null);
  const overdue = needOverdueDays(need, now);
  const complaint = need.kind === 'complaint';

  /** After a step, the keyboard goes to the next one's button. */
  const focusStep = (to: string) =>
    requestAnimationFrame(() => row.current?.querySelector<HTMLElement>(`[data-testid="need-advance"][data-to="${to}"]`)?.focus());
  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onAdvance(need.id, { to: 'in_progress' });
      focusStep('resolved');
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    if (asking) focusStep(asking);
    setAsking(undefined);
  };
  const confirm = async (step: NeedStep) => {
    await onAdvance(need.id, step);
    setAsking(undefined);
    if (step.to === 'resolved') focusStep('informed');
  };

  const advance = (to: 'in_progress' | 'resolved' | 'informed', label: string, primary: boolean) => (
    <SmallButton
      variant={primary ? 'primary' : 'secondary'}
      data-testid="need-advance"
      data-to={to}
      aria-expanded={to === 'in_progress' ? undefined : asking === to}
      disabled={busy}
      onClick={() => {
        setError(undefined);
        if (to === 'in_progress') void start();
        else setAsking((a) => (a === to ? undefined : to));
      }}
    >
      {label}
    </SmallButton>
  );

  return (
    <li
      ref={row}
      data-testid="need"
      data-status={need.status}
      data-kind={need.kind}
      data-overdue={overdue > 0 || undefined}
      className={cx(
        'rounded-md border px-2.5 py-2',
        overdue > 0 ? 'border-red-300 bg-red-50/60' : need.status === 'resolved' ? 'border-amber-200 bg-amber-50/40' : 'border-slate-200 bg-white',
      )}
    >
      <div className="flex items-center gap-1.5">
        <Badge tone={complaint ? 'red' : 'slate'}>{t(`need.${need.kind}` as const)}</Badge>
        <span className="text-[11.5px] text-slate-400 tabular-nums">{formatShortDate(need.raisedAt, locale, now)}</span>
        <span className="ml-auto">
          {overdue > 0 ? (
            <span data-testid="need-overdue" className="whitespace-nowrap text-[12px] font-semibold text-red-700 tabular-nums">
              {t('panel.due.overdue', { days: overdue })}
            </span>
          ) : (
            need.due && need.status !== 'resolved' && <DueLabel ctx={ctx} due={need.due} />
          )}
        </span>
      </div>
      <p className="mt-1.5 line-clamp-3 whitespace-pre-wrap break-words text-[13px] leading-5 text-slate-800" title={need.description}>
        {need.description}
      </p>
      <Steps ctx={ctx} status={need.status} />
      {need.status === 'resolved' && (
        <div className="mt-1.5 text-[12px] leading-5">
          {need.resolution && (
            <p className="whitespace-pre-wrap break-words text-slate-700">
              <span className="text-slate-500">{t('conv.need.resolution')}：</span>
              {need.resolution}
            </p>
          )}
          <p className="text-amber-800">
            {need.resolvedAt !== undefined && <span className="tabular-nums">{t('conv.need.resolvedOn', { date: formatShortDate(need.resolvedAt, locale, now) })} · </span>}
            {t('conv.need.waitingInform')}
          </p>
        </div>
      )}
      {need.status !== 'informed' && (
        <div className="mt-2 flex flex-wrap items-center gap-1.5">
          {need.status === 'raised' && advance('in_progress', t('conv.need.start'), true)}
          {(need.status === 'raised' || need.status === 'in_progress') && advance('resolved', t('conv.need.resolve'), need.status === 'in_progress')}
          {need.status === 'resolved' && advance('informed', t('conv.need.inform'), true)}
        </div>
      )}
      {asking && <StepForm key={asking} ctx={ctx} to={asking} onConfirm={confirm} onCancel={cancel} />}
      {error && <ErrorLine>{error}</ErrorLine>}
    </li>
  );
}

/** "+ 诉求/投诉": kind, what the customer asked for, and an optional due date. */
function NeedForm({ ctx, onSave, onClose }: { ctx: ViewContext; onSave(need: NeedDraft): Promise<void>; onClose(): void }) {
  const { t } = ctx;
  const id = useId();
  const [kind, setKind] = useState<Need['kind']>('need');
  const [description, setDescription] = useState('');
  const [due, setDue] = useState('');
  const { saving, error, setError, run, handlers } = usePanelForm({ t, untouched: !description.trim() && !due, close: onClose });
  const text = useRef<HTMLTextAreaElement>(null);
  useEffect(() => text.current?.focus(), []);

  const save = () =>
    run(async () => {
      const words = description.trim();
      if (!words) {
        setError(t('conv.need.descriptionRequired'));
        text.current?.focus();
        return false;
      }
      await onSave({ kind, description: words, ...(due ? { due } : {}) });
    }, onClose);
  const { onSubmit, onKeyDown } = handlers(() => void save());

  return (
    <form
      data-testid="need-form"
      aria-labelledby={`${id}-title`}
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      className="mb-2.5 rounded-md border border-blue-200 bg-blue-50/40 p-2.5"
    >
      <h3 id={`${id}-title`} className="sr-only">
        {t('conv.need.form.title')}
      </h3>
      <div className="flex flex-wrap items-end gap-x-3 gap-y-2">
        <Chips
          name={`${id}-kind`}
          label={t('conv.form.kind')}
          value={kind}
          onChange={setKind}
          testId="need-kind"
          options={[
            { value: 'need', label: t('need.need') },
            { value: 'complaint', label: t('need.complaint'), tone: 'red' },
          ]}
        />
        <div>
          <label htmlFor={`${id}-due`} className={fieldLabel}>
            {t('conv.form.dueOptional')}
          </label>
          <input
            id={`${id}-due`}
            type="date"
            min={todayYmd(Date.now())}
            data-testid="need-due"
            value={due}
            onChange={(e) => setDue(e.target.value)}
            className={cx(smallInput, 'w-[140px] py-[3px] tabular-nums')}
          />
        </div>
      </div>
      <label htmlFor={`${id}-text`} className={cx(fieldLabel, 'mt-2')}>
        {t('conv.form.description')}
      </label>
      <textarea
        ref={text}
        id={`${id}-text`}
        data-testid="need-description"
        rows={2}
        maxLength={2_000}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        placeholder={t('conv.need.description.placeholder')}
        className={cx(smallInput, 'resize-y leading-5')}
      />
      {error && <ErrorLine>{error}</ErrorLine>}
      <div className="mt-2 flex items-center gap-1.5">
        <SmallButton type="submit" variant="primary" data-testid="need-save" disabled={saving}>
          {saving ? t('conv.form.saving') : t('conv.need.save')}
        </SmallButton>
        <SmallButton variant="ghost" data-testid="need-cancel" onClick={onClose} disabled={saving}>
          {t('conv.form.cancel')}
        </SmallButton>
      </div>
    </form>
  );
}

/**
 * Needs and complaints that are not closed yet, each with its step in the closed loop and the next thing
 * to do. A need closes only when the customer has been told the result; overdue ones are in red.
 */
export function OpenNeeds({
  ctx,
  needs,
  onAdd,
  onAdvance,
}: {
  ctx: ViewContext;
  needs: Need[];
  onAdd(need: NeedDraft): Promise<void>;
  onAdvance(needId: string, step: NeedStep): Promise<void>;
}) {
  const { t } = ctx;
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setAdding(false);
    requestAnimationFrame(() => addButton.current?.focus());
  };
  const aside = (
    <SmallButton ref={addButton} variant="link" data-testid="need-add" aria-expanded={adding} onClick={() => (adding ? close() : setAdding(true))} className="-mr-1">
      {t('conv.need.add')}
    </SmallButton>
  );
  const { shown, more } = useFirstFew(needs, FIRST_NEEDS);
  return (
    <Section title={t('panel.needs.title')} count={needs.length} testId="open-needs" skipOffscreen aside={aside}>
      {adding && <NeedForm ctx={ctx} onSave={onAdd} onClose={close} />}
      {needs.length === 0 ? (
        <Empty>{t('panel.needs.empty')}</Empty>
      ) : (
        <ul className="space-y-2">
          {shown.map((need) => (
            <NeedRow key={need.id} ctx={ctx} need={need} onAdvance={onAdvance} />
          ))}
        </ul>
      )}
      {more(t, 'needs-more')}
    </Section>
  );
}
