import { useEffect, useState, type ReactNode } from 'react';
import type { PanelTranslate } from '../../lib/i18n/panel-bundle';
import type { Locale } from '../../lib/i18n/translate';
import type { PanelState } from '../../lib/messaging/protocol';
import type { PanelActions, PanelError, PendingNote, ViewContext } from './types';
import { errorText } from './types';
import { CustomerHeader, TopBar } from './Header';
import { CustomerCard } from './CustomerCard';
import { ContactsList } from './ContactsList';
import { OpenTasks } from './OpenTasks';
import { OpenNeeds } from './OpenNeeds';
import { QuickNote } from './QuickNote';
import { Timeline } from './Timeline';
import { NoMatch } from './NoMatch';
import { TalkingPoints } from './TalkingPoints';
import { Button, Icon } from './ui';

export type PanelPhase = 'loading' | 'ready' | 'error';

export interface PanelViewProps {
  t: PanelTranslate;
  locale: Locale;
  phase: PanelPhase;
  state?: PanelState;
  /** Fatal when phase is 'error'; otherwise a passing problem shown as a banner above the content. */
  error?: PanelError;
  pendingNotes?: PendingNote[];
  /** The manager said "not this customer?": show search instead of the profile. */
  picking?: boolean;
  actions: PanelActions;
  isMac?: boolean;
  /** Fixed "now" for previews and tests. */
  now?: number;
  /** The settings' reminder time for dated tasks (HH:MM, settings.reminders.dayTime); 09:00 when not given. */
  reminderDayTime?: string;
}

const SKELETON_DELAY_MS = 150;

/** A quiet placeholder, shown only if loading takes longer than a blink. */
function Skeleton() {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setVisible(true), SKELETON_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  if (!visible) return null;
  const bar = 'rounded bg-slate-200/70';
  return (
    <div className="animate-pulse space-y-5 px-4 py-4" aria-hidden="true">
      <div className="space-y-2">
        <div className={`${bar} h-5 w-2/3`} />
        <div className={`${bar} h-3 w-1/3`} />
      </div>
      {[0, 1, 2].map((i) => (
        <div key={i} className="space-y-2">
          <div className={`${bar} h-3 w-1/4`} />
          <div className={`${bar} h-3 w-full`} />
          <div className={`${bar} h-3 w-5/6`} />
        </div>
      ))}
    </div>
  );
}

function Message({ icon, title, children }: { icon: 'page' | 'alert'; title: string; children?: ReactNode }) {
  return (
    <div className="px-6 py-10 text-center">
      <span
        className={
          icon === 'alert'
            ? 'mx-auto flex h-10 w-10 items-center justify-center rounded-full bg-red-50 text-red-600'
            : 'mx-auto flex h-10 w-10 items-center justify-center rounded-full bg-slate-100 text-slate-500'
        }
      >
        <Icon name={icon} className="h-5 w-5" />
      </span>
      <h1 className="mt-3 text-[14px] font-semibold text-slate-800">{title}</h1>
      {children}
    </div>
  );
}

/**
 * False for the first paint of a customer, true from the next frame on: the name, card, tasks and
 * needs appear first, and contacts, the note box and the history follow a frame later, so the
 * manager sees who it is without waiting for the longest lists.
 */
function usePaintedAfter(key: string | undefined): boolean {
  const [painted, setPainted] = useState<string | undefined>();
  useEffect(() => {
    if (!key || painted === key) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(key), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [key, painted]);
  return !!key && painted === key;
}

/** The whole panel for one state; pure props in, callbacks out. */
export function PanelView(props: PanelViewProps) {
  const { t, locale, phase, state, error, pendingNotes = [], picking = false, actions, isMac = false } = props;
  const ctx: ViewContext = { t, locale, now: props.now ?? Date.now() };
  const match = state?.match;
  const view = state?.view;
  const dataState = phase === 'ready' && match ? match.state : phase === 'error' ? 'error' : 'loading';
  const showProfile = match?.state === 'matched' && view && !picking;
  const restPainted = usePaintedAfter(showProfile ? view.customer.id : undefined);

  let body: ReactNode;
  if (phase === 'loading' || (phase === 'ready' && !match)) {
    body = <Skeleton />;
  } else if (phase === 'error') {
    body = (
      <Message icon="alert" title={t('panel.error.title')}>
        <p role="alert" className="mt-1 text-[13px] leading-5 text-slate-600">
          {errorText(t, error)}
        </p>
        {error?.code !== 'badToken' && (
          <Button variant="secondary" className="mt-4" onClick={actions.retry}>
            {t('panel.retry')}
          </Button>
        )}
      </Message>
    );
  } else if (match!.state === 'idle') {
    body = (
      <Message icon="page" title={t('panel.idle.title')}>
        <p className="mx-auto mt-1 max-w-[260px] text-[12.5px] leading-5 text-slate-500">{t('panel.idle.hint')}</p>
      </Message>
    );
  } else if (showProfile) {
    const id = view.customer.id;
    // Keyed by customer: a half-typed form never carries over to another customer.
    body = (
      <>
        <TalkingPoints
          key={`talking-${id}`}
          ctx={ctx}
          points={view.talking ?? []}
          onDismiss={(pointId) => actions.dismissTalking(id, pointId)}
          onInsert={actions.insertText}
        />
        <CustomerCard ctx={ctx} customer={view.customer} />
        <OpenTasks
          key={`tasks-${id}`}
          ctx={ctx}
          tasks={view.openTasks}
          visit={view.visit}
          reminderDayTime={props.reminderDayTime}
          onLogVisit={(visit) => actions.logVisit(id, visit)}
          onAddTask={(task) => actions.addTask(id, task)}
          onUpdateTask={actions.updateTask}
        />
        <OpenNeeds key={`needs-${id}`} ctx={ctx} needs={view.openNeeds} onAdd={(need) => actions.addNeed(id, need)} onAdvance={actions.advanceNeed} />
        {restPainted && (
          <>
            <ContactsList ctx={ctx} contacts={view.contacts} />
            <QuickNote ctx={ctx} isMac={isMac} onSave={(text) => actions.saveNote(view.customer.id, text)} />
            <Timeline
              ctx={ctx}
              items={view.timeline}
              total={view.timelineTotal}
              pending={pendingNotes.filter((p) => p.customerId === view.customer.id)}
            />
          </>
        )}
      </>
    );
  } else {
    // 'none', 'ambiguous', or "not this customer?" from any state.
    const m = match!;
    body = (
      <NoMatch
        ctx={ctx}
        mode={picking ? 'pick' : m.state === 'ambiguous' ? 'ambiguous' : m.state === 'none' ? 'none' : 'pick'}
        identifiers={m.identifiers}
        names={m.names}
        candidates={m.state === 'ambiguous' ? m.candidates : []}
        actions={actions}
      />
    );
  }

  return (
    <div
      data-testid="panel-state"
      data-state={dataState}
      aria-busy={phase === 'loading'}
      className="flex h-screen flex-col bg-white text-slate-800"
    >
      <header className="sticky top-0 z-20 shrink-0 border-b border-slate-200 bg-white/95 backdrop-blur">
        <TopBar ctx={ctx} onCollapse={actions.collapse} />
        {showProfile && match.state === 'matched' && (
          <CustomerHeader ctx={ctx} customer={view.customer} because={match.because} nameReason={match.nameReason} chosen={match.chosen} onNotThis={actions.unchoose} />
        )}
      </header>
      {phase !== 'error' && error && (
        <div role="status" className="flex shrink-0 items-start gap-2 border-b border-amber-200 bg-amber-50 px-4 py-2 text-[12px] leading-5 text-amber-900">
          <Icon name="alert" className="mt-0.5 h-3.5 w-3.5" />
          <span className="min-w-0 flex-1">{errorText(t, error)}</span>
        </div>
      )}
      {phase === 'ready' && state?.ruleMisses?.map((miss) => (
        <div
          key={miss.ruleId}
          role="status"
          data-testid="rule-miss"
          className="flex shrink-0 items-start gap-2 border-b border-amber-200 bg-amber-50 px-4 py-2 text-[12px] leading-5 text-amber-900"
        >
          <Icon name="alert" className="mt-0.5 h-3.5 w-3.5 shrink-0" />
          <span className="min-w-0 flex-1">
            <span className="font-medium">{t('rules.miss', { label: miss.label })}</span>
            <span className="block text-amber-800/90">{t('rules.miss.hint')}</span>
          </span>
        </div>
      ))}
      <main className="min-h-0 flex-1 overflow-y-auto overflow-x-hidden">{body}</main>
    </div>
  );
}
