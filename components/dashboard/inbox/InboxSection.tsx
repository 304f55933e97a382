import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { isQuotaError } from '@/lib/db/db';
import { InboxError, deleteInboxNote, fileInboxNote, fileInboxNotes, listInbox } from '@/lib/db/inbox';
import { formatDate, formatNumber, formatTime, formatWhen } from '@/lib/format';
import type { Translate } from '@/lib/i18n';
import type { InboxNote } from '@/lib/model';
import { useBook } from '../book/useBook';
import { useLocale } from '../i18n';
import { useLoaded } from '../useLoaded';
import { Button, Card, Icon, Notice, PageHeader, cx, focusRing } from '../ui';

/** How many customers the picker offers; more than this and the manager should type more. */
const PICKER_LIMIT = 8;
/** A page quote longer than this starts folded, so a pasted article does not push the other notes away. */
const QUOTE_FOLD_CHARS = 240;
const QUOTE_FOLD_LINES = 4;

/** Which notes an open picker files: one note, or the selected ones. */
type Target = { kind: 'one'; id: string } | { kind: 'selected' };
/** Where an error is shown: next to the action that failed. */
type Failure = { at: string; text: string };
type Done = { kind: 'filed'; customerId: string; name: string; count: number; skipped: number } | { kind: 'deleted' };

const SELECTED = 'selected';
const TOP = 'top';

function failureText(err: unknown, t: Translate): string {
  if (err instanceof InboxError) {
    if (err.code === 'customerNotFound') return t('inbox.error.customerNotFound');
    if (err.code === 'noteNotFound') return t('inbox.error.noteNotFound');
  }
  if (isQuotaError(err)) return t('inbox.error.quota');
  return t('inbox.error.internal', { detail: err instanceof Error ? err.message : String(err) });
}

/** Only web addresses become links: a stored `javascript:` or `data:` address must never be clickable. */
function webUrl(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : undefined;
  } catch {
    return undefined;
  }
}

export function InboxSection({ onChanged }: { onChanged: () => void }) {
  const { t, locale } = useLocale();
  // The picker searches the dashboard's book; the confirmation names the customer from it too.
  const { book, reload: reloadBook } = useBook();
  const { value: notes, error: loadError, reload } = useLoaded(listInbox);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [picker, setPicker] = useState<Target>();
  const [confirmDelete, setConfirmDelete] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure>();
  const [done, setDone] = useState<Done>();
  const doneRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);

  // Notes are captured in other tabs while this one sits in the background: re-read on coming back.
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);

  // The selection only ever holds notes still listed (others may be filed from another window).
  const selectedIds = useMemo(() => (notes ?? []).filter((n) => selected.has(n.id)).map((n) => n.id), [notes, selected]);
  const allSelected = !!notes?.length && selectedIds.length === notes.length;
  const selectAllRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = selectedIds.length > 0 && !allSelected;
  }, [selectedIds.length, allSelected]);

  // The note just filed or deleted is gone, and focus with it: move focus to the confirmation.
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  function openPicker(target: Target, opener: HTMLElement) {
    openerRef.current = opener;
    setPicker(target);
    setConfirmDelete(undefined);
    setFailure(undefined);
  }
  function closePicker() {
    setPicker(undefined);
    setFailure(undefined);
    // Back to the button that opened it, so the keyboard user keeps their place in the list.
    requestAnimationFrame(() => openerRef.current?.isConnected && openerRef.current.focus());
  }

  async function fileTo(customerId: string) {
    if (!picker || busy) return;
    const at = picker.kind === 'one' ? picker.id : SELECTED;
    const ids = picker.kind === 'one' ? [picker.id] : selectedIds;
    const name = book?.entries.get(customerId)?.name ?? '';
    setBusy(true);
    setFailure(undefined);
    setDone(undefined);
    try {
      const filed = picker.kind === 'one' ? [await fileInboxNote(picker.id, customerId)] : await fileInboxNotes(ids, customerId);
      if (filed.length === 0) throw new InboxError('noteNotFound');
      setPicker(undefined);
      setSelected((s) => new Set([...s].filter((id) => !ids.includes(id))));
      setDone({ kind: 'filed', customerId, name, count: filed.length, skipped: ids.length - filed.length });
      onChanged();
    } catch (err) {
      // A note gone meanwhile leaves no row to show the message by: it goes above the list.
      setFailure({ at: err instanceof InboxError && err.code === 'noteNotFound' ? TOP : at, text: failureText(err, t) });
      if (err instanceof InboxError && err.code === 'noteNotFound') setPicker(undefined);
      // The picker offered a customer deleted since the book was read: refresh it so it is not offered again.
      if (err instanceof InboxError && err.code === 'customerNotFound') reloadBook();
    } finally {
      setBusy(false);
      reload();
    }
  }

  async function remove(id: string) {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    setDone(undefined);
    try {
      await deleteInboxNote(id);
      setConfirmDelete(undefined);
      setSelected((s) => new Set([...s].filter((x) => x !== id)));
      setDone({ kind: 'deleted' });
      onChanged();
    } catch (err) {
      setFailure({ at: id, text: failureText(err, t) });
    } finally {
      setBusy(false);
      reload();
    }
  }

  const failureAt = (at: string, className = 'mt-3') =>
    failure?.at === at ? (
      <div className={className}>
        <Notice tone="error" role="alert" testId="inbox-error">
          {failure.text}
        </Notice>
      </div>
    ) : null;

  return (
    <div data-testid="inbox-section">
      <PageHeader title={t('inbox.title')} subtitle={t('inbox.subtitle')} />

      {done && (
        <div ref={doneRef} tabIndex={-1} className="mb-4 rounded-md outline-none">
          {done.kind === 'filed' ? (
            <Notice tone="success" role="status" testId="inbox-filed">
              <p>
                {done.count === 1 ? t('inbox.filed.one', { name: done.name }) : t('inbox.filed.many', { count: formatNumber(done.count, locale), name: done.name })}
                {done.skipped > 0 && ` ${t('inbox.filed.skipped', { count: formatNumber(done.skipped, locale) })}`}
              </p>
              <a href={`#customer/${encodeURIComponent(done.customerId)}`} className={cx('inline-flex items-center gap-1 font-medium text-emerald-800 underline underline-offset-2 hover:text-emerald-950', focusRing)} data-testid="inbox-filed-link">
                {t('inbox.filed.open')}
                <Icon name="chevron" className="size-3.5" />
              </a>
            </Notice>
          ) : (
            <Notice tone="success" role="status" testId="inbox-deleted">
              {t('inbox.deleted')}
            </Notice>
          )}
        </div>
      )}

      {failureAt(TOP, 'mb-4')}

      {loadError && (
        <div className="mb-4">
          <Notice tone="error" role="alert" testId="inbox-load-error">
            <p>{t('inbox.error.load', { detail: loadError })}</p>
            <button type="button" className={cx('font-medium underline', focusRing)} onClick={reload}>
              {t('inbox.retry')}
            </button>
          </Notice>
        </div>
      )}

      {!notes ? (
        !loadError && <p className="text-sm text-slate-500">{t('inbox.loading')}</p>
      ) : notes.length === 0 ? (
        <Card>
          <div className="flex flex-col items-center px-6 py-10 text-center" data-testid="inbox-empty">
            <span className="flex size-11 items-center justify-center rounded-full bg-slate-100 text-slate-400">
              <Icon name="check" className="size-5" />
            </span>
            <p className="mt-3 text-sm font-medium text-slate-800">{t('inbox.empty.title')}</p>
            <p className="mt-1 max-w-md text-sm leading-relaxed text-slate-500">{t('inbox.empty.hint')}</p>
          </div>
        </Card>
      ) : (
        <section className="rounded-lg border border-slate-200 bg-white shadow-xs" aria-label={t('inbox.title')}>
          <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-5 py-3">
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input
                ref={selectAllRef}
                type="checkbox"
                checked={allSelected}
                onChange={() => setSelected(allSelected ? new Set() : new Set(notes.map((n) => n.id)))}
                className={cx('size-4 accent-blue-700', focusRing)}
                data-testid="inbox-select-all"
              />
              {t('inbox.selectAll')}
            </label>
            <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-600 tabular-nums" data-testid="inbox-count">
              {t('inbox.count', { count: formatNumber(notes.length, locale) })}
            </span>
            {selectedIds.length > 0 && (
              <div className="ml-auto flex items-center gap-2">
                <span className="text-sm text-slate-600 tabular-nums">{t('inbox.selected', { count: formatNumber(selectedIds.length, locale) })}</span>
                <Button variant="ghost" disabled={busy} onClick={() => setSelected(new Set())}>
                  {t('inbox.clearSelection')}
                </Button>
                <Button
                  variant="primary"
                  icon="file"
                  disabled={busy}
                  aria-expanded={picker?.kind === 'selected'}
                  onClick={(e) => (picker?.kind === 'selected' ? closePicker() : openPicker({ kind: 'selected' }, e.currentTarget))}
                  data-testid="inbox-file-selected"
                >
                  {t('inbox.fileSelected', { count: formatNumber(selectedIds.length, locale) })}
                </Button>
              </div>
            )}
          </div>
          {picker?.kind === 'selected' && selectedIds.length > 0 && (
            <div className="border-b border-slate-100 bg-slate-50/70 px-5 py-4">
              <CustomerPicker title={t('inbox.picker.titleMany', { count: formatNumber(selectedIds.length, locale) })} busy={busy} onPick={(id) => void fileTo(id)} onClose={closePicker} />
              {failureAt(SELECTED)}
            </div>
          )}

          <ul className="divide-y divide-slate-100">
            {notes.map((note) => (
              <NoteItem
                key={note.id}
                note={note}
                checked={selected.has(note.id)}
                onToggle={() => toggle(note.id)}
                busy={busy}
                fileOpen={picker?.kind === 'one' && picker.id === note.id}
                onFile={(opener) => (picker?.kind === 'one' && picker.id === note.id ? closePicker() : openPicker({ kind: 'one', id: note.id }, opener))}
                deleting={confirmDelete === note.id}
                onDelete={() => (setConfirmDelete(note.id), setPicker(undefined), setFailure(undefined))}
                onCancelDelete={() => setConfirmDelete(undefined)}
                onConfirmDelete={() => void remove(note.id)}
              >
                {picker?.kind === 'one' && picker.id === note.id && (
                  <div className="mt-3 rounded-md border border-slate-200 bg-slate-50/70 p-4">
                    <CustomerPicker title={t('inbox.picker.title')} busy={busy} onPick={(id) => void fileTo(id)} onClose={closePicker} />
                  </div>
                )}
                {failureAt(note.id)}
              </NoteItem>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function NoteItem({
  note,
  checked,
  onToggle,
  busy,
  fileOpen,
  onFile,
  deleting,
  onDelete,
  onCancelDelete,
  onConfirmDelete,
  children,
}: {
  note: InboxNote;
  checked: boolean;
  onToggle: () => void;
  busy: boolean;
  fileOpen: boolean;
  onFile: (opener: HTMLElement) => void;
  deleting: boolean;
  onDelete: () => void;
  onCancelDelete: () => void;
  onConfirmDelete: () => void;
  children?: ReactNode;
}) {
  const { t, locale } = useLocale();
  const page = webUrl(note.pageUrl);
  const absolute = `${formatDate(note.at, locale)} ${formatTime(note.at, locale)}`;
  return (
    <li data-testid="inbox-note" data-id={note.id} className={cx('px-5 py-4', checked && 'bg-blue-50/40')}>
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          checked={checked}
          onChange={onToggle}
          aria-label={t('inbox.select')}
          className={cx('mt-1 size-4 shrink-0 accent-blue-700', focusRing)}
          data-testid="inbox-select"
        />
        <div className="min-w-0 flex-1">
          {note.text && <p className="text-sm leading-relaxed break-words whitespace-pre-wrap text-slate-900">{note.text}</p>}
          {note.selection && <Quote text={note.selection} spaced={!!note.text} />}
          <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
            <time dateTime={new Date(note.at).toISOString()} title={absolute} className="tabular-nums">
              {t('inbox.capturedAt', { when: formatWhen(note.at, locale) })}
              <span className="text-slate-400"> · {absolute}</span>
            </time>
            {page ? (
              <a
                href={page.href}
                target="_blank"
                rel="noreferrer"
                title={`${t('inbox.page')}\n${page.href}`}
                className={cx('inline-flex max-w-full min-w-0 items-center gap-1 text-blue-700 hover:underline', focusRing)}
                data-testid="inbox-page"
              >
                <span className="truncate">{note.pageTitle || page.hostname}</span>
                {note.pageTitle && <span className="shrink-0 text-slate-400">{page.hostname}</span>}
              </a>
            ) : (
              (note.pageTitle || note.pageUrl) && <span className="truncate">{note.pageTitle || note.pageUrl}</span>
            )}
          </p>
        </div>
        <div className="flex shrink-0 items-center gap-1.5">
          <Button icon="file" disabled={busy} aria-expanded={fileOpen} onClick={(e) => onFile(e.currentTarget)} data-testid="inbox-file">
            {t('inbox.file')}
          </Button>
          <Button variant="ghost" icon="trash" disabled={busy || deleting} onClick={onDelete} data-testid="inbox-delete">
            {t('inbox.delete')}
          </Button>
        </div>
      </div>
      {deleting && (
        <div
          className="mt-3 flex flex-wrap items-center gap-3 rounded-md border border-red-200 bg-red-50 px-4 py-2.5 text-sm text-red-900"
          role="group"
          onKeyDown={(e) => e.key === 'Escape' && onCancelDelete()}
        >
          <Icon name="warning" className="size-4 text-red-600" />
          <span className="flex-1">{t('inbox.delete.question')}</span>
          {/* Cancel takes focus: a second Enter must not delete. */}
          <Button autoFocus disabled={busy} onClick={onCancelDelete}>
            {t('inbox.cancel')}
          </Button>
          <Button variant="danger" icon="trash" disabled={busy} onClick={onConfirmDelete} data-testid="inbox-delete-confirm">
            {t('inbox.delete.confirm')}
          </Button>
        </div>
      )}
      {children}
    </li>
  );
}

function Quote({ text, spaced }: { text: string; spaced: boolean }) {
  const { t } = useLocale();
  const long = text.length > QUOTE_FOLD_CHARS || text.split('\n').length > QUOTE_FOLD_LINES;
  const [open, setOpen] = useState(false);
  return (
    <figure className={cx(spaced && 'mt-2')}>
      <blockquote
        aria-label={t('inbox.quote')}
        className={cx(
          'border-l-2 border-slate-300 bg-slate-50 py-1.5 pr-3 pl-3 text-[13px] leading-relaxed break-words whitespace-pre-wrap text-slate-600',
          long && !open && 'line-clamp-4',
        )}
        data-testid="inbox-quote"
      >
        {text}
      </blockquote>
      {long && (
        <button type="button" className={cx('mt-1 text-xs font-medium text-blue-700 hover:underline', focusRing)} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? t('inbox.quote.less') : t('inbox.quote.more')}
        </button>
      )}
    </figure>
  );
}

/**
 * Search as you type over the whole book (the dashboard's in-memory index: names, pinyin and initials,
 * identifiers). A combobox: focus stays in the box, ↑ ↓ move through the options, Enter files, Esc closes.
 */
function CustomerPicker({ title, busy, onPick, onClose }: { title: string; busy: boolean; onPick: (customerId: string) => void; onClose: () => void }) {
  const { t, locale } = useLocale();
  const { book, error } = useBook();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const result = useMemo(() => (book && query.trim() ? book.index.query(query, { limit: PICKER_LIMIT }) : undefined), [book, query]);
  const ids = result?.ids ?? [];
  useEffect(() => setActive(0), [result]);

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    // Keys typed while an input method is composing (pinyin → 汉字) belong to it, Enter above all.
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (ids.length) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : ids.length - 1)) % ids.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!busy && ids[active]) onPick(ids[active]);
    }
  }

  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div onKeyDown={onKeyDown} data-testid="inbox-picker">
      <div className="mb-2 flex items-center justify-between gap-3">
        <p className="text-sm font-medium text-slate-800">{title}</p>
        <div className="flex items-center gap-2">
          <span className="hidden text-xs text-slate-400 sm:inline">{t('inbox.picker.keys')}</span>
          <button type="button" onClick={onClose} aria-label={t('inbox.picker.close')} className={cx('rounded p-1 text-slate-400 hover:bg-slate-200 hover:text-slate-700', focusRing)}>
            <Icon name="x" className="size-4" />
          </button>
        </div>
      </div>
      <label className="relative block">
        <span className="sr-only">{t('inbox.picker.search')}</span>
        <Icon name="search" className="pointer-events-none absolute top-2.5 left-3 size-4 text-slate-400" />
        <input
          type="search"
          autoFocus
          role="combobox"
          aria-expanded={ids.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={ids.length ? optionId(active) : undefined}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('inbox.picker.placeholder')}
          disabled={!book}
          data-testid="inbox-picker-search"
          className={cx('h-9 w-full rounded-md border border-slate-300 bg-white pr-3 pl-9 text-sm shadow-xs placeholder:text-slate-400 disabled:bg-slate-100', focusRing)}
        />
      </label>
      {error && !book ? (
        <p className="mt-2 text-sm text-red-700">{t('inbox.picker.bookError', { detail: error })}</p>
      ) : !book ? (
        <p className="mt-2 text-sm text-slate-500">{t('inbox.picker.loading')}</p>
      ) : book.entries.size === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t('inbox.picker.noCustomers')}</p>
      ) : (
        result && (
          <>
            <ul id={listId} role="listbox" aria-label={t('inbox.picker.results')} className="mt-2 overflow-hidden rounded-md border border-slate-200 bg-white empty:hidden">
              {ids.map((id, i) => {
                const e = book.entries.get(id);
                if (!e) return null;
                const kind = [e.class && t('inbox.picker.class', { class: e.class }), e.segment].filter(Boolean).join(' · ');
                const identifier = e.customerCode ?? e.licenceNo ?? e.mobile;
                return (
                  <li
                    key={id}
                    id={optionId(i)}
                    role="option"
                    aria-selected={i === active}
                    aria-disabled={busy}
                    data-testid="inbox-picker-option"
                    data-id={id}
                    // Keep focus in the search box: the click picks, the box keeps the keyboard.
                    onMouseDown={(ev) => ev.preventDefault()}
                    onMouseEnter={() => setActive(i)}
                    onClick={() => !busy && onPick(id)}
                    className={cx(
                      'flex cursor-pointer items-center gap-3 border-b border-slate-100 px-3 py-2 text-sm last:border-b-0',
                      i === active ? 'bg-blue-50' : 'hover:bg-slate-50',
                      busy && 'cursor-wait opacity-60',
                    )}
                  >
                    <span className="min-w-0 flex-1">
                      <span className={cx('block truncate font-medium', i === active ? 'text-blue-900' : 'text-slate-900')}>{e.name}</span>
                      {kind && <span className="block truncate text-xs text-slate-500">{kind}</span>}
                    </span>
                    {identifier && <span className="shrink-0 text-xs text-slate-500 tabular-nums">{identifier}</span>}
                    {i === active && <Icon name="chevron" className="size-4 text-blue-600" />}
                  </li>
                );
              })}
            </ul>
            <p className="mt-2 text-xs text-slate-500" aria-live="polite">
              {busy
                ? t('inbox.picker.filing')
                : result.total === 0
                  ? t('inbox.picker.none')
                  : result.total > ids.length
                    ? t('inbox.picker.more', { count: formatNumber(result.total - ids.length, locale) })
                    : ''}
            </p>
          </>
        )
      )}
    </div>
  );
}
