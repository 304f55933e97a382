import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { nextVisit } from '@/lib/cadence';
import { useCadence } from '../cadence-context';
import { customerInteractions, deleteContact, getCustomerView, saveContact, saveCustomer, uniqueIdentifierOwners, type CustomerView } from '@/lib/db/customers';
import { daysBetween, toYmd } from '@/lib/dates';
import { isQuotaError } from '@/lib/db/db';
import { formatDate, formatWhen, formatYuan } from '@/lib/format';
import type { MessageKey } from '@/lib/i18n';
import { newId, type Contact, type Interaction } from '@/lib/model';
import { ContactRole, Attitude } from '@/lib/model/customer';
import {
  contactFromForm,
  customerFromForm,
  formFromContact,
  formFromCustomer,
  type ContactForm,
  type CustomerForm,
  type CustomerFormField,
  type FieldError,
} from '@/lib/model/customer-form';
import { orderAmount, orderStats } from '@/lib/orders/stats';
import { useLocale } from '../i18n';
import { Button, Card, Icon, Notice, cx, focusRing } from '../ui';
import { OrdersChart } from './OrdersChart';

type Loaded = { view: CustomerView; interactions: Interaction[] };

export function CustomerPage({ id, onSaved }: { id: string; onSaved: () => void }) {
  const { t } = useLocale();
  const [loaded, setLoaded] = useState<Loaded | null>();
  const [error, setError] = useState<string>();
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    Promise.all([getCustomerView(id, 0), customerInteractions(id)]).then(
      ([view, interactions]) => live && setLoaded(view ? { view, interactions } : null),
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [id, tick]);

  if (error) return <Notice tone="error" role="alert">{t('error.internal', { detail: error })}</Notice>;
  if (loaded === undefined) return <p className="text-sm text-slate-500">{t('dash.loading')}</p>;
  if (loaded === null)
    return (
      <div className="space-y-4">
        <BackLink />
        <Notice tone="warning" role="alert" testId="customer-missing">{t('cust.missing')}</Notice>
      </div>
    );
  return <CustomerDetail key={id} loaded={loaded} onChanged={() => (reload(), onSaved())} />;
}

function BackLink() {
  const { t } = useLocale();
  return (
    <a href="#customers" className={cx('inline-flex items-center gap-1 rounded-md text-sm text-slate-600 hover:text-slate-900', focusRing)} data-testid="customer-back">
      <Icon name="back" />
      {t('cust.back')}
    </a>
  );
}

function CustomerDetail({ loaded, onChanged }: { loaded: Loaded; onChanged: () => void }) {
  const { t, locale } = useLocale();
  const { view, interactions } = loaded;
  const c = view.customer;
  const today = toYmd(Date.now());
  const row = { ...c, lastVisitAt: interactions.find((i) => i.kind === 'visit')?.at };
  const visit = nextVisit(row, today, useCadence());
  const stats = useMemo(() => orderStats(interactions, Date.now()), [interactions]);

  return (
    <div data-testid="customer-page" data-customer-id={c.id}>
      <BackLink />
      <header className="mt-3 mb-6 flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-semibold tracking-tight text-slate-900" data-testid="customer-name">{c.name}</h1>
          <p className="mt-1.5 flex flex-wrap gap-2 text-sm text-slate-600">
            {c.class && <Badge>{t('book.filter.class.value', { class: c.class })}</Badge>}
            {c.segment && <Badge>{c.segment}</Badge>}
            {c.businessType && <Badge>{c.businessType}</Badge>}
          </p>
        </div>
        <div className="text-right text-sm">
          <p className="text-slate-500">{t('cust.nextVisit')}</p>
          <p className={cx('mt-0.5 font-semibold tabular-nums', visit.overdueDays > 0 ? 'text-red-700' : 'text-slate-900')} data-testid="customer-next-visit">
            {formatDate(visit.due, locale)}
            {visit.overdueDays > 0 && <span className="ml-2 text-xs">{t('book.overdueDays', { days: visit.overdueDays })}</span>}
          </p>
        </div>
      </header>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-5">
          <ProfileForm loaded={loaded} onSaved={onChanged} />
          <Contacts customerId={c.id} contacts={view.contacts} onChanged={onChanged} />
        </div>
        <div className="min-w-0 space-y-5">
          <Card title={t('cust.orders')}>
            <OrdersChart stats={stats} />
            <dl className="mt-4 grid grid-cols-2 gap-3 text-sm" data-testid="customer-order-stats">
              <div>
                <dt className="text-xs text-slate-500">{t('cust.orders.last')}</dt>
                <dd className="mt-0.5 font-medium tabular-nums text-slate-900" data-testid="last-order">
                  {stats.lastOrderAt ? `${formatDate(stats.lastOrderAt, locale)} · ${formatYuan(stats.lastOrderAmount ?? 0, locale)}` : '—'}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">{t('cust.orders.average')}</dt>
                <dd className="mt-0.5 font-medium tabular-nums text-slate-900" data-testid="average-order">
                  {stats.averageAmount !== undefined ? formatYuan(stats.averageAmount, locale) : '—'}
                </dd>
              </div>
            </dl>
          </Card>
          <Card title={t('cust.open')}>
            {view.openNeeds.length === 0 && view.openTasks.length === 0 ? (
              <p className="text-sm text-slate-500">{t('cust.open.none')}</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {view.openNeeds.map((n) => (
                  <li key={n.id} className="flex gap-2">
                    <span className="mt-0.5 shrink-0 rounded bg-amber-50 px-1.5 text-xs font-medium text-amber-800 ring-1 ring-amber-200">{t(n.kind === 'complaint' ? 'cust.open.complaint' : 'cust.open.need')}</span>
                    <span className="min-w-0 text-slate-800">{n.description}<DueNote due={n.due} today={today} /></span>
                  </li>
                ))}
                {view.openTasks.map((task) => (
                  <li key={task.id} className="flex gap-2">
                    <span className="mt-0.5 shrink-0 rounded bg-slate-100 px-1.5 text-xs font-medium text-slate-700 ring-1 ring-slate-200">{t('agenda.kind.task')}</span>
                    <span className="min-w-0 text-slate-800">{task.title}<DueNote due={task.due} today={today} /></span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Timeline interactions={interactions} />
        </div>
      </div>
    </div>
  );
}

/** A due date, in red with the days overdue once it has passed: what is still owed must stand out. */
function DueNote({ due, today }: { due?: string; today: string }) {
  const { t, locale } = useLocale();
  if (!due) return null;
  const overdue = daysBetween(due, today);
  return (
    <span className={cx('ml-1 text-xs', overdue > 0 ? 'font-medium text-red-700' : 'text-slate-500')} data-testid={overdue > 0 ? 'due-overdue' : undefined}>
      · {formatDate(due, locale)}
      {overdue > 0 && ` · ${t('book.overdueDays', { days: overdue })}`}
    </span>
  );
}

function Badge({ children }: { children: ReactNode }) {
  return <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-200">{children}</span>;
}

const ERROR_TEXT: Record<FieldError['code'], MessageKey> = {
  required: 'cust.error.required',
  badLicence: 'cust.error.badLicence',
  badUscc: 'cust.error.badUscc',
  badMobile: 'cust.error.badMobile',
  badEmail: 'cust.error.badEmail',
  badDate: 'cust.error.badDate',
  tooLong: 'cust.error.tooLong',
  duplicateKey: 'cust.error.duplicateKey',
};

const inputClass = (invalid?: boolean) =>
  cx(
    'h-9 w-full rounded-md border bg-white px-3 text-sm text-slate-900 shadow-xs placeholder:text-slate-400',
    focusRing,
    invalid ? 'border-red-400 bg-red-50/40' : 'border-slate-300',
  );

function Field({ label, error, hint, children }: { label: string; error?: FieldError; hint?: string; children: ReactNode }) {
  const { t } = useLocale();
  return (
    <label className="block min-w-0">
      <span className="mb-1 block text-xs font-medium text-slate-600">{label}</span>
      {children}
      {error ? (
        <span className="mt-1 block text-xs text-red-700" role="alert" data-testid="field-error">
          {t(ERROR_TEXT[error.code], { value: error.value ?? '' })}
        </span>
      ) : (
        hint && <span className="mt-1 block text-xs text-slate-400">{hint}</span>
      )}
    </label>
  );
}

const TEXT_FIELDS: { field: Exclude<keyof CustomerForm, 'importantDates' | 'custom' | 'note'>; label: MessageKey; hint?: MessageKey; wide?: boolean }[] = [
  { field: 'name', label: 'cust.field.name', wide: true },
  { field: 'aliases', label: 'cust.field.aliases', hint: 'cust.hint.list', wide: true },
  { field: 'customerCode', label: 'cust.field.customerCode' },
  { field: 'licenceNo', label: 'cust.field.licenceNo' },
  { field: 'uscc', label: 'cust.field.uscc' },
  { field: 'owner', label: 'cust.field.owner' },
  { field: 'mobiles', label: 'cust.field.mobiles', hint: 'cust.hint.list' },
  { field: 'phones', label: 'cust.field.phones', hint: 'cust.hint.list' },
  { field: 'emails', label: 'cust.field.emails', hint: 'cust.hint.list', wide: true },
  { field: 'class', label: 'cust.field.class' },
  { field: 'segment', label: 'cust.field.segment' },
  { field: 'businessType', label: 'cust.field.businessType' },
  { field: 'marketType', label: 'cust.field.marketType' },
  { field: 'address', label: 'cust.field.address', wide: true },
  { field: 'birthday', label: 'cust.field.birthday', hint: 'cust.hint.date' },
];

function ProfileForm({ loaded, onSaved }: { loaded: Loaded; onSaved: () => void }) {
  const { t } = useLocale();
  const c = loaded.view.customer;
  const initial = useMemo(() => formFromCustomer(c), [c]);
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<CustomerFormField, FieldError>>>({});
  const [status, setStatus] = useState<{ tone: 'success' | 'error' | 'warning'; text: string }>();
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);

  const set = <K extends keyof CustomerForm>(key: K, value: CustomerForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function save() {
    setStatus(undefined);
    const result = customerFromForm(form, c);
    if (result.errors) {
      setErrors(result.errors);
      setStatus({ tone: 'error', text: t('cust.save.invalid') });
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const owners = await uniqueIdentifierOwners({ ...c, ...result.customer });
      if (owners.length) {
        setStatus({ tone: 'error', text: t('cust.save.taken', { name: owners[0].name, value: owners[0].key.split(':')[1] }) });
        return;
      }
      await saveCustomer(result.customer);
      setStatus({ tone: 'success', text: t('cust.save.done') });
      onSaved();
    } catch (err) {
      setStatus({ tone: 'error', text: isQuotaError(err) ? t('error.quota') : t('error.internal', { detail: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card
      title={t('cust.profile')}
      actions={
        <>
          <Button variant="ghost" disabled={!dirty || saving} onClick={() => (setForm(initial), setErrors({}), setStatus(undefined))} data-testid="customer-reset">
            {t('cust.reset')}
          </Button>
          <Button variant="primary" disabled={!dirty || saving} onClick={() => void save()} data-testid="customer-save">
            {t('cust.save')}
          </Button>
        </>
      }
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        data-testid="customer-form"
      >
        <div className="grid grid-cols-2 gap-x-4 gap-y-3.5">
          {TEXT_FIELDS.map(({ field, label, hint, wide }) => (
            <div key={field} className={wide ? 'col-span-2' : undefined}>
              <Field label={t(label)} error={errors[field]} hint={hint && t(hint)}>
                <input
                  className={inputClass(!!errors[field])}
                  value={form[field]}
                  onChange={(e) => set(field, e.target.value)}
                  aria-invalid={!!errors[field]}
                  data-testid={`field-${field}`}
                />
              </Field>
            </div>
          ))}
          <div className="col-span-2">
            <Field label={t('cust.field.note')}>
              <textarea className={cx(inputClass(), 'h-20 py-2')} value={form.note} onChange={(e) => set('note', e.target.value)} data-testid="field-note" />
            </Field>
          </div>
        </div>
        <PairList
          title={t('cust.field.importantDates')}
          rows={form.importantDates.map((d) => [d.label, d.date])}
          placeholders={[t('cust.importantDate.label'), t('cust.hint.date')]}
          errors={form.importantDates.map((_, i) => errors[`importantDates.${i}`])}
          onChange={(rows) => set('importantDates', rows.map(([label, date]) => ({ label, date })))}
          testId="important-dates"
        />
        <PairList
          title={t('cust.field.custom')}
          rows={form.custom.map((d) => [d.key, d.value])}
          placeholders={[t('cust.custom.key'), t('cust.custom.value')]}
          errors={form.custom.map((_, i) => errors[`custom.${i}`])}
          onChange={(rows) => set('custom', rows.map(([key, value]) => ({ key, value })))}
          testId="custom-fields"
        />
        <button type="submit" hidden />
      </form>
      {status && (
        <div className="mt-4">
          <Notice tone={status.tone} role={status.tone === 'success' ? 'status' : 'alert'} testId="customer-save-result">
            {status.text}
          </Notice>
        </div>
      )}
    </Card>
  );
}

function PairList({
  title,
  rows,
  placeholders,
  errors,
  onChange,
  testId,
}: {
  title: string;
  rows: [string, string][];
  placeholders: [string, string];
  errors: (FieldError | undefined)[];
  onChange: (rows: [string, string][]) => void;
  testId: string;
}) {
  const { t } = useLocale();
  return (
    <fieldset data-testid={testId}>
      <legend className="mb-1.5 text-xs font-medium text-slate-600">{title}</legend>
      <div className="space-y-2">
        {rows.map(([a, b], i) => (
          <div key={i}>
            <div className="flex gap-2">
              <input className={inputClass(!!errors[i])} placeholder={placeholders[0]} value={a} onChange={(e) => onChange(rows.map((r, j) => (j === i ? [e.target.value, r[1]] : r)))} />
              <input className={inputClass(!!errors[i])} placeholder={placeholders[1]} value={b} onChange={(e) => onChange(rows.map((r, j) => (j === i ? [r[0], e.target.value] : r)))} />
              <Button variant="ghost" aria-label={t('cust.remove')} onClick={() => onChange(rows.filter((_, j) => j !== i))} icon="trash" />
            </div>
            {errors[i] && (
              <p className="mt-1 text-xs text-red-700" role="alert">
                {t(ERROR_TEXT[errors[i]!.code], { value: errors[i]!.value ?? '' })}
              </p>
            )}
          </div>
        ))}
        <Button variant="ghost" icon="plus" onClick={() => onChange([...rows, ['', '']])}>
          {t('cust.add')}
        </Button>
      </div>
    </fieldset>
  );
}

const ROLE_LABEL: Record<Contact['role'], MessageKey> = {
  decision_maker: 'role.decision_maker',
  influencer: 'role.influencer',
  user: 'role.user',
  blocker: 'role.blocker',
  other: 'role.other',
};
const ATTITUDE_LABEL: Record<NonNullable<Contact['attitude']>, MessageKey> = {
  resistant: 'attitude.resistant',
  neutral: 'attitude.neutral',
  positive: 'attitude.positive',
};

function Contacts({ customerId, contacts, onChanged }: { customerId: string; contacts: Contact[]; onChanged: () => void }) {
  const { t } = useLocale();
  const [editing, setEditing] = useState<string | 'new'>();
  return (
    <Card
      title={t('cust.contacts')}
      actions={
        <Button icon="plus" onClick={() => setEditing('new')} disabled={editing === 'new'} data-testid="contact-add">
          {t('cust.contacts.add')}
        </Button>
      }
    >
      {contacts.length === 0 && editing !== 'new' && <p className="text-sm text-slate-500">{t('cust.contacts.none')}</p>}
      <ul className="divide-y divide-slate-100" data-testid="contacts">
        {contacts.map((contact) =>
          editing === contact.id ? (
            <li key={contact.id} className="py-3">
              <ContactEditor customerId={customerId} contact={contact} onDone={(changed) => (setEditing(undefined), changed && onChanged())} />
            </li>
          ) : (
            <li key={contact.id} className="flex items-center gap-3 py-2.5 text-sm" data-testid="contact">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">
                  {contact.name}
                  {contact.title && <span className="ml-2 font-normal text-slate-500">{contact.title}</span>}
                </p>
                <p className="mt-0.5 text-xs text-slate-500">
                  {t(ROLE_LABEL[contact.role])}
                  {contact.attitude && ` · ${t(ATTITUDE_LABEL[contact.attitude])}`}
                  {[...contact.mobiles, ...contact.emails].length > 0 && ` · ${[...contact.mobiles, ...contact.emails].join('、')}`}
                </p>
              </div>
              <Button variant="ghost" onClick={() => setEditing(contact.id)} data-testid="contact-edit">
                {t('cust.edit')}
              </Button>
            </li>
          ),
        )}
      </ul>
      {editing === 'new' && <ContactEditor customerId={customerId} onDone={(changed) => (setEditing(undefined), changed && onChanged())} />}
    </Card>
  );
}

function ContactEditor({ customerId, contact, onDone }: { customerId: string; contact?: Contact; onDone: (changed: boolean) => void }) {
  const { t } = useLocale();
  const [form, setForm] = useState<ContactForm>(() => formFromContact(contact));
  const [errors, setErrors] = useState<Partial<Record<keyof ContactForm, FieldError>>>({});
  const [failure, setFailure] = useState<string>();
  const set = <K extends keyof ContactForm>(key: K, value: ContactForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function save() {
    const result = contactFromForm(form, { id: contact?.id ?? newId(), customerId, createdAt: contact?.createdAt ?? Date.now() });
    if (result.errors) return setErrors(result.errors);
    try {
      await saveContact(result.contact);
      onDone(true);
    } catch (err) {
      setFailure(t('error.internal', { detail: err instanceof Error ? err.message : String(err) }));
    }
  }
  async function remove() {
    if (!contact || !confirm(t('cust.contacts.confirmDelete', { name: contact.name }))) return;
    await deleteContact(contact.id);
    onDone(true);
  }

  const select = cx('h-9 w-full rounded-md border border-slate-300 bg-white px-2.5 text-sm shadow-xs', focusRing);
  return (
    <div className="rounded-md border border-blue-200 bg-blue-50/40 p-3.5" data-testid="contact-editor">
      <div className="grid grid-cols-2 gap-x-3 gap-y-3">
        <Field label={t('contact.field.name')} error={errors.name}>
          <input className={inputClass(!!errors.name)} value={form.name} onChange={(e) => set('name', e.target.value)} data-testid="contact-name" autoFocus />
        </Field>
        <Field label={t('contact.field.title')}>
          <input className={inputClass()} value={form.title} onChange={(e) => set('title', e.target.value)} />
        </Field>
        <Field label={t('contact.field.role')}>
          <select className={select} value={form.role} onChange={(e) => set('role', e.target.value as Contact['role'])} data-testid="contact-role">
            {ContactRole.options.map((r) => (
              <option key={r} value={r}>{t(ROLE_LABEL[r])}</option>
            ))}
          </select>
        </Field>
        <Field label={t('contact.field.attitude')}>
          <select className={select} value={form.attitude} onChange={(e) => set('attitude', e.target.value as ContactForm['attitude'])} data-testid="contact-attitude">
            <option value="">{t('contact.attitude.unknown')}</option>
            {Attitude.options.map((a) => (
              <option key={a} value={a}>{t(ATTITUDE_LABEL[a])}</option>
            ))}
          </select>
        </Field>
        <Field label={t('cust.field.mobiles')} error={errors.mobiles}>
          <input className={inputClass(!!errors.mobiles)} value={form.mobiles} onChange={(e) => set('mobiles', e.target.value)} data-testid="contact-mobiles" />
        </Field>
        <Field label={t('cust.field.emails')} error={errors.emails}>
          <input className={inputClass(!!errors.emails)} value={form.emails} onChange={(e) => set('emails', e.target.value)} />
        </Field>
      </div>
      {failure && <div className="mt-3"><Notice tone="error" role="alert">{failure}</Notice></div>}
      <div className="mt-3 flex justify-between">
        {contact ? (
          <Button variant="ghost" icon="trash" onClick={() => void remove()} data-testid="contact-delete">{t('cust.remove')}</Button>
        ) : <span />}
        <div className="flex gap-2">
          <Button variant="ghost" onClick={() => onDone(false)}>{t('cust.cancel')}</Button>
          <Button variant="primary" onClick={() => void save()} data-testid="contact-save">{t('cust.save')}</Button>
        </div>
      </div>
    </div>
  );
}

const KIND_LABEL: Record<Interaction['kind'], MessageKey> = {
  visit: 'cust.kind.visit',
  call: 'cust.kind.call',
  email: 'cust.kind.email',
  order: 'cust.kind.order',
  note: 'cust.kind.note',
};
const PAGE = 30;

function Timeline({ interactions }: { interactions: Interaction[] }) {
  const { t, locale } = useLocale();
  const [shown, setShown] = useState(PAGE);
  return (
    <Card title={t('cust.timeline')} actions={<span className="text-xs text-slate-500 tabular-nums">{interactions.length}</span>}>
      {interactions.length === 0 ? (
        <p className="text-sm text-slate-500">{t('cust.timeline.none')}</p>
      ) : (
        <ol className="space-y-3" data-testid="customer-timeline">
          {interactions.slice(0, shown).map((i) => (
            <li key={i.id} className="text-sm" data-testid="timeline-entry" data-kind={i.kind}>
              <p className="flex items-center justify-between gap-2 text-xs text-slate-500">
                <span className="font-medium text-slate-700">{t(KIND_LABEL[i.kind])}{i.channel && ` · ${i.channel}`}</span>
                <span className="tabular-nums">{formatWhen(i.at, locale)}</span>
              </p>
              {i.kind === 'order' && i.lines ? (
                <p className="mt-0.5 text-slate-800">
                  {i.lines.map((l) => `${l.product} ×${l.quantity}`).join('，')}
                  <span className="ml-1 text-slate-500 tabular-nums">· {formatYuan(orderAmount(i), locale)}</span>
                </p>
              ) : (
                i.summary && <p className="mt-0.5 whitespace-pre-wrap text-slate-800">{i.summary}</p>
              )}
            </li>
          ))}
        </ol>
      )}
      {shown < interactions.length && (
        <Button variant="ghost" className="mt-3" onClick={() => setShown((n) => n + PAGE)}>
          {t('cust.timeline.more', { count: interactions.length - shown })}
        </Button>
      )}
    </Card>
  );
}
