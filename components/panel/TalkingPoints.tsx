import { useEffect, useRef, useState } from 'react';
import { pointText } from '../../lib/talking/copy';
import type { TalkingPoint, Tone } from '../../lib/talking';
import type { ViewContext } from './types';
import { errorText } from './types';
import { ErrorLine, Icon, IconButton, Section, SmallButton, cx, focusRing } from './ui';

/** Points shown before "show N more". */
const FIRST = 5;
/** How long "copied" / "inserted" stays. */
const FEEDBACK_MS = 2_000;

const TONE_BAR: Record<Tone, string> = {
  urgent: 'bg-red-500',
  attention: 'bg-amber-400',
  care: 'bg-rose-400',
  opportunity: 'bg-emerald-500',
  info: 'bg-sky-400',
};
/** Copy to the clipboard; falls back to a hidden text box where the async clipboard is refused (frames). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const before = document.activeElement as HTMLElement | null;
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    before?.focus();
    return ok;
  }
}

type Feedback = { kind: 'ok' | 'warn'; text: string };

function Point({
  ctx,
  point,
  onDismiss,
  onInsert,
}: {
  ctx: ViewContext;
  point: TalkingPoint;
  onDismiss(): void;
  onInsert(text: string): Promise<boolean>;
}) {
  const { t, locale } = ctx;
  const [feedback, setFeedback] = useState<Feedback>();
  const [inserting, setInserting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const show = (f: Feedback, fade = true) => {
    clearTimeout(timer.current);
    setFeedback(f);
    if (fade) timer.current = setTimeout(() => setFeedback(undefined), FEEDBACK_MS);
  };
  const copy = async () => {
    const ok = await copyText(pointText(point, locale));
    show(ok ? { kind: 'ok', text: t('conv.talking.copied') } : { kind: 'warn', text: t('conv.talking.copyFailed') }, ok);
  };
  const insert = async () => {
    setInserting(true);
    try {
      const inserted = await onInsert(point.text[locale]);
      show(inserted ? { kind: 'ok', text: t('conv.talking.inserted') } : { kind: 'warn', text: t('conv.talking.noReplyBox') }, inserted);
    } catch (err) {
      show({ kind: 'warn', text: errorText(t, err) }, false);
    } finally {
      setInserting(false);
    }
  };

  const tone = TONE_BAR[point.tone] ? point.tone : 'info';
  const toneLabel = t(`conv.tone.${tone}` as const);
  return (
    <li
      data-testid="talking-point"
      data-rule={point.ruleId}
      data-tone={tone}
      className={cx('relative flex gap-2 rounded-md py-1.5 pl-0 pr-1', tone === 'urgent' && 'bg-red-50/50')}
    >
      <span className={cx('w-[3px] shrink-0 self-stretch rounded-full', TONE_BAR[tone])} title={toneLabel} aria-hidden="true" />
      <div className="min-w-0 flex-1">
        <p className="break-words pr-5 text-[13px] leading-5 text-slate-800">
          <span className="sr-only">{toneLabel}: </span>
          <span data-testid="talking-text">{point.text[locale]}</span>
        </p>
        <p className="mt-0.5 break-words text-[11.5px] leading-4 text-slate-500">
          <span className="sr-only">{t('conv.talking.because')}: </span>
          {point.because[locale]}
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-x-1 gap-y-0.5">
          <SmallButton variant="link" data-testid="talking-copy" onClick={() => void copy()} className="-ml-1">
            <Icon name="copy" className="h-3 w-3" />
            {t('conv.talking.copy')}
          </SmallButton>
          <SmallButton variant="link" data-testid="talking-insert" onClick={() => void insert()} disabled={inserting}>
            <Icon name="reply" className="h-3 w-3" />
            {t('conv.talking.insert')}
          </SmallButton>
          <span
            role="status"
            data-testid="talking-feedback"
            className={cx('min-w-0 text-[11.5px] leading-4', feedback?.kind === 'warn' ? 'text-amber-700' : 'text-emerald-700')}
          >
            {feedback && (
              <>
                {feedback.kind === 'ok' && <Icon name="check" className="mr-0.5 inline h-3 w-3 align-[-2px]" />}
                {feedback.text}
              </>
            )}
          </span>
        </div>
      </div>
      <IconButton
        icon="x"
        label={t('conv.talking.dismiss')}
        data-testid="talking-dismiss"
        onClick={onDismiss}
        className="absolute right-0 top-1"
      />
    </li>
  );
}

/**
 * What to say to this customer now (lib/talking), in the order given: the words, the evidence in grey,
 * and copy, insert-into-the-reply and "not today" for each. Hidden when there is nothing to say.
 */
export function TalkingPoints({
  ctx,
  points,
  onDismiss,
  onInsert,
}: {
  ctx: ViewContext;
  points: readonly TalkingPoint[];
  onDismiss(pointId: string): Promise<void>;
  onInsert(text: string): Promise<boolean>;
}) {
  const { t } = ctx;
  const [expanded, setExpanded] = useState(false);
  /** Dismissed here, not yet gone from the state the background sent. */
  const [hiding, setHiding] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string>();
  const list = useRef<HTMLUListElement>(null);

  const visible = points.filter((p) => !hiding.has(p.id));
  if (visible.length === 0 && !error) return null;
  const shown = expanded ? visible : visible.slice(0, FIRST);

  const dismiss = (point: TalkingPoint, index: number) => {
    setError(undefined);
    setHiding((h) => new Set(h).add(point.id));
    // Keep the keyboard where it was: on the next point's dismiss button, or the previous one's.
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('[data-testid="talking-dismiss"]');
    const next = buttons?.[index + 1] ?? buttons?.[index - 1];
    next?.focus();
    onDismiss(point.id).catch((err: unknown) => {
      setHiding((h) => {
        const rest = new Set(h);
        rest.delete(point.id);
        return rest;
      });
      setError(errorText(t, err));
    });
  };

  return (
    <Section title={t('conv.talking.title')} count={visible.length} testId="talking">
      <ul ref={list} className="space-y-1">
        {shown.map((point, i) => (
          <Point key={point.id} ctx={ctx} point={point} onDismiss={() => dismiss(point, i)} onInsert={onInsert} />
        ))}
      </ul>
      {visible.length > FIRST && (
        <button
          type="button"
          data-testid="talking-more"
          aria-expanded={expanded}
          onClick={() => setExpanded((e) => !e)}
          className={cx('mt-1 w-full rounded py-1 text-center text-[12px] text-blue-700 hover:bg-blue-50', focusRing)}
        >
          {expanded ? t('conv.talking.less') : t('conv.talking.more', { count: visible.length - FIRST })}
        </button>
      )}
      {error && <ErrorLine>{error}</ErrorLine>}
    </Section>
  );
}
