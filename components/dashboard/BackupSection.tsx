import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { formatDate, formatNumber, formatTime } from '@/lib/format';
import type { MessageKey, Translate } from '@/lib/i18n';
import { BackupError, exportBackup, importBackup, parseBackup, type BackupErrorCode, type ImportCounts } from '@/lib/io/backup';
import { backupFileName, downloadText } from '@/lib/io/download';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '@/lib/model';
import { request } from '@/lib/messaging/client';
import { TABLE_LABELS, TABLES, type Counts, type TableName } from './counts';
import { useLocale } from './i18n';
import { Button, Card, Icon, Notice, PageHeader, cx, focusRing } from './ui';

/** Largest backup file the page will read into memory. */
export const MAX_BACKUP_MB = 200;
const MAX_BACKUP_BYTES = MAX_BACKUP_MB * 1024 * 1024;

type Mode = 'merge' | 'replace';
type FailureCode = BackupErrorCode | 'tooLarge' | 'readFailed';
interface Failure {
  code: FailureCode;
  detail: string;
  file?: string;
}

type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; file: string }
  | { step: 'preview'; file: string; backup: Backup }
  | { step: 'writing'; file: string; backup: Backup }
  | { step: 'done'; mode: Mode; counts: ImportCounts }
  | { step: 'error'; failure: Failure };


const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

function failureText(t: Translate, f: Failure): string {
  switch (f.code) {
    case 'notJson':
      return t('backup.error.notJson');
    case 'notBackup':
      return t('backup.error.notBackup');
    case 'newerVersion':
      return t('backup.error.newerVersion', { version: f.detail });
    case 'invalid':
      return t('backup.error.invalid', { detail: f.detail });
    case 'quota':
      return t('backup.error.quota');
    case 'writeFailed':
      return t('backup.error.writeFailed', { detail: f.detail });
    case 'tooLarge':
      return t('backup.error.tooLarge', { size: f.detail, limit: MAX_BACKUP_MB });
    case 'readFailed':
      return t('backup.error.readFailed', { detail: f.detail });
  }
}

function toFailure(err: unknown, file?: string): Failure {
  if (err instanceof BackupError) return { code: err.code, detail: err.detail, file };
  return { code: 'writeFailed', detail: err instanceof Error ? err.message : String(err), file };
}

export function BackupSection({ counts, onImported }: { counts?: Counts; onImported: () => void }) {
  const { t } = useLocale();
  return (
    <div data-testid="backup">
      <PageHeader title={t('backup.title')} subtitle={t('backup.subtitle')} />
      <div className="space-y-5">
        <ExportCard />
        <ImportCard counts={counts} onImported={onImported} />
        <AboutFormat />
      </div>
    </div>
  );
}

function ExportCard() {
  const { t, locale } = useLocale();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; customers: string; file: string } | { ok: false; detail: string }>();

  async function run() {
    setBusy(true);
    setResult(undefined);
    try {
      const backup = await exportBackup();
      const file = backupFileName(new Date(backup.exportedAt));
      downloadText(file, JSON.stringify(backup), 'application/json');
      setResult({ ok: true, customers: formatNumber(backup.customers.length, locale), file });
    } catch (err) {
      setResult({ ok: false, detail: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title={t('backup.export.title')}
      description={t('backup.export.hint')}
      actions={
        <Button variant="primary" icon="download" onClick={() => void run()} disabled={busy} data-testid="backup-export">
          {busy ? t('backup.export.working') : t('backup.export.button')}
        </Button>
      }
    >
      {result ? (
        <Notice tone={result.ok ? 'success' : 'error'} role={result.ok ? 'status' : 'alert'} testId="backup-export-result">
          {result.ok ? t('backup.export.done', { customers: result.customers, file: result.file }) : t('backup.export.failed', { detail: result.detail })}
        </Notice>
      ) : (
        <p className="flex items-center gap-2 text-[13px] text-slate-500">
          <Icon name="file" className="size-4 text-slate-400" />
          <span className="font-mono text-slate-600">{backupFileName()}</span>
        </p>
      )}
    </Card>
  );
}

function ImportCard({ counts, onImported }: { counts?: Counts; onImported: () => void }) {
  const { t, locale } = useLocale();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [mode, setMode] = useState<Mode>('merge');
  const [confirmed, setConfirmed] = useState(false);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();

  // A file dropped beside the zone would make the browser open it and leave the dashboard.
  useEffect(() => {
    const stop = (e: globalThis.DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  async function choose(file: File | undefined) {
    if (inputRef.current) inputRef.current.value = '';
    if (!file) return;
    setMode('merge');
    setConfirmed(false);
    if (file.size > MAX_BACKUP_BYTES) {
      setState({ step: 'error', failure: { code: 'tooLarge', detail: mb(file.size), file: file.name } });
      return;
    }
    setState({ step: 'reading', file: file.name });
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      setState({ step: 'error', failure: { code: 'readFailed', detail: err instanceof Error ? err.message : String(err), file: file.name } });
      return;
    }
    // Let the "reading" state paint before a large JSON.parse blocks the page.
    await new Promise((r) => setTimeout(r, 0));
    try {
      setState({ step: 'preview', file: file.name, backup: parseBackup(text) });
    } catch (err) {
      setState({ step: 'error', failure: toFailure(err, file.name) });
    }
  }

  async function write() {
    if (state.step !== 'preview') return;
    if (mode === 'replace' && !confirmed) return;
    setState({ step: 'writing', file: state.file, backup: state.backup });
    try {
      const written = await importBackup(state.backup, mode);
      await request({ type: 'data/changed', restored: true }).catch(() => undefined);
      setState({ step: 'done', mode, counts: written });
      onImported(); // also tells the background (DashboardApp)
    } catch (err) {
      setState({ step: 'error', failure: toFailure(err, state.file) });
      onImported();
    }
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setDragging(false);
    void choose(e.dataTransfer.files[0]);
  }

  const reset = () => {
    setState({ step: 'idle' });
    setConfirmed(false);
    setMode('merge');
  };
  const showDropZone = state.step === 'idle' || state.step === 'error' || state.step === 'reading';

  return (
    <Card title={t('backup.import.title')} description={t('backup.import.hint')}>
      <div className="space-y-4">
        {state.step === 'error' && (
          <Notice tone="error" title={t('backup.error.title')} role="alert" testId="backup-error">
            <p data-code={state.failure.code}>{failureText(t, state.failure)}</p>
            <p className="font-medium">{state.failure.code === 'invalid' ? t('backup.error.unchangedShort') : t('backup.error.unchanged')}</p>
            {state.failure.file && <p className="truncate font-mono text-xs text-red-800/80">{state.failure.file}</p>}
          </Notice>
        )}

        {state.step === 'done' && (
          <Notice tone="success" title={t(state.mode === 'replace' ? 'backup.result.title.replace' : 'backup.result.title.merge')} role="status" testId="backup-result">
            <p>
              {t('backup.result.body', {
                customers: formatNumber(state.counts.customers, locale),
                contacts: formatNumber(state.counts.contacts, locale),
                interactions: formatNumber(state.counts.interactions, locale),
                needs: formatNumber(state.counts.needs, locale),
                tasks: formatNumber(state.counts.tasks, locale),
              })}
            </p>
            <div className="pt-2">
              <Button onClick={reset} data-testid="backup-again">
                {t('backup.result.again')}
              </Button>
            </div>
          </Notice>
        )}

        {showDropZone && (
          <div
            onDragEnter={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragOver={(e) => {
              e.preventDefault();
              e.dataTransfer.dropEffect = 'copy';
            }}
            onDragLeave={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
            }}
            onDrop={onDrop}
            data-testid="backup-dropzone"
            className={cx(
              'flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-6 py-8 text-center transition-colors',
              dragging ? 'border-blue-500 bg-blue-50' : 'border-slate-300 bg-slate-50/60',
            )}
          >
            {state.step === 'reading' ? (
              <p className="flex items-center gap-2 text-sm text-slate-600" role="status">
                <span className="size-4 animate-spin rounded-full border-2 border-slate-300 border-t-blue-600" aria-hidden="true" />
                {t('backup.reading', { file: state.file })}
              </p>
            ) : (
              <>
                <Icon name="upload" className={cx('size-7', dragging ? 'text-blue-600' : 'text-slate-400')} />
                <p className="text-sm font-medium text-slate-700">{t('backup.drop.title')}</p>
                <p className="flex items-center gap-3 text-sm text-slate-500">
                  <span>{t('backup.drop.or')}</span>
                  <label
                    htmlFor={inputId}
                    className={cx(
                      'inline-flex h-9 cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3.5 text-sm font-medium text-slate-700 shadow-sm hover:border-slate-400 hover:bg-slate-50',
                      'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-blue-600',
                    )}
                  >
                    <Icon name="file" />
                    {t('backup.drop.choose')}
                    <input
                      ref={inputRef}
                      id={inputId}
                      type="file"
                      accept=".json,application/json"
                      className="sr-only"
                      data-testid="backup-file"
                      onChange={(e) => void choose(e.target.files?.[0])}
                    />
                  </label>
                </p>
                <p className="text-xs text-slate-400">{t('backup.drop.limit', { limit: MAX_BACKUP_MB })}</p>
              </>
            )}
          </div>
        )}

        {(state.step === 'preview' || state.step === 'writing') && (
          <Preview
            file={state.file}
            backup={state.backup}
            counts={counts}
            mode={mode}
            onMode={(m) => {
              setMode(m);
              setConfirmed(false);
            }}
            confirmed={confirmed}
            onConfirm={setConfirmed}
            writing={state.step === 'writing'}
            onImport={() => void write()}
            onCancel={reset}
          />
        )}
      </div>
    </Card>
  );
}

function Preview(props: {
  file: string;
  backup: Backup;
  counts?: Counts;
  mode: Mode;
  onMode: (m: Mode) => void;
  confirmed: boolean;
  onConfirm: (v: boolean) => void;
  writing: boolean;
  onImport: () => void;
  onCancel: () => void;
}) {
  const { t, locale } = useLocale();
  const { backup, counts, mode } = props;
  const name = useId();
  const canImport = !props.writing && (mode === 'merge' || props.confirmed);

  return (
    <div className="space-y-5" data-testid="backup-preview">
      <div>
        <h3 className="mb-2.5 text-sm font-semibold text-slate-900">{t('backup.preview.title')}</h3>
        <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1.5 text-sm">
          <dt className="text-slate-500">{t('backup.preview.file')}</dt>
          <dd className="truncate font-mono text-[13px] text-slate-800">{props.file}</dd>
          <dt className="text-slate-500">{t('backup.preview.exportedAt')}</dt>
          <dd className="text-slate-800" data-testid="backup-preview-date">
            {formatDate(backup.exportedAt, locale)} {formatTime(backup.exportedAt, locale)}
          </dd>
          <dt className="text-slate-500">{t('backup.preview.format')}</dt>
          <dd className="text-slate-800">v{backup.version}</dd>
        </dl>
        <table className="w-full overflow-hidden rounded-md text-sm ring-1 ring-slate-200">
          <thead className="bg-slate-50 text-left text-[13px] text-slate-500">
            <tr>
              <th scope="col" className="px-3.5 py-2 font-medium">{t('backup.preview.table')}</th>
              <th scope="col" className="px-3.5 py-2 text-right font-medium">{t('backup.preview.inBackup')}</th>
              <th scope="col" className="px-3.5 py-2 text-right font-medium">{t('backup.preview.onComputer')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {TABLES.map((table) => (
              <tr key={table} data-testid={`backup-preview-${table}`}>
                <th scope="row" className="px-3.5 py-2 text-left font-normal text-slate-700">{t(TABLE_LABELS[table])}</th>
                <td className="px-3.5 py-2 text-right font-medium tabular-nums text-slate-900">{formatNumber(backup[table].length, locale)}</td>
                <td className="px-3.5 py-2 text-right tabular-nums text-slate-500">{counts ? formatNumber(counts[table], locale) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <fieldset>
        <legend className="mb-2.5 text-sm font-semibold text-slate-900">{t('backup.mode.title')}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {(['merge', 'replace'] as const).map((m) => (
            <label
              key={m}
              className={cx(
                'flex cursor-pointer gap-3 rounded-md border px-4 py-3 transition-colors',
                'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-blue-600',
                mode === m ? (m === 'replace' ? 'border-red-300 bg-red-50/50' : 'border-blue-400 bg-blue-50/60') : 'border-slate-200 hover:border-slate-300',
              )}
            >
              <input
                type="radio"
                name={name}
                value={m}
                checked={mode === m}
                onChange={() => props.onMode(m)}
                disabled={props.writing}
                data-testid={`backup-mode-${m}`}
                className={cx('mt-0.5 size-4', m === 'replace' ? 'accent-red-700' : 'accent-blue-700')}
              />
              <span>
                <span className="block text-sm font-medium text-slate-900">{t(m === 'merge' ? 'backup.mode.merge' : 'backup.mode.replace')}</span>
                <span className="mt-0.5 block text-[13px] leading-relaxed text-slate-500">
                  {t(m === 'merge' ? 'backup.mode.mergeHint' : 'backup.mode.replaceHint')}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {mode === 'replace' && (
        <Notice tone="warning" testId="backup-replace-warning">
          <p>
            {counts && counts.customers === 0
              ? t('backup.replace.warningEmpty')
              : t('backup.replace.warning', { customers: counts ? formatNumber(counts.customers, locale) : '—' })}
          </p>
          <label className="flex cursor-pointer items-start gap-2 pt-1 font-medium">
            <input
              type="checkbox"
              checked={props.confirmed}
              onChange={(e) => props.onConfirm(e.target.checked)}
              disabled={props.writing}
              data-testid="backup-replace-confirm"
              className={cx('mt-0.5 size-4 accent-red-700', focusRing)}
            />
            {t('backup.replace.confirm')}
          </label>
        </Notice>
      )}

      <div className="flex items-center justify-end gap-2 border-t border-slate-100 pt-4">
        <Button variant="ghost" onClick={props.onCancel} disabled={props.writing} data-testid="backup-cancel">
          {t('backup.import.cancel')}
        </Button>
        <Button
          variant={mode === 'replace' ? 'danger' : 'primary'}
          icon="upload"
          onClick={props.onImport}
          disabled={!canImport}
          data-testid="backup-import"
        >
          {props.writing ? t('backup.import.working') : t(mode === 'replace' ? 'backup.import.button.replace' : 'backup.import.button.merge')}
        </Button>
      </div>
    </div>
  );
}

function AboutFormat() {
  const { t } = useLocale();
  return (
    <details className="group rounded-lg border border-slate-200 bg-white shadow-xs" data-testid="backup-about">
      <summary
        className={cx(
          'flex cursor-pointer list-none items-center gap-2 rounded-lg px-5 py-3.5 text-sm font-medium text-slate-700 hover:text-slate-900 [&::-webkit-details-marker]:hidden',
          focusRing,
        )}
      >
        <Icon name="chevron" className="size-4 text-slate-400 transition-transform group-open:rotate-90" />
        {t('backup.about.title')}
      </summary>
      <div className="space-y-2 border-t border-slate-100 px-5 py-4 pl-11 text-[13px] leading-relaxed text-slate-600">
        <p>{t('backup.about.body1', { format: BACKUP_FORMAT, version: BACKUP_VERSION })}</p>
        <p>{t('backup.about.body2')}</p>
        <p>{t('backup.about.body3')}</p>
      </div>
    </details>
  );
}
