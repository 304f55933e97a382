import { useId, useMemo, useState } from 'react';
import { detectIdentifiers } from '@/lib/match/detect';
import type { MessageKey, Translate } from '@/lib/i18n';
import type { LocaleSetting, Settings } from '@/lib/model/settings';
import { CUSTOMER_CODE_PATTERN_EXAMPLES, MAX_PATTERN_LENGTH, saveSettings, validateCustomerCodePattern, type PatternCheck } from '@/lib/settings';
import { useLocale } from './i18n';
import { RulesSection } from './settings/RulesSection';
import { ConversationCard } from './settings/ConversationCard';
import { SitesCard } from './settings/SitesCard';
import { request } from '@/lib/messaging/client';
import { Button, Card, Icon, Notice, PageHeader, cx, focusRing } from './ui';

const LANGUAGES: { value: LocaleSetting; label: MessageKey }[] = [
  { value: 'auto', label: 'settings.language.auto' },
  { value: 'zh-CN', label: 'settings.language.zh' },
  { value: 'en', label: 'settings.language.en' },
];


const inputBase = cx(
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400',
  'focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/20',
);

function checkText(t: Translate, check: PatternCheck): string {
  if (check.ok) return t('settings.pattern.valid');
  if (check.reason === 'syntax') return t('settings.pattern.error.syntax', { detail: check.error });
  if (check.reason === 'tooLong') return t('settings.pattern.error.tooLong', { max: MAX_PATTERN_LENGTH });
  return t('settings.pattern.error.matchesEmpty');
}

export function SettingsSection({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { t } = useLocale();
  return (
    <div data-testid="settings">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <div className="space-y-5">
        <LanguageCard settings={settings} onSaved={onSaved} />
        <PatternCard settings={settings} onSaved={onSaved} />
        <ConversationCard settings={settings} onSaved={onSaved} />
        <SitesCard />
        <RulesSection onChanged={() => void request({ type: 'rules/changed' }).catch(() => undefined)} />
      </div>
    </div>
  );
}

function LanguageCard({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { t } = useLocale();
  const id = useId();
  const [error, setError] = useState<string>();

  async function change(locale: LocaleSetting) {
    setError(undefined);
    try {
      onSaved(await saveSettings({ locale }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <Card>
      <div className="flex items-center justify-between gap-8">
        <div>
          <label htmlFor={id} className="text-[15px] font-semibold text-slate-900">
            {t('settings.language.title')}
          </label>
          <p className="mt-1 text-sm text-slate-500">{t('settings.language.hint')}</p>
        </div>
        <div className="relative w-56 shrink-0">
          <select
            id={id}
            value={settings.locale}
            onChange={(e) => void change(e.target.value as LocaleSetting)}
            data-testid="settings-locale"
            className={cx(inputBase, 'appearance-none pr-9')}
          >
            {LANGUAGES.map((l) => (
              <option key={l.value} value={l.value}>
                {t(l.label)}
              </option>
            ))}
          </select>
          <Icon name="chevron" className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 rotate-90 text-slate-400" />
        </div>
      </div>
      {error && (
        <div className="mt-4">
          <Notice tone="error" role="alert">
            {t('settings.saveFailed', { detail: error })}
          </Notice>
        </div>
      )}
    </Card>
  );
}

function PatternCard({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { t } = useLocale();
  const patternId = useId();
  const statusId = useId();
  const testId = useId();
  const [draft, setDraft] = useState(settings.customerCodePattern);
  const [sample, setSample] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ ok: true } | { ok: false; detail: string }>();

  const check = useMemo(() => validateCustomerCodePattern(draft), [draft]);
  const empty = !draft.trim();
  const dirty = draft !== settings.customerCodePattern;
  const found = useMemo(
    () =>
      check.ok && !empty && sample
        ? detectIdentifiers(sample, { customerCodePattern: draft }).filter((d) => d.kind === 'customerCode')
        : [],
    [check.ok, empty, sample, draft],
  );

  async function save() {
    setSaving(true);
    setSaved(undefined);
    try {
      onSaved(await saveSettings({ customerCodePattern: draft }));
      setSaved({ ok: true });
    } catch (err) {
      setSaved({ ok: false, detail: err instanceof Error ? err.message : String(err) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={t('settings.pattern.title')} description={t('settings.pattern.hint')}>
      <div className="space-y-5">
        <div>
          <label htmlFor={patternId} className="mb-1.5 block text-sm font-medium text-slate-700">
            {t('settings.pattern.label')}
          </label>
          <input
            id={patternId}
            type="text"
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              setSaved(undefined);
            }}
            placeholder={t('settings.pattern.placeholder')}
            spellCheck={false}
            autoComplete="off"
            maxLength={MAX_PATTERN_LENGTH + 50}
            aria-describedby={statusId}
            aria-invalid={!check.ok}
            data-testid="settings-pattern"
            className={cx(inputBase, 'font-mono', !check.ok && 'border-red-400 focus:border-red-600 focus:ring-red-600/20')}
          />
          <p
            id={statusId}
            data-testid="settings-pattern-status"
            data-valid={check.ok ? 'true' : 'false'}
            aria-live="polite"
            className={cx('mt-1.5 flex items-center gap-1.5 text-[13px]', !check.ok ? 'text-red-700' : empty ? 'text-slate-500' : 'text-emerald-700')}
          >
            {!check.ok ? <Icon name="alert" className="size-3.5" /> : !empty && <Icon name="check" className="size-3.5" />}
            {empty && check.ok ? t('settings.pattern.empty') : checkText(t, check)}
          </p>
          <div className="mt-3 flex flex-wrap items-center gap-2 text-[13px] text-slate-500">
            <span>{t('settings.pattern.examples')}</span>
            {CUSTOMER_CODE_PATTERN_EXAMPLES.map((ex) => (
              <button
                key={ex.pattern}
                type="button"
                onClick={() => {
                  setDraft(ex.pattern);
                  setSaved(undefined);
                }}
                title={t('settings.pattern.useExample', { pattern: ex.pattern })}
                className={cx(
                  'inline-flex items-center gap-2 rounded-md border border-slate-200 bg-slate-50 px-2 py-1 hover:border-blue-300 hover:bg-blue-50',
                  focusRing,
                )}
              >
                <code className="font-mono text-slate-800">{ex.pattern}</code>
                <span className="text-slate-500">{t(ex.label)}</span>
              </button>
            ))}
          </div>
        </div>

        <div className="rounded-md border border-slate-200 bg-slate-50/70 p-4">
          <label htmlFor={testId} className="mb-1.5 block text-sm font-medium text-slate-700">
            {t('settings.test.title')}
            <span className="ml-2 font-normal text-slate-500">{t('settings.test.label')}</span>
          </label>
          <textarea
            id={testId}
            rows={3}
            value={sample}
            onChange={(e) => setSample(e.target.value)}
            placeholder={t('settings.test.placeholder')}
            data-testid="settings-pattern-test"
            className={cx(inputBase, 'resize-y')}
          />
          <div className="mt-2.5 min-h-7 text-[13px]" data-testid="settings-pattern-matches" aria-live="polite">
            {!check.ok || empty ? (
              <span className="text-slate-400">{t('settings.test.needPattern')}</span>
            ) : !sample ? null : found.length === 0 ? (
              <span className="text-slate-500">{t('settings.test.none')}</span>
            ) : (
              <div className="flex flex-wrap items-center gap-2">
                <span className="text-slate-600">{t('settings.test.found', { count: found.length })}</span>
                {found.map((f) => (
                  <code key={f.value} className="rounded bg-blue-50 px-2 py-0.5 font-mono text-blue-800 ring-1 ring-blue-200" data-testid="settings-pattern-match">
                    {f.value}
                  </code>
                ))}
              </div>
            )}
          </div>
        </div>

        <div className="flex items-center justify-end gap-3 border-t border-slate-100 pt-4">
          {saved?.ok && !dirty && (
            <span className="flex items-center gap-1.5 text-[13px] text-emerald-700" role="status" data-testid="settings-saved">
              <Icon name="check" className="size-3.5" />
              {t('settings.saved')}
            </span>
          )}
          {saved && !saved.ok && (
            <span className="text-[13px] text-red-700" role="alert">
              {t('settings.saveFailed', { detail: saved.detail })}
            </span>
          )}
          {dirty && !saved && <span className="text-[13px] text-slate-500">{t('settings.unsaved')}</span>}
          <Button variant="primary" onClick={() => void save()} disabled={!dirty || !check.ok || saving} data-testid="settings-save">
            {saving ? t('settings.saving') : t('settings.save')}
          </Button>
        </div>
      </div>
    </Card>
  );
}
