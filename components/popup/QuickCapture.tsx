import { useEffect, useRef, useState } from 'react';
import type { Translate } from '@/lib/i18n';
import type { CaptureResult } from '@/lib/background/capture';
import type { CustomerSummary } from '@/lib/db/customers';
import { RequestError, request } from '@/lib/messaging/client';
import { Button, Icon, cx, focusRing, inputClass } from '../panel/ui';

type Target = { kind: 'customer'; id: string; name: string } | { kind: 'inbox' };

/**
 * Quick capture (issue 5): the note box the keyboard command opens (it opens the popup). It goes to the
 * page's customer when the page has one, to a customer found by instant search, or to the inbox.
 */
export function QuickCapture({
  t,
  tabId,
  page,
  matched,
  selection: initialSelection,
  onSaved,
}: {
  t: Translate;
  tabId?: number;
  page?: { url: string; title: string };
  matched?: { id: string; name: string };
  selection: string;
  onSaved(message: string): void;
}) {
  const [text, setText] = useState('');
  const [selection, setSelection] = useState(initialSelection);
  const [target, setTarget] = useState<Target>(matched ? { kind: 'customer', ...matched } : { kind: 'inbox' });
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const isMac = /Mac/i.test(navigator.platform);

  // The match and the selection arrive after the first paint; the manager's own choice is kept.
  const chosen = useRef(false);
  useEffect(() => {
    if (!chosen.current) setTarget(matched ? { kind: 'customer', ...matched } : { kind: 'inbox' });
  }, [matched?.id, matched?.name]);
  useEffect(() => setSelection(initialSelection), [initialSelection]);
  useEffect(() => box.current?.focus(), []);

  const choose = (next: Target) => {
    chosen.current = true;
    setTarget(next);
    setPicking(false);
    setError(undefined);
    box.current?.focus();
  };

  async function save() {
    if (!text.trim() && !selection.trim()) return setError(t('capture.empty'));
    setBusy(true);
    setError(undefined);
    try {
      const result = await request<CaptureResult>({
        type: 'capture/save',
        tabId,
        customerId: target.kind === 'customer' ? target.id : undefined,
        text,
        selection: selection || undefined,
        pageUrl: page?.url || undefined,
        pageTitle: page?.title || undefined,
      });
      onSaved(result.savedTo === 'customer' ? t('capture.savedTo', { name: result.customerName }) : t('capture.savedToInbox'));
    } catch (err) {
      setError(err instanceof RequestError && err.code === 'notFound' ? t('capture.customerGone') : t('capture.failed', { detail: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="space-y-2 px-4 py-3" data-testid="capture">
      <div className="flex items-center gap-2 text-[12px]">
        <span className="text-slate-500">{t('capture.to')}</span>
        <span
          className={cx('min-w-0 truncate rounded px-1.5 py-0.5 font-medium', target.kind === 'customer' ? 'bg-blue-50 text-blue-800' : 'bg-slate-100 text-slate-700')}
          data-testid="capture-target"
          data-target={target.kind === 'customer' ? target.id : 'inbox'}
        >
          {target.kind === 'customer' ? target.name : t('capture.toInbox')}
        </span>
        <button
          type="button"
          className={cx('ml-auto shrink-0 rounded px-1.5 py-0.5 text-blue-700 hover:bg-blue-50', focusRing)}
          onClick={() => setPicking((p) => !p)}
          data-testid="capture-change"
        >
          {t('capture.change')}
        </button>
      </div>
      {picking && <CustomerPicker t={t} onPick={(c) => choose({ kind: 'customer', id: c.id, name: c.name })} onInbox={() => choose({ kind: 'inbox' })} />}
      <textarea
        ref={box}
        value={text}
        rows={3}
        maxLength={20_000}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
        placeholder={t(isMac ? 'capture.placeholderMac' : 'capture.placeholder')}
        className={cx(inputClass, 'resize-none')}
        data-testid="capture-text"
      />
      {selection && (
        <figure className="flex items-start gap-2 rounded-md border-l-2 border-slate-300 bg-slate-50 px-2.5 py-1.5" data-testid="capture-selection">
          <div className="min-w-0 flex-1">
            <figcaption className="text-[11px] text-slate-500">{t('capture.selection')}</figcaption>
            <blockquote className="line-clamp-3 text-[12px] text-slate-700">{selection}</blockquote>
          </div>
          <button type="button" className={cx('rounded p-0.5 text-slate-400 hover:text-slate-700', focusRing)} title={t('capture.removeSelection')} aria-label={t('capture.removeSelection')} onClick={() => setSelection('')}>
            ×
          </button>
        </figure>
      )}
      {error && (
        <p className="flex items-start gap-1.5 text-[12px] text-red-700" role="alert" data-testid="capture-error">
          <Icon name="alert" className="mt-0.5 h-3.5 w-3.5 shrink-0" />
          {error}
        </p>
      )}
      <Button className="w-full" disabled={busy} onClick={() => void save()} data-testid="capture-save">
        {t('capture.save')}
      </Button>
    </section>
  );
}

/** Search as you type over the whole book (names, pinyin and initials, identifiers), in the background. */
function CustomerPicker({ t, onPick, onInbox }: { t: Translate; onPick(c: CustomerSummary): void; onInbox(): void }) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<CustomerSummary[]>();
  const [active, setActive] = useState(0);
  useEffect(() => {
    const q = query.trim();
    if (!q) return setResults(undefined);
    let stale = false;
    const timer = setTimeout(() => {
      request<CustomerSummary[]>({ type: 'customers/search', query: q })
        .then((r) => !stale && (setResults(r), setActive(0)))
        .catch(() => !stale && setResults([]));
    }, 120);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <div className="space-y-1 rounded-md border border-slate-200 p-2">
      <input
        autoFocus
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (!results?.length) return;
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') onPick(results[active]);
          else return;
          e.preventDefault();
        }}
        placeholder={t('capture.search')}
        className={inputClass}
        data-testid="capture-search"
      />
      {results && results.length === 0 && <p className="px-1 text-[12px] text-slate-500">{t('capture.noResults')}</p>}
      {results && results.length > 0 && (
        <ul role="listbox" className="max-h-40 overflow-y-auto">
          {results.map((c, i) => (
            <li key={c.id} role="option" aria-selected={i === active}>
              <button
                type="button"
                onClick={() => onPick(c)}
                onMouseEnter={() => setActive(i)}
                className={cx('flex w-full items-baseline gap-2 rounded px-1.5 py-1 text-left', i === active ? 'bg-blue-50' : 'hover:bg-slate-50', focusRing)}
                data-testid="capture-option"
              >
                <span className="min-w-0 truncate text-[13px] text-slate-900">{c.name}</span>
                <span className="ml-auto shrink-0 text-[11px] tabular-nums text-slate-500">{c.customerCode ?? c.licenceNo ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onInbox} className={cx('w-full rounded px-1.5 py-1 text-left text-[12px] text-slate-600 hover:bg-slate-50', focusRing)} data-testid="capture-use-inbox">
        {t('capture.useInbox')}
      </button>
    </div>
  );
}
