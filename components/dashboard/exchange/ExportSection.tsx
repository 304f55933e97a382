import { useEffect, useMemo, useState } from 'react';
import { loadExistingIndex, type ConflictChoice } from '@/lib/db/import-writer';
import { toYmd } from '@/lib/dates';
import { formatNumber } from '@/lib/format';
import { BackupError, exportBackup } from '@/lib/io/backup';
import { downloadBlob, downloadText } from '@/lib/io/download';
import { toCsv } from '@/lib/io/export/csv';
import { buildExport, type ExportResult } from '@/lib/io/export/export';
import { XLSX_MIME, toXlsxBlob } from '@/lib/io/export/xlsx';
import { buildChecklist, renderChecklistHtml } from '@/lib/io/handover/checklist';
import { HandoverError, MIN_PASSPHRASE_LENGTH, checkPassphrase, decryptHandover, encryptHandover, handoverFileName } from '@/lib/io/handover/crypto';
import { planHandover, receiveHandover, type HandoverCounts } from '@/lib/io/handover/receive';
import { selectForHandover, selectionOptions, type HandoverSelection } from '@/lib/io/handover/select';
import type { Plan } from '@/lib/io/import/dedupe';
import type { Backup } from '@/lib/model';
import { useBook } from '../book/useBook';
import { useLocale } from '../i18n';
import { Button, Card, Notice, PageHeader, cx, focusRing } from '../ui';
import { CustomerReview } from './ImportSection';

const stamp = (d = new Date()) => `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function ExportSection({ onImported }: { onImported: () => void }) {
  const { t } = useLocale();
  return (
    <div data-testid="export">
      <PageHeader title={t('exp.title')} subtitle={t('exp.subtitle')} />
      <div className="space-y-5">
        <ExportTables />
        <HandoverOut />
        <HandoverIn onImported={onImported} />
      </div>
    </div>
  );
}

function ExportTables() {
  const { t, locale } = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function build(): Promise<ExportResult> {
    const backup = await exportBackup();
    return buildExport(backup, locale);
  }
  async function run(action: (r: ExportResult) => Promise<void> | void) {
    setBusy(true);
    setError(undefined);
    try {
      await action(await build());
    } catch (err) {
      setError(t('error.internal', { detail: errorText(err) }));
    } finally {
      setBusy(false);
    }
  }
  const csv = (table: keyof ExportResult) =>
    run((r) => downloadText(`${r[table].name}-${stamp()}.csv`, toCsv(r[table].header, r[table].rows), 'text/csv'));
  const xlsx = () =>
    run(async (r) => downloadBlob(`${t('exp.fileName')}-${stamp()}.xlsx`, new Blob([await toXlsxBlob([r.customers, r.contacts, r.interactions])], { type: XLSX_MIME })));

  return (
    <Card title={t('exp.tables.title')} description={t('exp.tables.hint')}>
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" icon="download" disabled={busy} onClick={() => void xlsx()} data-testid="export-xlsx">
          {t('exp.xlsx')}
        </Button>
        <Button icon="download" disabled={busy} onClick={() => void csv('customers')} data-testid="export-csv-customers">
          {t('exp.csv.customers')}
        </Button>
        <Button icon="download" disabled={busy} onClick={() => void csv('contacts')} data-testid="export-csv-contacts">
          {t('exp.csv.contacts')}
        </Button>
        <Button icon="download" disabled={busy} onClick={() => void csv('interactions')} data-testid="export-csv-interactions">
          {t('exp.csv.interactions')}
        </Button>
      </div>
      {error && (
        <div className="mt-3">
          <Notice tone="error" role="alert">{error}</Notice>
        </div>
      )}
    </Card>
  );
}

const inputClass = cx('h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-xs', focusRing);

function HandoverOut() {
  const { t, locale } = useLocale();
  const { book } = useBook();
  const [kind, setKind] = useState<HandoverSelection['kind']>('all');
  const [values, setValues] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [pass, setPass] = useState('');
  const [pass2, setPass2] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<Backup>();

  const options = useMemo(() => (book ? selectionOptions({ customers: [...book.entries.values()] as never }) : { classes: [], segments: [] }), [book]);
  const matches = useMemo(() => (book && query.trim() ? book.index.query(query, { limit: 8 }).ids : []), [book, query]);

  const selection = (): HandoverSelection =>
    kind === 'all' ? { kind } : kind === 'customers' ? { kind, ids: picked } : { kind, values };

  async function make() {
    setStatus(undefined);
    if (checkPassphrase(pass) !== 'ok') return setStatus({ tone: 'error', text: t('handover.error.weakPassphrase', { min: MIN_PASSPHRASE_LENGTH }) });
    if (pass !== pass2) return setStatus({ tone: 'error', text: t('ho.passMismatch') });
    setBusy(true);
    try {
      const chosen = selectForHandover(await exportBackup(), selection());
      if (chosen.customers.length === 0) return setStatus({ tone: 'error', text: t('ho.empty') });
      const bytes = await encryptHandover(chosen, pass);
      downloadBlob(handoverFileName(), new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
      setMade(chosen);
      setStatus({ tone: 'success', text: t('ho.made', { count: formatNumber(chosen.customers.length, locale) }) });
    } catch (err) {
      setStatus({ tone: 'error', text: t('error.internal', { detail: errorText(err) }) });
    } finally {
      setBusy(false);
    }
  }

  function printChecklist() {
    if (!made) return;
    const html = renderChecklistHtml(buildChecklist(made, toYmd(Date.now())), locale, { from: from.trim() || undefined, to: to.trim() || undefined, createdAt: Date.now() });
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    window.open(url, '_blank', 'noopener');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  const toggle = (v: string) => setValues((list) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]));

  return (
    <Card title={t('ho.out.title')} description={t('ho.out.hint')}>
      <div className="space-y-4">
        <fieldset>
          <legend className="mb-2 text-xs font-medium text-slate-600">{t('ho.select')}</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            {(['all', 'class', 'segment', 'customers'] as const).map((k) => (
              <label key={k} className="flex items-center gap-2">
                <input type="radio" name="handover-kind" checked={kind === k} onChange={() => (setKind(k), setValues([]))} data-testid={`handover-kind-${k}`} />
                {t(`ho.select.${k}`)}
              </label>
            ))}
          </div>
          {(kind === 'class' || kind === 'segment') && (
            <div className="mt-3 flex flex-wrap gap-2">
              {(kind === 'class' ? options.classes : options.segments).map((v) => (
                <button
                  key={v}
                  type="button"
                  aria-pressed={values.includes(v)}
                  onClick={() => toggle(v)}
                  className={cx('rounded-full border px-3 py-1 text-sm', focusRing, values.includes(v) ? 'border-blue-300 bg-blue-50 text-blue-800' : 'border-slate-300 text-slate-700')}
                >
                  {kind === 'class' ? t('book.filter.class.value', { class: v }) : v}
                </button>
              ))}
            </div>
          )}
          {kind === 'customers' && book && (
            <div className="mt-3 space-y-2">
              <input className={inputClass} placeholder={t('book.search.placeholder')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="handover-search" />
              <ul className="flex flex-wrap gap-2">
                {matches.map((id) => (
                  <li key={id}>
                    <button type="button" className={cx('rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50', focusRing)} onClick={() => setPicked((p) => (p.includes(id) ? p : [...p, id]))}>
                      + {book.entries.get(id)?.name}
                    </button>
                  </li>
                ))}
              </ul>
              {picked.length > 0 && (
                <p className="text-sm text-slate-700" data-testid="handover-picked">
                  {t('ho.picked')}
                  {picked.map((id) => book.entries.get(id)?.name).join('、')}
                </p>
              )}
            </div>
          )}
        </fieldset>
        <div className="grid grid-cols-2 gap-3">
          <label className="block text-xs font-medium text-slate-600">
            {t('ho.pass')}
            <input type="password" autoComplete="new-password" className={cx(inputClass, 'mt-1')} value={pass} onChange={(e) => setPass(e.target.value)} data-testid="handover-pass" />
          </label>
          <label className="block text-xs font-medium text-slate-600">
            {t('ho.pass2')}
            <input type="password" autoComplete="new-password" className={cx(inputClass, 'mt-1')} value={pass2} onChange={(e) => setPass2(e.target.value)} data-testid="handover-pass2" />
          </label>
          <label className="block text-xs font-medium text-slate-600">
            {t('handover.checklist.from')}
            <input className={cx(inputClass, 'mt-1')} value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="block text-xs font-medium text-slate-600">
            {t('handover.checklist.to')}
            <input className={cx(inputClass, 'mt-1')} value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
        </div>
        <p className="text-xs leading-relaxed text-slate-500">{t('handover.passphrase.hint', { min: MIN_PASSPHRASE_LENGTH })}</p>
        <div className="flex gap-2">
          <Button variant="primary" icon="lock" disabled={busy} onClick={() => void make()} data-testid="handover-export">
            {busy ? t('ho.encrypting') : t('ho.make')}
          </Button>
          <Button icon="print" disabled={!made} onClick={printChecklist} data-testid="handover-checklist">
            {t('ho.print')}
          </Button>
        </div>
        {status && <Notice tone={status.tone} role={status.tone === 'success' ? 'status' : 'alert'} testId="handover-result">{status.text}</Notice>}
      </div>
    </Card>
  );
}

function HandoverIn({ onImported }: { onImported: () => void }) {
  const { t, locale } = useLocale();
  const [file, setFile] = useState<File>();
  const [pass, setPass] = useState('');
  const [opened, setOpened] = useState<{ backup: Backup; plan: Plan }>();
  const [choices, setChoices] = useState<Map<number, ConflictChoice>>(new Map());
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);
  useEffect(() => setOpened(undefined), [file]);

  async function open() {
    if (!file) return;
    setBusy(true);
    setStatus(undefined);
    try {
      const backup = await decryptHandover(await file.arrayBuffer(), pass);
      setOpened({ backup, plan: planHandover(backup, await loadExistingIndex()) });
      setChoices(new Map());
    } catch (err) {
      const text =
        err instanceof HandoverError
          ? t(`handover.error.${err.code}`, { min: MIN_PASSPHRASE_LENGTH })
          : err instanceof BackupError
            ? t('ho.invalidContent', { detail: err.detail || err.code })
            : t('error.internal', { detail: errorText(err) });
      setStatus({ tone: 'error', text });
    } finally {
      setBusy(false);
    }
  }

  async function receive() {
    if (!opened) return;
    setBusy(true);
    try {
      const counts: HandoverCounts = await receiveHandover(opened.backup, opened.plan, choices);
      setStatus({ tone: 'success', text: t('ho.received', { added: formatNumber(counts.added, locale), updated: formatNumber(counts.updated, locale), skipped: formatNumber(counts.skipped, locale), interactions: formatNumber(counts.interactions, locale) }) });
      setOpened(undefined);
      onImported();
    } catch (err) {
      setStatus({ tone: 'error', text: err instanceof BackupError && err.code === 'quota' ? t('error.quota') : t('error.internal', { detail: errorText(err) }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('ho.in.title')} description={t('ho.in.hint')}>
      <div className="space-y-4">
        <div className="grid grid-cols-2 gap-3">
          <label className="block text-xs font-medium text-slate-600">
            {t('ho.in.file')}
            <input type="file" accept=".alho,application/octet-stream" className="mt-1 block w-full text-sm" onChange={(e) => (setFile(e.target.files?.[0]), setStatus(undefined))} data-testid="handover-file" />
          </label>
          <label className="block text-xs font-medium text-slate-600">
            {t('ho.pass')}
            <input type="password" autoComplete="off" className={cx(inputClass, 'mt-1')} value={pass} onChange={(e) => setPass(e.target.value)} data-testid="handover-in-pass" />
          </label>
        </div>
        <Button disabled={!file || !pass || busy} onClick={() => void open()} data-testid="handover-open">
          {t('ho.in.open')}
        </Button>
        {opened && (
          <>
            <CustomerReview plan={opened.plan} choices={choices} onChoices={setChoices} />
            <Button variant="primary" disabled={busy} onClick={() => void receive()} data-testid="handover-receive">
              {t('ho.in.receive', { count: formatNumber(opened.backup.customers.length, locale) })}
            </Button>
          </>
        )}
        {status && <Notice tone={status.tone} role={status.tone === 'success' ? 'status' : 'alert'} testId="handover-in-result">{status.text}</Notice>}
      </div>
    </Card>
  );
}
