import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { CustomerView } from '../../lib/db/customers';
import { formatShortDate, formatTime } from '../../lib/format';
import type { Task } from '../../lib/model';
import type { TaskDraft, TaskPatch, ViewContext, VisitDraft } from './types';
import { errorText } from './types';
import { DueLabel, urgencyOf } from './Due';
import { atTime, quickDue, snoozePatch, todayYmd, type QuickDue, type SnoozeChoice } from './dueChoices';
import { VisitForm } from './VisitForm';
import { Chips, Empty, ErrorLine, Icon, IconButton, Section, SmallButton, cx, fieldLabel, focusRing, smallInput, useFirstFew } from './ui';
import { usePanelForm } from './usePanelForm';

/** Open tasks shown before "show more" (soonest due first). */
const FIRST_TASKS = 6;

const BAR = { overdue: 'bg-red-500', soon: 'bg-amber-400', later: 'bg-slate-300', none: 'bg-slate-200' } as const;

type Visit = NonNullable<CustomerView['visit']>;

/** "Visit overdue 5 days" / "callback due today" as the first row, when the cadence says so. */
function VisitDueRow({ ctx, visit, onLog }: { ctx: ViewContext; visit: Visit; onLog(): void }) {
  const { t, now } = ctx;
  const overdue = visit.overdueDays > 0;
  const label = overdue
    ? t(visit.method === 'call' ? 'conv.visit.overdue.call' : 'conv.visit.overdue.visit', { days: visit.overdueDays })
    : t(visit.method === 'call' ? 'conv.visit.dueToday.call' : 'conv.visit.dueToday.visit');
  return (
    <li
      data-testid="visit-due"
      data-method={visit.method}
      data-overdue-days={visit.overdueDays}
      className={cx('flex items-center gap-2 rounded-md py-1 pr-1', overdue ? 'bg-red-50/60' : 'bg-amber-50/60')}
    >
      <span className={cx('w-[3px] self-stretch rounded-full', overdue ? 'bg-red-500' : 'bg-amber-400')} aria-hidden="true" />
      <Icon name={visit.method === 'call' ? 'call' : 'visit'} className={cx('h-3.5 w-3.5', overdue ? 'text-red-600' : 'text-amber-600')} />
      <span className="min-w-0 flex-1 text-[13px] leading-5">
        <span className={cx('font-medium', overdue ? 'text-red-700' : 'text-amber-800')}>{label}</span>
        <span className="ml-1.5 whitespace-nowrap text-[11.5px] text-slate-500" title={formatShortDate(visit.due, ctx.locale, now)}>
          {t('conv.visit.every', { days: visit.intervalDays })}
        </span>
      </span>
      <SmallButton variant="secondary" data-testid="visit-due-log" onClick={onLog}>
        {t('conv.visit.log')}
      </SmallButton>
    </li>
  );
}

/** "+ 待办": a title, a quick due choice, and an optional reminder time on that day. */
function TaskForm({
  ctx,
  visitDue,
  onSave,
  onClose,
}: {
  ctx: ViewContext;
  visitDue?: string;
  onSave(task: TaskDraft): Promise<void>;
  onClose(): void;
}) {
  const { t, locale, now } = ctx;
  const id = useId();
  const [title, setTitle] = useState('');
  const [choice, setChoice] = useState<QuickDue | 'none'>('none');
  const [picked, setPicked] = useState('');
  const [time, setTime] = useState('');
  const { saving, error, setError, run, handlers } = usePanelForm({ t, untouched: !title.trim(), close: onClose });
  const titleRef = useRef<HTMLInputElement>(null);
  const pickRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  // The clock, not the render's `now`: the panel may have sat open since yesterday.
  const today = todayYmd(Date.now());
  const due = choice === 'none' ? undefined : quickDue(choice, today, { visitDue, picked });
  const options: { value: QuickDue | 'none'; label: string }[] = [
    { value: 'none', label: t('conv.task.due.none') },
    { value: 'tomorrow', label: t('conv.task.due.tomorrow') },
    { value: 'nextMonday', label: t('conv.task.due.nextMonday') },
    ...(visitDue ? [{ value: 'beforeVisit' as const, label: t('conv.task.due.beforeVisit') }] : []),
    { value: 'pick', label: t('conv.task.due.pick') },
  ];

  const save = () =>
    run(async () => {
      const text = title.trim();
      if (!text) {
        setError(t('conv.task.titleRequired'));
        titleRef.current?.focus();
        return false;
      }
      if (choice === 'pick' && !due) {
        pickRef.current?.focus();
        return false;
      }
      const remindAt = due && time ? atTime(due, time) : undefined;
      if (remindAt !== undefined && remindAt <= Date.now()) {
        setError(t('conv.task.remind.past'));
        return false;
      }
      await onSave({ title: text, ...(due ? { due } : {}), ...(remindAt !== undefined ? { remindAt } : {}) });
    }, onClose);
  const { onSubmit, onKeyDown } = handlers(() => void save());

  return (
    <form
      data-testid="task-form"
      aria-labelledby={`${id}-title`}
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      className="mb-2.5 rounded-md border border-blue-200 bg-blue-50/40 p-2.5"
    >
      <h3 id={`${id}-title`} className="sr-only">
        {t('conv.task.form.title')}
      </h3>
      <label htmlFor={`${id}-text`} className={fieldLabel}>
        {t('conv.task.title')}
      </label>
      <input
        ref={titleRef}
        id={`${id}-text`}
        data-testid="task-title"
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        placeholder={t('conv.task.title.placeholder')}
        className={smallInput}
      />
      <Chips
        name={`${id}-due`}
        label={t('conv.form.due')}
        value={choice}
        onChange={(c) => {
          setChoice(c);
          if (c === 'pick') requestAnimationFrame(() => pickRef.current?.focus());
        }}
        options={options}
        testId="task-due"
        className="mt-2"
      />
      <div className="mt-1.5 flex flex-wrap items-center gap-2">
        {choice === 'pick' && (
          <input
            ref={pickRef}
            type="date"
            required
            min={today}
            aria-label={t('conv.task.due.pick')}
            data-testid="task-due-date"
            value={picked}
            onChange={(e) => setPicked(e.target.value)}
            className={cx(smallInput, 'w-[140px] py-[3px] tabular-nums')}
          />
        )}
        {due && choice !== 'pick' && (
          <span data-testid="task-due-preview" className="text-[11.5px] text-slate-500 tabular-nums">
            {formatShortDate(due, locale, now)}
          </span>
        )}
      </div>
      <label htmlFor={`${id}-time`} className={cx(fieldLabel, 'mt-2')}>
        {t('conv.task.remind')}
      </label>
      <div className="flex items-center gap-2">
        <input
          id={`${id}-time`}
          type="time"
          data-testid="task-remind-time"
          disabled={!due}
          value={time}
          onChange={(e) => setTime(e.target.value)}
          aria-describedby={!due ? `${id}-time-hint` : undefined}
          className={cx(smallInput, 'w-[110px] py-[3px] tabular-nums disabled:bg-slate-50 disabled:text-slate-400')}
        />
        {!due && (
          <span id={`${id}-time-hint`} className="text-[11.5px] text-slate-400">
            {t('conv.task.remind.needsDate')}
          </span>
        )}
      </div>
      {error && <ErrorLine>{error}</ErrorLine>}
      <div className="mt-2 flex items-center gap-1.5">
        <SmallButton type="submit" variant="primary" data-testid="task-save" disabled={saving}>
          {saving ? t('conv.form.saving') : t('conv.task.save')}
        </SmallButton>
        <SmallButton variant="ghost" data-testid="task-cancel" onClick={onClose} disabled={saving}>
          {t('conv.form.cancel')}
        </SmallButton>
      </div>
    </form>
  );
}

/** "Remind me later": a small menu of buttons; arrows move, Escape closes and gives focus back. */
function SnoozeMenu({ ctx, onPick }: { ctx: ViewContext; onPick(choice: SnoozeChoice): void }) {
  const { t } = ctx;
  const id = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const away = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      list[(at + step + list.length) % list.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      list[e.key === 'Home' ? 0 : list.length - 1]?.focus();
    } else if (e.key === 'Tab') {
      close(false);
    }
  };

  const choices: SnoozeChoice[] = ['hour', 'tomorrow', 'nextWeek'];
  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        data-testid="task-snooze"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        title={t('conv.task.snooze')}
        aria-label={t('conv.task.snooze')}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
        className={cx('rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700', open && 'bg-slate-100 text-slate-700', focusRing)}
      >
        <Icon name="clock" className="h-3.5 w-3.5" />
      </button>
      {open && (
        <div
          ref={menu}
          id={`${id}-menu`}
          role="menu"
          aria-label={t('conv.task.snooze')}
          onKeyDown={onKeyDown}
          className="absolute right-0 top-full z-30 mt-1 min-w-[112px] rounded-md bg-white py-1 shadow-lg ring-1 ring-slate-200"
        >
          {choices.map((c) => (
            <button
              key={c}
              type="button"
              role="menuitem"
              data-testid="task-snooze-option"
              data-choice={c}
              onClick={() => {
                close(true);
                onPick(c);
              }}
              className="block w-full whitespace-nowrap px-3 py-1.5 text-left text-[12.5px] text-slate-700 outline-none hover:bg-slate-100 focus:bg-blue-50 focus:text-blue-800"
            >
              {t(`conv.task.snooze.${c}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** One open task: done, snooze, rename in place. Each change waits for the background; errors show below. */
function TaskRow({
  ctx,
  task,
  reminderDayTime,
  onUpdate,
}: {
  ctx: ViewContext;
  task: Task;
  reminderDayTime?: string;
  onUpdate(taskId: string, patch: TaskPatch): Promise<void>;
}) {
  const { t, locale, now } = ctx;
  const urgency = urgencyOf(task.due, now);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(task.title);
  const [error, setError] = useState<string>();
  const editRef = useRef<HTMLInputElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (editing) editRef.current?.select();
  }, [editing]);

  const run = async (patch: TaskPatch): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await onUpdate(task.id, patch);
      return true;
    } catch (err) {
      setError(errorText(t, err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const markDone = async () => {
    setDone(true);
    if (!(await run({ status: 'done' }))) setDone(false);
  };
  const snooze = (choice: SnoozeChoice) => void run(snoozePatch(task, choice, Date.now(), reminderDayTime));
  const startEdit = () => {
    setDraft(task.title);
    setError(undefined);
    setEditing(true);
  };
  const stopEdit = (refocus: boolean) => {
    setEditing(false);
    if (refocus) requestAnimationFrame(() => editButton.current?.focus());
  };
  const saveEdit = async (refocus: boolean) => {
    const title = draft.trim();
    if (!title || title === task.title) return stopEdit(refocus);
    if (await run({ title })) stopEdit(refocus);
  };
  const onEditKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      void saveEdit(true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      stopEdit(true);
    }
  };

  const remindFuture = task.remindAt !== undefined && task.remindAt > now;
  return (
    <li
      data-testid="task"
      data-overdue={urgency === 'overdue' || undefined}
      data-busy={busy || undefined}
      className={cx('rounded-md py-1 pr-0.5', urgency === 'overdue' && 'bg-red-50/60', done && 'opacity-50')}
    >
      <div className="flex items-start gap-2">
        <span className={cx('mt-0.5 w-[3px] self-stretch rounded-full', BAR[urgency])} aria-hidden="true" />
        <input
          type="checkbox"
          data-testid="task-done"
          checked={done}
          disabled={busy}
          onChange={() => void markDone()}
          aria-label={t('conv.task.markDone', { title: task.title })}
          className="mt-[3px] h-3.5 w-3.5 shrink-0 cursor-pointer accent-blue-600"
        />
        {editing ? (
          <input
            ref={editRef}
            data-testid="task-title-input"
            aria-label={t('conv.task.editLabel')}
            title={t('conv.task.editHint')}
            maxLength={200}
            value={draft}
            disabled={busy}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onEditKey}
            onBlur={() => void saveEdit(false)}
            className={cx(smallInput, 'min-w-0 flex-1 py-0.5')}
          />
        ) : (
          <span className={cx('min-w-0 flex-1 break-words text-[13px] leading-5 text-slate-800', done && 'line-through')}>
            {task.title}
            {remindFuture && (
              <span className="block text-[11px] leading-4 text-slate-500 tabular-nums">
                {t('conv.task.remindAt', { when: `${formatShortDate(task.remindAt!, locale, now)} ${formatTime(task.remindAt!, locale)}` })}
              </span>
            )}
          </span>
        )}
        <DueLabel ctx={ctx} due={task.due} className="mt-px leading-5" />
        <div className="-my-0.5 flex shrink-0 items-center">
          <SnoozeMenu ctx={ctx} onPick={snooze} />
          <button
            ref={editButton}
            type="button"
            data-testid="task-edit"
            aria-pressed={editing}
            title={t('conv.task.edit')}
            aria-label={t('conv.task.edit')}
            onMouseDown={(e) => editing && e.preventDefault()}
            onClick={() => (editing ? void saveEdit(true) : startEdit())}
            className={cx('rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700', focusRing)}
          >
            <Icon name="note" className="h-3.5 w-3.5" />
          </button>
        </div>
      </div>
      {error && <ErrorLine>{error}</ErrorLine>}
    </li>
  );
}

/**
 * Open tasks, soonest first; overdue ones in red, those due within three days in amber. A visit the
 * cadence says is due today or overdue leads the list. The header logs a visit and adds a task.
 */
export function OpenTasks({
  ctx,
  tasks,
  visit,
  reminderDayTime,
  onLogVisit,
  onAddTask,
  onUpdateTask,
}: {
  ctx: ViewContext;
  tasks: Task[];
  visit?: CustomerView['visit'];
  /** The settings' reminder time of a dated task (HH:MM), for snoozing a task due later. */
  reminderDayTime?: string;
  onLogVisit(visit: VisitDraft): Promise<void>;
  onAddTask(task: TaskDraft): Promise<void>;
  onUpdateTask(taskId: string, patch: TaskPatch): Promise<void>;
}) {
  const { t, now } = ctx;
  const [form, setForm] = useState<'visit' | 'task'>();
  const opener = useRef<HTMLElement | null>(null);
  const visitDue = visit && (visit.overdueDays > 0 || visit.due === todayYmd(now)) ? visit : undefined;

  const open = (which: 'visit' | 'task') => {
    opener.current = document.activeElement as HTMLElement | null;
    setForm(which);
  };
  const close = () => {
    setForm(undefined);
    const back = opener.current;
    requestAnimationFrame(() => (back?.isConnected ? back : document.querySelector<HTMLElement>('[data-testid="log-visit"]'))?.focus());
  };

  const aside = (
    <div className="-mr-1 flex items-center gap-0.5">
      <SmallButton variant="link" data-testid="log-visit" aria-expanded={form === 'visit'} onClick={() => (form === 'visit' ? close() : open('visit'))}>
        {t('conv.visit.log')}
      </SmallButton>
      <SmallButton variant="link" data-testid="task-add" aria-expanded={form === 'task'} onClick={() => (form === 'task' ? close() : open('task'))}>
        {t('conv.task.add')}
      </SmallButton>
    </div>
  );

  const { shown, more } = useFirstFew(tasks, FIRST_TASKS);
  return (
    <Section title={t('panel.tasks.title')} count={tasks.length} testId="open-tasks" aside={aside}>
      {form === 'visit' && <VisitForm ctx={ctx} method={visit?.method ?? 'visit'} onSave={onLogVisit} onClose={close} />}
      {form === 'task' && <TaskForm ctx={ctx} visitDue={visit?.due} onSave={onAddTask} onClose={close} />}
      {tasks.length === 0 && !visitDue ? (
        <Empty>{t('panel.tasks.empty')}</Empty>
      ) : (
        <ul className="space-y-1.5">
          {visitDue && <VisitDueRow ctx={ctx} visit={visitDue} onLog={() => open('visit')} />}
          {shown.map((task) => (
            <TaskRow key={task.id} ctx={ctx} task={task} reminderDayTime={reminderDayTime} onUpdate={onUpdateTask} />
          ))}
        </ul>
      )}
      {more(t, 'tasks-more')}
    </Section>
  );
}
