import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Translate } from '@/lib/i18n';
import { downloadText } from '@/lib/io/download';
import type { SiteRule } from '@/lib/model/rules';
import { exportRules, mergeRules, parseRulesFile, rulesFileName, RULE_FIELDS, type MergePlan, type ParsedRules } from '@/lib/rules/share';
import { deleteRule, listRules, putRule, writeMerge } from '@/lib/rules/store';
import { useLocale } from '../i18n';
import { Button, Card, Icon, Notice, cx, focusRing } from '../ui';
import { RULE_TARGETS, formValues, targetLabel, validateRuleForm, type FieldError, type RuleFormField, type RuleFormValues } from './rule-form';

/** A rules file is small; anything larger is not one. */
export const MAX_RULES_FILE_MB = 5;

const inputBase = cx(
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400',
  'focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/20',
);
const errMsg = (err: unknown) => (err instanceof Error ? err.message : String(err));

type Flash = { tone: 'success' | 'error'; text: string };
type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; file: string }
  | { step: 'preview'; file: string; plan: MergePlan }
  | { step: 'writing'; file: string; plan: MergePlan }
  | { step: 'error'; file?: string; text: string; detail?: string };

/** A rules-file error in words; the field named in `invalidRule` is translated too. */
function fileErrorText(t: Translate, parsed: Extract<ParsedRules, { error: unknown }>): string {
  const params = { ...parsed.params };
  if (typeof params.field === 'string' && ([...RULE_FIELDS, 'rule'] as string[]).includes(params.field))
    params.field = t(`rules.field.${params.field as (typeof RULE_FIELDS)[number] | 'rule'}`);
  return t(parsed.error, params);
}

/**
 * Taught page rules (issue 4): the list with an on/off switch, editing with per-field checks, deleting,
 * export to a file and import from a colleague's file with a preview. `onChanged` runs after every write
 * (the dashboard reloads and tells the background, so open pages apply the new rules).
 */
export function RulesSection({ onChanged }: { onChanged: () => void }) {
  const { t } = useLocale();
  const [rules, setRules] = useState<SiteRule[]>();
  const [loadError, setLoadError] = useState<string>();
  const [editing, setEditing] = useState<string>();
  const [flash, setFlash] = useState<Flash>();
  const [imp, setImp] = useState<ImportState>({ step: 'idle' });
  const fileRef = useRef<HTMLInputElement>(null);
  const fileId = useId();

  const load = useCallback(async () => {
    try {
      setRules(await listRules());
      setLoadError(undefined);
    } catch (err) {
      setLoadError(errMsg(err));
    }
  }, []);
  useEffect(() => void load(), [load]);

  /** Runs a write, then reloads and tells the dashboard; a failure is shown, never swallowed. */
  async function write(action: () => Promise<unknown>, success?: string): Promise<boolean> {
    try {
      await action();
      await load();
      onChanged();
      setFlash(success ? { tone: 'success', text: success } : undefined);
      return true;
    } catch (err) {
      setFlash({ tone: 'error', text: t('rules.failed', { detail: errMsg(err) }) });
      return false;
    }
  }

  function exportAll() {
    if (!rules?.length) return;
    try {
      const file = rulesFileName();
      downloadText(file, exportRules(rules));
      setFlash({ tone: 'success', text: t('rules.export.done', { count: rules.length, file }) });
    } catch (err) {
      setFlash({ tone: 'error', text: t('rules.failed', { detail: errMsg(err) }) });
    }
  }

  async function chooseFile(file: File | undefined) {
    if (fileRef.current) fileRef.current.value = '';
    if (!file) return;
    setFlash(undefined);
    if (file.size > MAX_RULES_FILE_MB * 1024 * 1024) {
      setImp({ step: 'error', file: file.name, text: t('rules.import.tooLarge', { size: (file.size / 1024 / 1024).toFixed(1), limit: MAX_RULES_FILE_MB }) });
      return;
    }
    setImp({ step: 'reading', file: file.name });
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      setImp({ step: 'error', file: file.name, text: t('rules.import.readFailed', { detail: errMsg(err) }) });
      return;
    }
    const parsed = parseRulesFile(text);
    if ('error' in parsed) {
      setImp({ step: 'error', file: file.name, text: fileErrorText(t, parsed), detail: parsed.detail });
      return;
    }
    // Merged against what is stored now, not against a list that may be stale.
    setImp({ step: 'preview', file: file.name, plan: mergeRules(await listRules(), parsed.rules) });
  }

  async function confirmImport() {
    if (imp.step !== 'preview') return;
    const { plan, file } = imp;
    setImp({ step: 'writing', file, plan });
    const ok = await write(() => writeMerge(plan), t('rules.import.done', { added: plan.added.length, updated: plan.updated.length }));
    setImp(ok ? { step: 'idle' } : { step: 'preview', file, plan });
  }

  return (
    <Card
      title={t('rules.title')}
      description={t('rules.hint')}
      actions={
        <>
          <Button icon="download" onClick={exportAll} disabled={!rules?.length} data-testid="rules-export">
            {t('rules.export')}
          </Button>
          <Button icon="upload" onClick={() => fileRef.current?.click()} disabled={imp.step === 'reading' || imp.step === 'writing'} data-testid="rules-import">
            {t('rules.import')}
          </Button>
          <input
            ref={fileRef}
            id={fileId}
            type="file"
            accept=".json,application/json"
            className="sr-only"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => void chooseFile(e.target.files?.[0])}
            data-testid="rules-import-input"
          />
        </>
      }
    >
      <div className="space-y-4" data-testid="rules-section">
        {flash && (
          <Notice tone={flash.tone} role={flash.tone === 'error' ? 'alert' : 'status'} testId="rules-flash">
            {flash.text}
          </Notice>
        )}
        <ImportPanel state={imp} onConfirm={() => void confirmImport()} onCancel={() => setImp({ step: 'idle' })} />
        {loadError ? (
          <Notice tone="error" role="alert">
            {t('rules.loadFailed', { detail: loadError })}
          </Notice>
        ) : !rules ? (
          <p className="text-sm text-slate-500">{t('rules.loading')}</p>
        ) : rules.length === 0 ? (
          <div className="rounded-md border border-dashed border-slate-300 px-4 py-5 text-sm" data-testid="rules-empty">
            <p className="font-medium text-slate-700">{t('rules.empty.title')}</p>
            <p className="mt-1 leading-relaxed text-slate-500">{t('rules.empty.hint')}</p>
          </div>
        ) : (
          <>
            <p className="text-[13px] text-slate-500">{t('rules.count', { count: rules.length })}</p>
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="rules-list">
              {rules.map((rule) =>
                editing === rule.id ? (
                  <RuleEditor
                    key={rule.id}
                    rule={rule}
                    onCancel={() => setEditing(undefined)}
                    onSave={async (next) => {
                      if (await write(() => putRule(next))) setEditing(undefined);
                    }}
                  />
                ) : (
                  <RuleRow
                    key={rule.id}
                    rule={rule}
                    onEdit={() => setEditing(rule.id)}
                    onToggle={(enabled) => void write(() => putRule({ ...rule, enabled }))}
                    onDelete={() => void write(() => deleteRule(rule.id))}
                  />
                ),
              )}
            </ul>
          </>
        )}
      </div>
    </Card>
  );
}

function Switch({ checked, onChange, label, testId }: { checked: boolean; onChange: (v: boolean) => void; label: string; testId?: string }) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      onClick={() => onChange(!checked)}
      data-testid={testId}
      className={cx('relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors', checked ? 'bg-blue-700' : 'bg-slate-300', focusRing)}
    >
      <span className={cx('inline-block size-4 rounded-full bg-white shadow transition-transform', checked ? 'translate-x-4.5' : 'translate-x-0.5')} />
    </button>
  );
}

function RuleRow({ rule, onEdit, onToggle, onDelete }: { rule: SiteRule; onEdit: () => void; onToggle: (enabled: boolean) => void; onDelete: () => void }) {
  const { t } = useLocale();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="flex items-start gap-4 px-4 py-3" data-testid="rules-row" data-rule-id={rule.id}>
      <div className="pt-0.5">
        <Switch checked={rule.enabled} onChange={onToggle} label={t('rules.toggle', { label: rule.label })} testId="rules-toggle" />
      </div>
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className={cx('text-sm font-medium', rule.enabled ? 'text-slate-900' : 'text-slate-500')}>{rule.label}</span>
          <span className="rounded bg-blue-50 px-1.5 py-0.5 text-xs text-blue-800 ring-1 ring-blue-200">{t(targetLabel(rule.target))}</span>
          {!rule.enabled && <span className="text-xs text-slate-500">{t('rules.off')}</span>}
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
          <dt className="text-slate-500">{t('rules.field.urlPattern')}</dt>
          <dd className="truncate font-mono text-slate-700" title={rule.urlPattern}>
            {rule.urlPattern}
          </dd>
          <dt className="text-slate-500">{t('rules.field.selector')}</dt>
          <dd className="truncate font-mono text-slate-700" title={rule.selector}>
            {rule.selector}
          </dd>
          {rule.extract && (
            <>
              <dt className="text-slate-500">{t('rules.field.extract')}</dt>
              <dd className="truncate font-mono text-slate-700" title={rule.extract}>
                {rule.extract}
              </dd>
            </>
          )}
        </dl>
      </div>
      <div className="flex shrink-0 items-center gap-2">
        {confirming ? (
          <>
            <span className="text-[13px] text-slate-600">{t('rules.delete.confirm', { label: rule.label })}</span>
            <Button variant="danger" onClick={onDelete} data-testid="rules-delete-confirm">
              {t('rules.delete')}
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              {t('rules.cancel')}
            </Button>
          </>
        ) : (
          <>
            <Button variant="ghost" onClick={onEdit} data-testid="rules-edit">
              {t('rules.edit')}
            </Button>
            <Button variant="ghost" icon="trash" onClick={() => setConfirming(true)} aria-label={t('rules.delete')} data-testid="rules-delete" />
          </>
        )}
      </div>
    </li>
  );
}

function RuleEditor({ rule, onSave, onCancel }: { rule: SiteRule; onSave: (next: SiteRule) => Promise<void>; onCancel: () => void }) {
  const { t } = useLocale();
  const base = useId();
  const [values, setValues] = useState<RuleFormValues>(() => formValues(rule));
  const [saving, setSaving] = useState(false);
  const { errors, rule: valid } = validateRuleForm(rule, values);
  const set = <K extends RuleFormField>(k: K, v: RuleFormValues[K]) => setValues((prev) => ({ ...prev, [k]: v }));

  const text = (field: 'label' | 'urlPattern' | 'selector' | 'extract', opts: { mono?: boolean; hint?: string } = {}) => {
    const id = `${base}-${field}`;
    const error: FieldError | undefined = errors[field];
    return (
      <div>
        <label htmlFor={id} className="mb-1 block text-[13px] font-medium text-slate-700">
          {t(`rules.field.${field}`)}
        </label>
        <input
          id={id}
          type="text"
          value={values[field]}
          onChange={(e) => set(field, e.target.value)}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={!!error}
          aria-describedby={`${id}-note`}
          data-testid={`rules-field-${field}`}
          className={cx(inputBase, opts.mono && 'font-mono text-[13px]', error && 'border-red-400 focus:border-red-600 focus:ring-red-600/20')}
        />
        <p id={`${id}-note`} className={cx('mt-1 text-xs', error ? 'text-red-700' : 'text-slate-500')} data-testid={error ? `rules-error-${field}` : undefined}>
          {error ? t(error.key, error.params) : opts.hint}
        </p>
      </div>
    );
  };

  async function save() {
    if (!valid) return;
    setSaving(true);
    try {
      await onSave(valid);
    } finally {
      setSaving(false);
    }
  }

  return (
    <li className="space-y-3 bg-slate-50/70 px-4 py-4" data-testid="rules-editor" data-rule-id={rule.id}>
      <div className="grid gap-3 sm:grid-cols-2">
        {text('label')}
        <div>
          <label htmlFor={`${base}-target`} className="mb-1 block text-[13px] font-medium text-slate-700">
            {t('rules.field.target')}
          </label>
          <select
            id={`${base}-target`}
            value={values.target}
            onChange={(e) => set('target', e.target.value as RuleFormValues['target'])}
            data-testid="rules-field-target"
            className={inputBase}
          >
            {RULE_TARGETS.map((k) => (
              <option key={k} value={k}>
                {t(targetLabel(k))}
              </option>
            ))}
          </select>
        </div>
      </div>
      {text('urlPattern', { mono: true, hint: t('rules.field.hint.urlPattern') })}
      {text('selector', { mono: true })}
      {text('extract', { mono: true, hint: t('rules.field.hint.extract') })}
      <div className="flex items-center justify-between gap-3 pt-1">
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={values.enabled} onChange={(e) => set('enabled', e.target.checked)} data-testid="rules-field-enabled" className="size-4" />
          {t('rules.field.enabled')}
        </label>
        <div className="flex gap-2">
          <Button variant="ghost" onClick={onCancel}>
            {t('rules.cancel')}
          </Button>
          <Button variant="primary" onClick={() => void save()} disabled={!valid || saving} data-testid="rules-save">
            {saving ? t('rules.saving') : t('rules.save')}
          </Button>
        </div>
      </div>
    </li>
  );
}

function ImportPanel({ state, onConfirm, onCancel }: { state: ImportState; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useLocale();
  if (state.step === 'idle') return null;
  if (state.step === 'reading') return <p className="text-sm text-slate-500">{t('rules.import.reading')}</p>;
  if (state.step === 'error')
    return (
      <Notice tone="error" role="alert" testId="rules-import-error">
        <p>{state.text}</p>
        {state.detail && <p className="font-mono text-xs text-red-800/80">{t('rules.file.detail', { detail: state.detail })}</p>}
        {state.file && <p className="truncate font-mono text-xs text-red-800/80">{state.file}</p>}
      </Notice>
    );
  const { plan, file } = state;
  const nothing = plan.toWrite.length === 0;
  return (
    <div className="rounded-md border border-blue-200 bg-blue-50/50 p-4 text-sm" data-testid="rules-import-preview">
      <p className="flex items-center gap-2 font-medium text-slate-900">
        <Icon name="file" className="size-4 text-slate-500" />
        {t('rules.import.title', { file })}
      </p>
      <p className="mt-1 text-slate-600">
        {nothing ? t('rules.import.nothing') : t('rules.import.summary', { added: plan.added.length, updated: plan.updated.length, unchanged: plan.unchanged.length })}
      </p>
      {!nothing && (
        <ul className="mt-3 max-h-64 space-y-1 overflow-auto text-[13px]">
          {plan.added.map((r) => (
            <li key={r.id} className="flex gap-2" data-testid="rules-import-added">
              <span className="shrink-0 rounded bg-emerald-100 px-1.5 text-xs leading-5 text-emerald-800">{t('rules.import.added')}</span>
              <span className="truncate">
                {r.label} · {t(targetLabel(r.target))} · <span className="font-mono text-slate-600">{r.urlPattern}</span>
              </span>
            </li>
          ))}
          {plan.updated.map(({ before, after }) => (
            <li key={after.id} className="flex gap-2" data-testid="rules-import-updated">
              <span className="shrink-0 rounded bg-amber-100 px-1.5 text-xs leading-5 text-amber-800">{t('rules.import.updated')}</span>
              <span className="truncate">
                {after.label}
                {before.label !== after.label && <span className="text-slate-500"> ({t('rules.import.was', { label: before.label })})</span>} ·{' '}
                <span className="font-mono text-slate-600">{after.urlPattern}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel} disabled={state.step === 'writing'}>
          {t('rules.cancel')}
        </Button>
        {!nothing && (
          <Button variant="primary" onClick={onConfirm} disabled={state.step === 'writing'} data-testid="rules-import-confirm">
            {t('rules.import.confirm')}
          </Button>
        )}
      </div>
    </div>
  );
}
