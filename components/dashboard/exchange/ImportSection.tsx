import { useMemo, useRef, useState, type DragEvent } from 'react';
import { offThreadWriter } from '@/lib/db/import-write-client';
import { inThreadWriter, loadExistingIndex, writeCustomerPlan, writeOrderPlan, type ConflictChoice, type WriteResult } from '@/lib/db/import-writer';
import { formatNumber } from '@/lib/format';
import { makeOrderResolver, planCustomerImport, planOrderImport, type DecisionKind, type OrderPlan, type Plan } from '@/lib/io/import/dedupe';
import { ImportError, MAX_IMPORT_BYTES, isImportError } from '@/lib/io/import/errors';
import { checkMapping, detectKind, guessMapping, type FieldId, type ImportKind, type Mapping } from '@/lib/io/import/fields';
import type { Table } from '@/lib/io/import/read-table';
import { readTableOffThread } from '@/lib/io/import/read-table-client';
import { buildReportCsv, customerReportRows, orderReportRows, reportFileName } from '@/lib/io/import/report';
import { validateCustomerRows, validateOrderRows } from '@/lib/io/import/rows';
import { describeConflict, describeImportError, describeRowIssue, fieldOptions, importText } from '@/lib/io/import/text';
import { downloadText } from '@/lib/io/download';
import { useLocale } from '../i18n';
import { Button, Card, Icon, Notice, PageHeader, cx, focusRing } from '../ui';

const PREVIEW_ROWS = 20;
const LIST_LIMIT = 100;

type Step =
  | { name: 'choose'; error?: string; busy?: boolean }
  | { name: 'map'; file: string; table: Table; kind: ImportKind; mapping: Mapping; error?: string; busy?: boolean }
  | { name: 'review'; file: string; table: Table; kind: 'customers'; mapping: Mapping; plan: Plan }
  | { name: 'review'; file: string; table: Table; kind: 'orders'; mapping: Mapping; plan: OrderPlan }
  | { name: 'writing'; done: number; total: number }
  | { name: 'done'; file: string; result: WriteResult; report: string };

export function ImportSection({ onImported }: { onImported: () => void }) {
  const { t } = useLocale();
  const [step, setStep] = useState<Step>({ name: 'choose' });
  return (
    <div data-testid="import">
      <PageHeader title={t('imp.title')} subtitle={t('imp.subtitle')} />
      <Steps current={step.name} />
      <div className="mt-5">
        {step.name === 'choose' && <ChooseFile step={step} onStep={setStep} />}
        {step.name === 'map' && <MapColumns step={step} onStep={setStep} />}
        {step.name === 'review' && <Review step={step} onStep={setStep} onImported={onImported} />}
        {step.name === 'writing' && <Writing step={step} />}
        {step.name === 'done' && <Done step={step} onAgain={() => setStep({ name: 'choose' })} />}
      </div>
    </div>
  );
}

function Steps({ current }: { current: Step['name'] }) {
  const { t } = useLocale();
  const names = ['choose', 'map', 'review', 'done'] as const;
  const at = current === 'writing' ? 3 : names.indexOf(current);
  return (
    <ol className="flex gap-2 text-sm">
      {names.map((n, i) => (
        <li key={n} className={cx('flex items-center gap-2 rounded-full px-3 py-1', i === at ? 'bg-blue-700 text-white' : i < at ? 'bg-blue-50 text-blue-800' : 'bg-slate-100 text-slate-500')}>
          <span className="tabular-nums">{i + 1}</span>
          {t(`imp.step.${n}`)}
        </li>
      ))}
    </ol>
  );
}

function ChooseFile({ step, onStep }: { step: Extract<Step, { name: 'choose' }>; onStep: (s: Step) => void }) {
  const { t, locale } = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  async function open(file: File) {
    onStep({ name: 'choose', busy: true });
    try {
      // Refuse before reading: a 60 MB file is not loaded into memory just to say no.
      if (file.size > MAX_IMPORT_BYTES) throw new ImportError('tooLarge', String(file.size), { limit: MAX_IMPORT_BYTES / 1024 / 1024 });
      const table = await readTableOffThread({ name: file.name, bytes: await file.arrayBuffer() });
      const kind = detectKind(table.headers);
      onStep({ name: 'map', file: file.name, table, kind, mapping: guessMapping(table.headers, kind) });
    } catch (err) {
      onStep({ name: 'choose', error: isImportError(err) ? describeImportError(err, locale) : t('error.internal', { detail: err instanceof Error ? err.message : String(err) }) });
    }
  }
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void open(file);
  };

  return (
    <Card>
      <div
        onDragOver={(e) => (e.preventDefault(), setOver(true))}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="import-drop"
        className={cx('flex flex-col items-center justify-center gap-3 rounded-lg border-2 border-dashed px-6 py-12 text-center', over ? 'border-blue-500 bg-blue-50' : 'border-slate-300 bg-slate-50/60')}
      >
        <Icon name="upload" className="size-8 text-slate-400" />
        <p className="text-[15px] font-medium text-slate-800">{t('imp.drop')}</p>
        <p className="max-w-lg text-sm text-slate-500">{t('imp.drop.hint', { limit: MAX_IMPORT_BYTES / 1024 / 1024 })}</p>
        <input
          ref={input}
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="sr-only"
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void open(file);
          }}
        />
        <Button variant="primary" icon="file" disabled={step.busy} onClick={() => input.current?.click()}>
          {step.busy ? t('imp.reading') : t('imp.choose')}
        </Button>
      </div>
      {step.error && (
        <div className="mt-4">
          <Notice tone="error" role="alert" testId="import-error">
            {step.error}
          </Notice>
        </div>
      )}
    </Card>
  );
}

function MapColumns({ step, onStep }: { step: Extract<Step, { name: 'map' }>; onStep: (s: Step) => void }) {
  const { t, locale } = useLocale();
  const { table, kind, mapping } = step;
  const options = useMemo(() => fieldOptions(kind, locale), [kind, locale]);
  // The preview is validated as the mapping changes; a mapping still missing a required column shows why.
  const { preview, mappingError } = useMemo(() => {
    const head: Table = { ...table, rows: table.rows.slice(0, PREVIEW_ROWS), rowNumbers: table.rowNumbers.slice(0, PREVIEW_ROWS) };
    try {
      return { preview: kind === 'customers' ? validateCustomerRows(head, mapping) : validateOrderRows(head, mapping), mappingError: undefined };
    } catch (err) {
      if (!isImportError(err)) throw err;
      return { preview: [], mappingError: describeImportError(err, locale) };
    }
  }, [table, kind, mapping, locale]);

  const setMapping = (col: number, field: FieldId | null) =>
    onStep({ ...step, error: undefined, mapping: mapping.map((f, i) => (i === col ? field : f === field && field !== null ? null : f)) });

  async function next() {
    try {
      checkMapping(mapping, kind);
    } catch (err) {
      return onStep({ ...step, error: isImportError(err) ? describeImportError(err, locale) : String(err) });
    }
    onStep({ ...step, busy: true, error: undefined });
    // Let the button show that it is working before validating every row.
    await new Promise((r) => setTimeout(r, 20));
    try {
      const existing = await loadExistingIndex();
      if (kind === 'customers') {
        const plan = planCustomerImport(validateCustomerRows(table, mapping), existing);
        onStep({ name: 'review', file: step.file, table, kind, mapping, plan });
      } else {
        const plan = planOrderImport(validateOrderRows(table, mapping), makeOrderResolver(existing));
        onStep({ name: 'review', file: step.file, table, kind, mapping, plan });
      }
    } catch (err) {
      onStep({ ...step, busy: false, error: t('error.internal', { detail: err instanceof Error ? err.message : String(err) }) });
    }
  }

  return (
    <div className="space-y-5">
      <Card
        title={step.file}
        description={t('imp.file.summary', {
          format: table.format.toUpperCase(),
          encoding: table.encoding ? importText(locale, `import.encoding.${table.encoding}` as never) : '—',
          rows: formatNumber(table.rows.length, locale),
          columns: table.headers.length,
        })}
        actions={
          <div className="flex items-center gap-2 text-sm">
            <span className="text-slate-500">{t('imp.kind')}</span>
            <select
              value={kind}
              data-testid="import-kind"
              onChange={(e) => {
                const k = e.target.value as ImportKind;
                onStep({ ...step, kind: k, mapping: guessMapping(table.headers, k), error: undefined });
              }}
              className={cx('h-9 rounded-md border border-slate-300 bg-white px-2.5 text-sm shadow-xs', focusRing)}
            >
              <option value="customers">{importText(locale, 'import.kind.customers')}</option>
              <option value="orders">{importText(locale, 'import.kind.orders')}</option>
            </select>
          </div>
        }
      >
        <p className="mb-3 text-sm text-slate-600">{t('imp.map.hint')}</p>
        <div className="overflow-x-auto rounded-md border border-slate-200">
          <table className="min-w-full text-left text-[13px]" data-testid="import-preview">
            <thead className="bg-slate-50">
              <tr>
                <th className="w-14 px-2 py-2 text-xs font-medium text-slate-500">{t('imp.row')}</th>
                {table.headers.map((h, col) => (
                  <th key={col} className="min-w-36 px-2 py-2 align-top">
                    <div className="mb-1 truncate text-xs font-medium text-slate-500" title={h}>
                      {h || importText(locale, 'import.column.untitled', { column: col + 1 })}
                    </div>
                    <select
                      value={mapping[col] ?? ''}
                      aria-label={h}
                      data-testid={`import-map-${col}`}
                      onChange={(e) => setMapping(col, (e.target.value || null) as FieldId | null)}
                      className={cx('h-8 w-full rounded border bg-white px-1.5 text-[13px]', focusRing, mapping[col] ? 'border-blue-300 text-blue-900' : 'border-slate-300 text-slate-500')}
                    >
                      {options.map((o) => (
                        <option key={o.value ?? ''} value={o.value ?? ''}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {table.rows.slice(0, PREVIEW_ROWS).map((row, r) => {
                const result = preview[r];
                const bad = new Set((result?.errors ?? []).map((e) => e.field));
                return (
                  <tr key={r} className={result?.errors ? 'bg-red-50/50' : undefined} data-testid="import-preview-row" data-invalid={result?.errors ? 'true' : undefined}>
                    <td className="px-2 py-1.5 align-top text-xs text-slate-400 tabular-nums">{table.rowNumbers[r]}</td>
                    {row.map((cell, col) => (
                      <td key={col} className={cx('max-w-56 truncate px-2 py-1.5 align-top', mapping[col] && bad.has(mapping[col]!) ? 'font-medium text-red-700' : mapping[col] ? 'text-slate-800' : 'text-slate-400')} title={cell}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {preview.some((r) => r.errors) && (
          <ul className="mt-3 space-y-1 text-[13px] text-red-800" data-testid="import-preview-errors">
            {preview
              .filter((r) => r.errors)
              .slice(0, 8)
              .map((r) => (
                <li key={r.rowNumber}>
                  {t('imp.rowPrefix', { row: r.rowNumber })}
                  {r.errors!.map((e) => describeRowIssue(e, locale)).join(t('imp.separator'))}
                </li>
              ))}
          </ul>
        )}
      </Card>
      {(step.error ?? mappingError) && (
        <Notice tone={step.error ? 'error' : 'warning'} role="alert" testId="import-error">
          {step.error ?? mappingError}
        </Notice>
      )}
      <div className="flex justify-between">
        <Button onClick={() => onStep({ name: 'choose' })}>{t('imp.back')}</Button>
        <Button variant="primary" disabled={step.busy} onClick={() => void next()} data-testid="import-plan">
          {step.busy ? t('imp.checking') : t('imp.next')}
        </Button>
      </div>
    </div>
  );
}

const TILE_ORDER: DecisionKind[] = ['new', 'update', 'unchanged', 'conflict', 'duplicateInFile', 'invalid'];
const TILE_TONE: Record<DecisionKind, string> = {
  new: 'text-emerald-700',
  update: 'text-blue-700',
  unchanged: 'text-slate-500',
  conflict: 'text-amber-700',
  duplicateInFile: 'text-slate-500',
  invalid: 'text-red-700',
};

function Review({ step, onStep, onImported }: { step: Extract<Step, { name: 'review' }>; onStep: (s: Step) => void; onImported: () => void }) {
  const { t, locale } = useLocale();
  const [choices, setChoices] = useState<Map<number, ConflictChoice>>(new Map());

  async function start() {
    const abort = new AbortController();
    const total = step.kind === 'customers' ? step.plan.rows.length : step.plan.orders.length;
    onStep({ name: 'writing', done: 0, total });
    cancelRef.current = () => abort.abort();
    const opts = { signal: abort.signal, onProgress: (done: number, all: number) => onStep({ name: 'writing', done, total: all }) };
    let result: WriteResult;
    // Off the page's thread where a worker can be made: the page stays responsive and collects less garbage.
    const worker = offThreadWriter();
    const writer = worker ?? inThreadWriter;
    try {
      result =
        step.kind === 'customers'
          ? await writeCustomerPlan(step.plan, choices, opts, writer)
          : await writeOrderPlan(step.plan, { ...opts, channel: t('imp.orderChannel') }, writer);
    } catch (err) {
      // Not a write failure (those are reported per batch) but a fault before writing: nothing was written.
      const all = step.kind === 'customers' ? step.plan.rows.map((r) => r.rowNumber) : step.plan.orders.flatMap((o) => o.rowNumbers);
      result = { outcomes: new Map(), added: 0, updated: 0, skipped: 0, stopped: 'writeFailed', detail: err instanceof Error ? err.message : String(err), notReached: all };
    }
    worker?.close();
    const rows =
      step.kind === 'customers'
        ? customerReportRows(step.plan, locale, result.outcomes).map((r) => (result.notReached.includes(r.rowNumber) ? { ...r, outcome: 'skipped' as const, details: [t('imp.notReached'), ...r.details] } : r))
        : orderReportRows(step.plan, locale).map((r) => (result.notReached.includes(r.rowNumber) ? { ...r, outcome: 'skipped' as const, details: [t('imp.notReached')] } : r));
    onStep({ name: 'done', file: step.file, result, report: buildReportCsv(rows, locale) });
    // A book worth importing is worth keeping: ask once that the browser not evict it under disk pressure.
    if (result.added + result.updated > 0) void navigator.storage?.persist?.().catch(() => false);
    onImported();
  }

  return (
    <div className="space-y-5">
      {step.kind === 'customers' ? (
        <CustomerReview plan={step.plan} choices={choices} onChoices={setChoices} />
      ) : (
        <OrderReview plan={step.plan} />
      )}
      <div className="flex justify-between">
        <Button onClick={() => onStep({ name: 'map', file: step.file, table: step.table, kind: step.kind, mapping: step.mapping })}>{t('imp.back')}</Button>
        <Button variant="primary" icon="upload" onClick={() => void start()} data-testid="import-start">
          {t('imp.start')}
        </Button>
      </div>
    </div>
  );
}

/** The cancel button lives in another step; it reaches the running import through this. */
const cancelRef: { current?: () => void } = {};

export function CustomerReview({ plan, choices, onChoices }: { plan: Plan; choices: Map<number, ConflictChoice>; onChoices: (c: Map<number, ConflictChoice>) => void }) {
  const { t, locale } = useLocale();
  const conflicts = plan.rows.filter((r) => r.decision.kind === 'conflict');
  const invalid = plan.rows.filter((r) => r.decision.kind === 'invalid' || r.decision.kind === 'duplicateInFile');
  const updates = plan.rows.filter((r) => r.decision.kind === 'update');
  const choose = (row: number, c: ConflictChoice) => onChoices(new Map(choices).set(row, c));
  const chooseAll = (kind: 'skip' | 'new') => onChoices(new Map(conflicts.map((r) => [r.rowNumber, { kind }])));

  return (
    <>
      <Card title={t('imp.review.title')} description={t('imp.review.hint')}>
        <dl className="grid grid-cols-3 gap-px overflow-hidden rounded-md border border-slate-200 bg-slate-200 sm:grid-cols-6" data-testid="import-counts">
          {TILE_ORDER.map((k) => (
            <div key={k} className="bg-white px-3 py-3" data-testid={`import-count-${k}`} data-count={plan.counts[k]}>
              <dt className="text-xs text-slate-500">{importText(locale, `import.decision.${k}`)}</dt>
              <dd className={cx('mt-1 text-xl font-semibold tabular-nums', TILE_TONE[k])}>{formatNumber(plan.counts[k], locale)}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {conflicts.length > 0 && (
        <Card
          title={t('imp.conflicts.title', { count: conflicts.length })}
          description={t('imp.conflicts.hint')}
          actions={
            <>
              <Button variant="ghost" onClick={() => chooseAll('skip')} data-testid="import-conflicts-skip">{t('imp.conflicts.allSkip')}</Button>
              <Button variant="ghost" onClick={() => chooseAll('new')} data-testid="import-conflicts-new">{t('imp.conflicts.allNew')}</Button>
            </>
          }
        >
          <ul className="divide-y divide-slate-100 text-sm" data-testid="import-conflicts">
            {conflicts.slice(0, LIST_LIMIT).map((r) => {
              const d = r.decision;
              if (d.kind !== 'conflict') return null;
              const choice = choices.get(r.rowNumber) ?? { kind: 'skip' };
              const value = choice.kind === 'update' ? `update:${choice.targetId}` : choice.kind;
              return (
                <li key={r.rowNumber} className="flex items-center gap-3 py-2.5" data-testid="import-conflict">
                  <span className="w-14 shrink-0 text-xs text-slate-400 tabular-nums">{t('imp.rowShort', { row: r.rowNumber })}</span>
                  <span className="min-w-0 flex-1">
                    <span className="font-medium text-slate-900">{d.draft.name}</span>
                    <span className="mt-0.5 block text-xs text-amber-800">{describeConflict(d, locale)}</span>
                  </span>
                  <select
                    value={value}
                    onChange={(e) => {
                      const v = e.target.value;
                      choose(r.rowNumber, v.startsWith('update:') ? { kind: 'update', targetId: v.slice(7) } : { kind: v as 'skip' | 'new' });
                    }}
                    className={cx('h-8 max-w-64 rounded border border-slate-300 bg-white px-1.5 text-[13px]', focusRing)}
                    data-testid="import-conflict-choice"
                  >
                    <option value="skip">{t('imp.choice.skip')}</option>
                    <option value="new">{t('imp.choice.new')}</option>
                    {d.candidates.map((c) => (
                      <option key={c.id} value={`update:${c.id}`}>
                        {t('imp.choice.update', { name: c.name })}
                      </option>
                    ))}
                  </select>
                </li>
              );
            })}
          </ul>
          {conflicts.length > LIST_LIMIT && <p className="mt-2 text-xs text-slate-500">{t('imp.more', { count: conflicts.length - LIST_LIMIT })}</p>}
        </Card>
      )}
      {updates.length > 0 && (
        <Card title={t('imp.updates.title', { count: updates.length })}>
          <ul className="divide-y divide-slate-100 text-sm" data-testid="import-updates">
            {updates.slice(0, LIST_LIMIT).map((r) => {
              const d = r.decision;
              if (d.kind !== 'update') return null;
              return (
                <li key={r.rowNumber} className="flex gap-3 py-2">
                  <span className="w-14 shrink-0 text-xs text-slate-400 tabular-nums">{t('imp.rowShort', { row: r.rowNumber })}</span>
                  <span className="min-w-0 flex-1">
                    <span className="font-medium text-slate-900">{d.target.name}</span>
                    <span className="ml-2 text-xs text-slate-500">
                      {d.changes.map((c) => `${importText(locale, `import.field.${c.field}` as never)}: ${Array.isArray(c.to) ? c.to.join('、') : typeof c.to === 'string' ? c.to : '…'}`).join('；')}
                    </span>
                  </span>
                </li>
              );
            })}
          </ul>
          {updates.length > LIST_LIMIT && <p className="mt-2 text-xs text-slate-500">{t('imp.more', { count: updates.length - LIST_LIMIT })}</p>}
        </Card>
      )}
      {invalid.length > 0 && (
        <Card title={t('imp.invalid.title', { count: invalid.length })} description={t('imp.invalid.hint')}>
          <ul className="space-y-1.5 text-[13px]" data-testid="import-invalid">
            {invalid.slice(0, LIST_LIMIT).map((r) => (
              <li key={r.rowNumber} className="flex gap-3">
                <span className="w-14 shrink-0 text-xs text-slate-400 tabular-nums">{t('imp.rowShort', { row: r.rowNumber })}</span>
                <span className="text-red-800">
                  {r.decision.kind === 'invalid'
                    ? r.decision.errors.map((e) => describeRowIssue(e, locale)).join(t('imp.separator'))
                    : r.decision.kind === 'duplicateInFile'
                      ? importText(locale, 'import.reason.duplicateInFile', { row: r.decision.ofRow })
                      : ''}
                </span>
              </li>
            ))}
          </ul>
          {invalid.length > LIST_LIMIT && <p className="mt-2 text-xs text-slate-500">{t('imp.more', { count: invalid.length - LIST_LIMIT })}</p>}
        </Card>
      )}
    </>
  );
}

function OrderReview({ plan }: { plan: OrderPlan }) {
  const { t, locale } = useLocale();
  const lines = plan.orders.reduce((n, o) => n + o.lines.length, 0);
  const customers = new Set(plan.orders.map((o) => o.customerId)).size;
  const skipped = [...plan.unresolved.map((u) => ({ rowNumber: u.rowNumber, text: importText(locale, `import.order.${u.reason}`, { key: u.key.value }) })), ...plan.invalid.map((i) => ({ rowNumber: i.rowNumber, text: i.errors.map((e) => describeRowIssue(e, locale)).join(t('imp.separator')) }))].sort((a, b) => a.rowNumber - b.rowNumber);
  return (
    <>
      <Card title={t('imp.review.title')}>
        <dl className="grid grid-cols-4 gap-px overflow-hidden rounded-md border border-slate-200 bg-slate-200" data-testid="import-counts">
          {[
            ['orders', plan.orders.length, 'text-emerald-700'],
            ['lines', lines, 'text-slate-900'],
            ['customers', customers, 'text-blue-700'],
            ['skipped', skipped.length, 'text-red-700'],
          ].map(([k, n, tone]) => (
            <div key={k as string} className="bg-white px-3 py-3" data-testid={`import-count-${k}`} data-count={n}>
              <dt className="text-xs text-slate-500">{t(`imp.orders.${k as 'orders'}`)}</dt>
              <dd className={cx('mt-1 text-xl font-semibold tabular-nums', tone as string)}>{formatNumber(n as number, locale)}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {skipped.length > 0 && (
        <Card title={t('imp.orders.skippedTitle', { count: skipped.length })}>
          <ul className="space-y-1.5 text-[13px]" data-testid="import-invalid">
            {skipped.slice(0, LIST_LIMIT).map((s) => (
              <li key={s.rowNumber} className="flex gap-3">
                <span className="w-14 shrink-0 text-xs text-slate-400 tabular-nums">{t('imp.rowShort', { row: s.rowNumber })}</span>
                <span className="text-red-800">{s.text}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}

function Writing({ step }: { step: Extract<Step, { name: 'writing' }> }) {
  const { t, locale } = useLocale();
  const pct = step.total ? Math.round((step.done / step.total) * 100) : 0;
  return (
    <Card title={t('imp.writing')}>
      <div className="h-2.5 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} data-testid="import-progress">
        <div className="h-full rounded-full bg-blue-700 transition-[width]" style={{ width: `${pct}%` }} />
      </div>
      <div className="mt-3 flex items-center justify-between text-sm text-slate-600">
        <span className="tabular-nums">{t('imp.progress', { done: formatNumber(step.done, locale), total: formatNumber(step.total, locale) })}</span>
        <Button onClick={() => cancelRef.current?.()} data-testid="import-cancel">
          {t('imp.cancel')}
        </Button>
      </div>
    </Card>
  );
}

function Done({ step, onAgain }: { step: Extract<Step, { name: 'done' }>; onAgain: () => void }) {
  const { t, locale } = useLocale();
  const { result } = step;
  const notWritten = formatNumber(result.notReached.length, locale);
  const stoppedText =
    result.stopped === 'cancelled'
      ? t('imp.stopped.cancelled', { count: notWritten })
      : result.stopped === 'quota'
        ? t('imp.stopped.quota', { count: notWritten })
        : result.stopped === 'writeFailed'
          ? t('imp.stopped.failed', { count: notWritten, detail: result.detail ?? '' })
          : undefined;
  return (
    <Card title={t('imp.done.title')} description={step.file}>
      <div className="space-y-4" data-testid="import-result" data-added={result.added} data-updated={result.updated} data-skipped={result.skipped + result.notReached.length} data-stopped={result.stopped ?? ''}>
        {stoppedText && (
          <Notice tone={result.stopped === 'cancelled' ? 'warning' : 'error'} role="alert" testId="import-stopped">
            {stoppedText}
          </Notice>
        )}
        <Notice tone="success" role="status">
          {t('imp.done.summary', {
            added: formatNumber(result.added, locale),
            updated: formatNumber(result.updated, locale),
            skipped: formatNumber(result.skipped + result.notReached.length, locale),
          })}
        </Notice>
        <div className="flex gap-2">
          <Button icon="download" onClick={() => downloadText(reportFileName(), step.report, 'text/csv')} data-testid="import-report">
            {t('imp.report')}
          </Button>
          <Button onClick={onAgain}>{t('imp.again')}</Button>
          <a href="#customers" className={cx('inline-flex h-9 items-center rounded-md px-3 text-sm font-medium text-blue-700 hover:bg-blue-50', focusRing)}>
            {t('imp.toCustomers')}
          </a>
        </div>
      </div>
    </Card>
  );
}
