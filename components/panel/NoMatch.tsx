import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import type { CustomerSummary } from '../../lib/db/customers';
import type { CustomerDraft } from '../../lib/messaging/protocol';
import type { MatchCandidate, PageIdentifier } from '../../lib/model';
import type { PanelActions, ViewContext } from './types';
import { errorText } from './types';
import { identifierText } from './Header';
import { Candidates, useChooseCustomer } from './Candidates';
import { Button, Empty, ErrorLine, Icon, cx, focusRing, idText, inputClass } from './ui';

const SEARCH_DELAY_MS = 150;

/** Identifiers the page showed, each a button that searches for it. */
export function IdentifiersSeen({
  ctx,
  identifiers,
  onPick,
}: {
  ctx: ViewContext;
  identifiers: PageIdentifier[];
  onPick(value: string): void;
}) {
  const { t } = ctx;
  const unique = identifiers.filter((id, i) => identifiers.findIndex((o) => o.kind === id.kind && o.value === id.value) === i);
  if (unique.length === 0) return <Empty>{t('panel.seen.empty')}</Empty>;
  return (
    <ul className="flex flex-col gap-1">
      {unique.map((id) => {
        const { kind, value } = identifierText(ctx, id);
        return (
          <li key={`${id.kind}:${id.value}`}>
            <button
              type="button"
              data-testid="identifier-seen"
              data-kind={id.kind}
              onClick={() => onPick(id.value)}
              title={t('panel.seen.search', { value: id.value })}
              className={cx(
                'group flex w-full items-center gap-2 rounded-md border border-slate-200 bg-white px-2.5 py-1.5 text-left hover:border-blue-300 hover:bg-blue-50/40',
                focusRing,
              )}
            >
              <span className="w-[96px] shrink-0 truncate text-[12px] text-slate-500">{kind}</span>
              <span className={cx(idText, 'min-w-0 flex-1 break-all')}>{value}</span>
              <Icon name="search" className="h-3.5 w-3.5 text-slate-300 group-hover:text-blue-600" />
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** Debounced search over the manager's customers; a result is chosen for this page on click. */
export function CustomerSearch({
  ctx,
  query,
  onQueryChange,
  onSearch,
  onChoose,
  inputRef,
}: {
  ctx: ViewContext;
  query: string;
  onQueryChange(q: string): void;
  onSearch(q: string): Promise<CustomerSummary[]>;
  onChoose(customerId: string): Promise<void>;
  inputRef?: RefObject<HTMLInputElement | null>;
}) {
  const { t } = ctx;
  const id = useId();
  const [results, setResults] = useState<{ query: string; items: CustomerSummary[] }>();
  const [searching, setSearching] = useState(false);
  const [searchError, setError] = useState<string>();
  const { busy, error: chooseError, choose } = useChooseCustomer(t, onChoose);
  const error = searchError ?? chooseError;

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults(undefined);
      setSearching(false);
      setError(undefined);
      return;
    }
    let live = true;
    setSearching(true);
    const timer = setTimeout(() => {
      onSearch(q)
        .then((items) => {
          if (!live) return;
          setResults({ query: q, items });
          setError(undefined);
        })
        .catch((err: unknown) => live && setError(errorText(t, err)))
        .finally(() => live && setSearching(false));
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // onSearch is stable per token; re-run only when the words change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  return (
    <div role="search">
      <label htmlFor={id} className="mb-2 block text-[12px] font-semibold tracking-wide text-slate-500">
        {t('panel.search.label')}
      </label>
      <div className="relative">
        <Icon name="search" className="pointer-events-none absolute left-2.5 top-1/2 h-4 w-4 -translate-y-1/2 text-slate-400" />
        <input
          id={id}
          ref={inputRef}
          data-testid="search-input"
          type="search"
          value={query}
          onChange={(e) => onQueryChange(e.target.value)}
          placeholder={t('panel.search.placeholder')}
          autoComplete="off"
          spellCheck={false}
          className={cx(inputClass, 'pl-8')}
        />
      </div>
      <div aria-live="polite">
        {searching && !results && <p className="mt-2 text-[12px] text-slate-400">{t('panel.search.searching')}</p>}
        {results && results.items.length === 0 && !searching && (
          <p className="mt-2 text-[12px] text-slate-500">{t('panel.search.empty', { query: results.query })}</p>
        )}
      </div>
      {results && results.items.length > 0 && (
        <ul className={cx('mt-2 divide-y divide-slate-100 overflow-hidden rounded-md border border-slate-200 bg-white', searching && 'opacity-70')}>
          {results.items.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                data-testid="search-result"
                data-customer-id={c.id}
                onClick={() => choose(c.id)}
                disabled={busy !== undefined}
                className={cx('group block w-full px-3 py-2 text-left hover:bg-blue-50/50 disabled:opacity-60', focusRing, 'focus-visible:ring-inset focus-visible:ring-offset-0')}
              >
                <div className="flex items-center gap-2">
                  <span className="min-w-0 flex-1 truncate text-[13px] font-medium text-slate-900">{c.name}</span>
                  {c.class && <span className="shrink-0 text-[11.5px] text-slate-500">{t('panel.class', { class: c.class })}</span>}
                  <Icon name="chevron" className="h-3.5 w-3.5 text-slate-300 group-hover:text-blue-600" />
                </div>
                {(c.licenceNo || c.customerCode || c.address) && (
                  <div className="mt-0.5 flex gap-2 text-[11.5px] leading-4 text-slate-500">
                    {(c.licenceNo || c.customerCode) && <span className="shrink-0 tabular-nums">{c.licenceNo ?? c.customerCode}</span>}
                    {c.address && <span className="min-w-0 truncate">{c.address}</span>}
                  </div>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <ErrorLine>{error}</ErrorLine>}
    </div>
  );
}

function Field({ label, children, id }: { label: string; children: ReactNode; id: string }) {
  return (
    <div>
      <label htmlFor={id} className="mb-0.5 block text-[12px] text-slate-600">
        {label}
      </label>
      {children}
    </div>
  );
}

const splitList = (s: string) =>
  s
    .split(/[,，;；、\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);

interface DraftFields {
  name: string;
  licenceNo: string;
  customerCode: string;
  uscc: string;
  mobiles: string;
  emails: string;
  address: string;
  class: string;
}

export function draftFromPage(identifiers: PageIdentifier[], names: string[]): DraftFields {
  const all = (kind: PageIdentifier['kind']) => [...new Set(identifiers.filter((i) => i.kind === kind).map((i) => i.value))];
  return {
    name: names[0] ?? '',
    licenceNo: all('licence')[0] ?? '',
    customerCode: all('customerCode')[0] ?? '',
    uscc: all('uscc')[0] ?? '',
    mobiles: all('mobile').join(', '),
    emails: all('email').join(', '),
    address: '',
    class: '',
  };
}

export function draftToRequest(f: DraftFields): CustomerDraft {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    name: f.name.trim(),
    licenceNo: opt(f.licenceNo),
    customerCode: opt(f.customerCode),
    uscc: opt(f.uscc),
    mobiles: splitList(f.mobiles),
    emails: splitList(f.emails),
    address: opt(f.address),
    class: opt(f.class),
  };
}

/** "Create customer from this page": prefilled from what the page showed; errors from the background shown as they come. */
export function CreateCustomerForm({
  ctx,
  identifiers,
  names,
  onCreate,
}: {
  ctx: ViewContext;
  identifiers: PageIdentifier[];
  names: string[];
  onCreate(draft: CustomerDraft): Promise<void>;
}) {
  const { t } = ctx;
  const base = useId();
  const [fields, setFields] = useState<DraftFields>(() => draftFromPage(identifiers, names));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const set = (k: keyof DraftFields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [k]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!fields.name.trim()) {
      setError(t('panel.create.nameRequired'));
      return;
    }
    setSaving(true);
    setError(undefined);
    onCreate(draftToRequest(fields))
      .catch((err: unknown) => setError(errorText(t, err)))
      .finally(() => setSaving(false));
  };

  const input = (k: keyof DraftFields, label: string, extra?: { mono?: boolean; type?: string; required?: boolean }) => (
    <Field label={label} id={`${base}-${k}`}>
      <input
        id={`${base}-${k}`}
        name={k}
        type={extra?.type ?? 'text'}
        value={fields[k]}
        onChange={set(k)}
        required={extra?.required}
        autoComplete="off"
        spellCheck={false}
        className={cx(inputClass, 'py-1', extra?.mono && "tabular-nums")}
      />
    </Field>
  );

  return (
    <form data-testid="create-customer" onSubmit={submit} noValidate className="space-y-2">
      {input('name', t('panel.create.name'), { required: true })}
      <div className="grid grid-cols-2 gap-2">
        {input('licenceNo', t('kind.licence'), { mono: true })}
        {input('customerCode', t('kind.customerCode'), { mono: true })}
      </div>
      {input('uscc', t('kind.uscc'), { mono: true })}
      {input('mobiles', t('panel.create.mobiles'), { mono: true })}
      {input('emails', t('panel.create.emails'))}
      <div className="grid grid-cols-[1fr_72px] gap-2">
        {input('address', t('panel.create.address'))}
        {input('class', t('panel.create.class'))}
      </div>
      {error && <ErrorLine>{error}</ErrorLine>}
      <div className="flex items-center gap-2 pt-1">
        <Button type="submit" disabled={saving}>
          <Icon name="plus" className="h-3.5 w-3.5" />
          {saving ? t('panel.create.saving') : t('panel.create.submit')}
        </Button>
      </div>
    </form>
  );
}

/** Search plus "seen on this page", shared by the no-match view and "not this customer?". */
export function FindCustomer({
  ctx,
  identifiers,
  onSearch,
  onChoose,
  autoFocus,
}: {
  ctx: ViewContext;
  identifiers: PageIdentifier[];
  onSearch(q: string): Promise<CustomerSummary[]>;
  onChoose(customerId: string): Promise<void>;
  autoFocus?: boolean;
}) {
  const { t } = ctx;
  const [query, setQuery] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);
  return (
    <>
      <div className="px-4 py-3">
        <CustomerSearch ctx={ctx} query={query} onQueryChange={setQuery} onSearch={onSearch} onChoose={onChoose} inputRef={inputRef} />
      </div>
      <div className="border-t border-slate-200 px-4 py-3">
        <h2 className="mb-2 text-[12px] font-semibold tracking-wide text-slate-500">{t('panel.seen.title')}</h2>
        <IdentifiersSeen
          ctx={ctx}
          identifiers={identifiers}
          onPick={(value) => {
            setQuery(value);
            inputRef.current?.focus();
          }}
        />
      </div>
    </>
  );
}

/**
 * No customer for this page (state `none`), or the manager said "not this customer?" (`pick`): say so,
 * offer the candidates if there are any, search, the identifiers seen, and create-from-page.
 */
export function NoMatch({
  ctx,
  mode,
  identifiers,
  names,
  candidates = [],
  actions,
}: {
  ctx: ViewContext;
  mode: 'none' | 'ambiguous' | 'pick';
  identifiers: PageIdentifier[];
  names: string[];
  candidates?: MatchCandidate[];
  actions: Pick<PanelActions, 'search' | 'choose' | 'createCustomer' | 'cancelPick'>;
}) {
  const { t } = ctx;
  const [createOpen, setCreateOpen] = useState(mode === 'none');
  const formKey = JSON.stringify([identifiers.map((i) => `${i.kind}:${i.value}`), names[0] ?? '']);
  return (
    <div>
      <div className="px-4 pb-1 pt-3">
        {mode === 'pick' && (
          <button
            type="button"
            onClick={actions.cancelPick}
            className={cx('-ml-1 mb-1.5 inline-flex items-center gap-1 rounded px-1 text-[12px] text-slate-500 hover:text-slate-800', focusRing)}
          >
            <Icon name="back" className="h-3.5 w-3.5" />
            {t('panel.pick.back')}
          </button>
        )}
        <h1 className="text-[15px] font-semibold leading-6 text-slate-900">{t(`panel.${mode}.title`)}</h1>
        <p className="mt-0.5 text-[12px] leading-5 text-slate-500">{t(`panel.${mode}.hint`)}</p>
      </div>
      {candidates.length > 0 && (
        <div className="px-4 pb-1 pt-2">
          <Candidates ctx={ctx} candidates={candidates} onChoose={actions.choose} />
        </div>
      )}
      <FindCustomer ctx={ctx} identifiers={identifiers} onSearch={actions.search} onChoose={actions.choose} autoFocus={mode === 'pick'} />
      <div className="border-t border-slate-200 px-4 py-3">
        <button
          type="button"
          aria-expanded={createOpen}
          onClick={() => setCreateOpen((o) => !o)}
          className={cx('flex w-full items-center gap-1.5 rounded text-left', focusRing)}
        >
          <Icon name="chevron" className={cx('h-3.5 w-3.5 text-slate-400 transition-transform', createOpen && 'rotate-90')} />
          <span className="text-[12px] font-semibold tracking-wide text-slate-500">{t('panel.create.title')}</span>
        </button>
        {createOpen && (
          <div className="mt-2">
            <p className="mb-2 text-[12px] text-slate-400">{t('panel.create.hint')}</p>
            <CreateCustomerForm key={formKey} ctx={ctx} identifiers={identifiers} names={names} onCreate={actions.createCustomer} />
          </div>
        )}
      </div>
    </div>
  );
}
