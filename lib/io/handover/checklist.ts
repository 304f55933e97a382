/**
 * The handover checklist (交接清单, domain.md §9, seed 004 附件三): what the successor receives, customer
 * by customer — open needs and complaints (not yet told back to the customer), open tasks, and every date
 * that falls due within a month or is already overdue — plus totals both sides check and sign.
 *
 * Date rules (all calendar arithmetic on whole days, no time zones):
 * - A task or need due date `YYYY-MM-DD` is listed when it is on or before today + horizon; before today
 *   it is overdue (listed however old, marked). Only open tasks and open needs are looked at.
 * - Birthdays and important dates recur yearly: the next occurrence on or after today is listed when it
 *   is within the horizon (today and today + horizon included, one day more excluded). A date with a year
 *   that is still ahead (a limitation period ending 2027-03-01) counts from that date itself, not from its
 *   anniversary this year. `--MM-DD` (year unknown) works the same way.
 * - 29 February falls on 28 February in other years (as lib/dates `nextYearly` does); a day beyond the
 *   end of its month (2025-02-30) is read as the month's last day.
 * - A yearless due date (`--MM-DD`) on a task or need is read as its next occurrence, so never overdue.
 *
 * Customers are sorted by name with the Chinese collation (pinyin order).
 */
import { common } from '../../i18n/common';
import { translator, type Locale } from '../../i18n';
import { isNeedOpen, type Backup, type NeedStatus } from '../../model';

export type DueKind = 'task' | 'need' | 'complaint' | 'birthday' | 'importantDate';

export interface DueItem {
  kind: DueKind;
  /** The day it falls due: `YYYY-MM-DD`. */
  date: string;
  /** Days from today: negative when overdue, 0 today. */
  days: number;
  overdue: boolean;
  /** Task title, need description, important date label; empty for a birthday. */
  label: string;
  /** Age or anniversary on that date, when the original date has a year. */
  years?: number;
  /** Id of the task or need. */
  refId?: string;
}

export interface OpenNeed {
  id: string;
  kind: 'need' | 'complaint';
  description: string;
  status: NeedStatus;
  raisedAt: number;
  due?: string;
  days?: number;
  overdue: boolean;
}

export interface OpenTask {
  id: string;
  title: string;
  due?: string;
  days?: number;
  overdue: boolean;
}

export interface ChecklistCustomer {
  id: string;
  name: string;
  customerCode?: string;
  licenceNo?: string;
  class?: string;
  segment?: string;
  contacts: number;
  interactions: number;
  openNeeds: OpenNeed[];
  openTasks: OpenTask[];
  /** Everything within the horizon or overdue, by date. */
  dueSoon: DueItem[];
}

export interface ChecklistTotals {
  customers: number;
  contacts: number;
  interactions: number;
  needs: number;
  openNeeds: number;
  openComplaints: number;
  tasks: number;
  openTasks: number;
  /** Due items from today to today + horizon. */
  dueSoon: number;
  /** Due items before today (open tasks and needs only). */
  overdue: number;
}

export interface Checklist {
  today: string;
  horizonDays: number;
  customers: ChecklistCustomer[];
  totals: ChecklistTotals;
}

// ---- whole-day calendar arithmetic -------------------------------------------------------------------

const DAY_MS = 86_400_000;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
/** Day number (days since 1970-01-01) of a date, the day clamped to the month's length. */
const dayNumber = (y: number, m: number, d: number) => Math.round(Date.UTC(y, m - 1, Math.min(d, monthLength(y, m))) / DAY_MS);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
function ymdOf(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

interface CalendarParts {
  year?: number;
  month: number;
  day: number;
}
function parseCalendarDate(value: string): CalendarParts | undefined {
  const m = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { year: m[1] === '-' ? undefined : Number(m[1]), month, day };
}

/** Next yearly occurrence on or after `today` (a date with a year still ahead counts from itself). */
function nextOccurrence(value: string, today: number): { day: number; years?: number } | undefined {
  const p = parseCalendarDate(value);
  if (!p) return undefined;
  if (p.year !== undefined) {
    const own = dayNumber(p.year, p.month, p.day);
    if (own >= today) return { day: own };
  }
  const thisYear = new Date(today * DAY_MS).getUTCFullYear();
  for (const year of [thisYear, thisYear + 1]) {
    const day = dayNumber(year, p.month, p.day);
    if (day >= today) return { day, years: p.year !== undefined ? year - p.year : undefined };
  }
  return undefined;
}

/** A due date of a task or need: the date itself (may be past), or the next occurrence of a yearless one. */
function dueDay(value: string, today: number): number | undefined {
  const p = parseCalendarDate(value);
  if (!p) return undefined;
  return p.year !== undefined ? dayNumber(p.year, p.month, p.day) : nextOccurrence(value, today)?.day;
}

// ---- building the checklist ----------------------------------------------------------------------------

export function buildChecklist(backup: Backup, today: string, horizonDays = 30): Checklist {
  const t = parseCalendarDate(today);
  if (!t || t.year === undefined) throw new RangeError(`today must be YYYY-MM-DD, got ${today}`);
  const todayNo = dayNumber(t.year, t.month, t.day);
  const within = (day: number) => day - todayNo <= horizonDays;

  const byCustomer = <T extends { customerId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) {
      const list = map.get(r.customerId);
      if (list) list.push(r);
      else map.set(r.customerId, [r]);
    }
    return map;
  };
  const contacts = byCustomer(backup.contacts);
  const interactions = byCustomer(backup.interactions);
  const needs = byCustomer(backup.needs);
  const tasks = byCustomer(backup.tasks);

  const collator = new Intl.Collator('zh-CN');
  const customers = [...backup.customers].sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));

  const totals: ChecklistTotals = {
    customers: customers.length,
    contacts: 0,
    interactions: 0,
    needs: 0,
    openNeeds: 0,
    openComplaints: 0,
    tasks: 0,
    openTasks: 0,
    dueSoon: 0,
    overdue: 0,
  };

  const entries = customers.map((c): ChecklistCustomer => {
    const dueSoon: DueItem[] = [];
    const addDue = (item: Omit<DueItem, 'date' | 'days' | 'overdue'>, day: number) => {
      const days = day - todayNo;
      dueSoon.push({ ...item, date: ymdOf(day), days, overdue: days < 0 });
    };

    const openNeeds: OpenNeed[] = [];
    for (const n of needs.get(c.id) ?? []) {
      if (!isNeedOpen(n)) continue;
      const day = n.due ? dueDay(n.due, todayNo) : undefined;
      const days = day === undefined ? undefined : day - todayNo;
      openNeeds.push({
        id: n.id,
        kind: n.kind,
        description: n.description,
        status: n.status,
        raisedAt: n.raisedAt,
        due: day === undefined ? undefined : ymdOf(day),
        days,
        overdue: days !== undefined && days < 0,
      });
      if (day !== undefined && within(day)) addDue({ kind: n.kind, label: n.description, refId: n.id }, day);
    }
    openNeeds.sort((a, b) => (a.days ?? Infinity) - (b.days ?? Infinity) || a.raisedAt - b.raisedAt);

    const openTasks: OpenTask[] = [];
    for (const task of tasks.get(c.id) ?? []) {
      if (task.status !== 'open') continue;
      const day = task.due ? dueDay(task.due, todayNo) : undefined;
      const days = day === undefined ? undefined : day - todayNo;
      openTasks.push({ id: task.id, title: task.title, due: day === undefined ? undefined : ymdOf(day), days, overdue: days !== undefined && days < 0 });
      if (day !== undefined && within(day)) addDue({ kind: 'task', label: task.title, refId: task.id }, day);
    }
    openTasks.sort((a, b) => (a.days ?? Infinity) - (b.days ?? Infinity) || collator.compare(a.title, b.title));

    if (c.birthday) {
      const next = nextOccurrence(c.birthday, todayNo);
      if (next && within(next.day)) addDue({ kind: 'birthday', label: '', years: next.years || undefined }, next.day);
    }
    for (const d of c.importantDates) {
      const next = nextOccurrence(d.date, todayNo);
      if (next && within(next.day)) addDue({ kind: 'importantDate', label: d.label, years: next.years || undefined }, next.day);
    }
    const kindOrder: DueKind[] = ['complaint', 'need', 'task', 'importantDate', 'birthday'];
    dueSoon.sort((a, b) => a.days - b.days || kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind));

    const entry: ChecklistCustomer = {
      id: c.id,
      name: c.name,
      customerCode: c.customerCode,
      licenceNo: c.licenceNo,
      class: c.class,
      segment: c.segment,
      contacts: contacts.get(c.id)?.length ?? 0,
      interactions: interactions.get(c.id)?.length ?? 0,
      openNeeds,
      openTasks,
      dueSoon,
    };
    totals.contacts += entry.contacts;
    totals.interactions += entry.interactions;
    totals.needs += needs.get(c.id)?.length ?? 0;
    totals.openNeeds += openNeeds.length;
    totals.openComplaints += openNeeds.filter((n) => n.kind === 'complaint').length;
    totals.tasks += tasks.get(c.id)?.length ?? 0;
    totals.openTasks += openTasks.length;
    totals.overdue += dueSoon.filter((d) => d.overdue).length;
    totals.dueSoon += dueSoon.filter((d) => !d.overdue).length;
    return entry;
  });

  return { today: ymdOf(todayNo), horizonDays, customers: entries, totals };
}

// ---- printable HTML ------------------------------------------------------------------------------------

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}


/** A customer section with more lines than this starts on a new page when printed. */
const LONG_SECTION_LINES = 15;

const STYLE = `
@page { size: A4; margin: 15mm 12mm 15mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; padding: 12mm; max-width: 210mm; color: #111; background: #fff;
  font: 10.5pt/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; }
h1 { font-size: 18pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1.5px solid #111; padding-bottom: 1mm; }
h3 { font-size: 11.5pt; margin: 0 0 1.5mm; }
h4 { font-size: 10.5pt; margin: 2mm 0 1mm; color: #333; }
dl.meta { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 1mm 4mm; margin: 0 0 3mm; }
dl.meta dt { color: #555; } dl.meta dd { margin: 0; }
p.note { color: #444; margin: 1mm 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #f0f0f0; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th.num { white-space: nowrap; }
td.check { width: 12mm; text-align: center; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.totals { width: auto; } table.totals td.num { min-width: 18mm; }
section.customer { break-inside: avoid; page-break-inside: avoid; margin: 0 0 5mm; padding-top: 2mm; border-top: 1px solid #ccc; }
section.customer.long { break-before: page; page-break-before: always; break-inside: auto; page-break-inside: auto; }
section.customer .ids { color: #555; font-weight: normal; font-size: 9.5pt; margin-left: 2mm; }
ul { margin: 0; padding-left: 5mm; } li { margin: 0.5mm 0; }
.overdue { color: #b00020; font-weight: 700; }
.due-today { font-weight: 700; }
.muted { color: #666; }
.tag { display: inline-block; border: 1px solid #888; border-radius: 1mm; padding: 0 1mm; font-size: 9pt; margin-right: 1mm; }
.signatures { break-inside: avoid; page-break-inside: avoid; margin-top: 10mm; }
.signatures p { margin: 0 0 4mm; }
.signatures table td { border: none; padding: 5mm 2mm 0 0; white-space: nowrap; }
.signatures .line { display: inline-block; min-width: 45mm; border-bottom: 1px solid #111; }
.signatures .line.short { min-width: 30mm; }
@media print { body { padding: 0; max-width: none; } }
`;

export interface ChecklistMeta {
  /** Who hands over (移交人) and who receives (接收人); blank lines when missing. */
  from?: string;
  to?: string;
  createdAt: number;
}

/**
 * A complete, self-contained printable HTML document (A4, inline CSS, no script, no external resource;
 * a CSP meta tag forbids both, as a second line of defence). Every text taken from the data is escaped.
 */
export function renderChecklistHtml(checklist: Checklist, locale: Locale, meta: ChecklistMeta): string {
  const t = translator(locale);
  const e = escapeHtml;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
  const localDate = (ms: number) => {
    const d = new Date(ms);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  };
  const when = (days: number) =>
    days < 0
      ? `<span class="overdue">${e(t('handover.checklist.overdueDays', { days: -days }))}</span>`
      : days === 0
        ? `<span class="due-today">${e(t('handover.checklist.dueToday'))}</span>`
        : `<span class="muted">${e(t('handover.checklist.inDays', { days }))}</span>`;
  const paren = (inner: string) => (locale === 'en' ? ` (${inner})` : `（${inner}）`);
  const colon = locale === 'en' ? ': ' : '：';
  const dueText = (due: string | undefined, days: number | undefined) =>
    due === undefined || days === undefined
      ? `<span class="muted">${e(t('handover.checklist.noDue'))}</span>`
      : `${e(t('handover.checklist.dueOn', { date: due }))}${paren(when(days))}`;
  const sep = ' · ';
  const ids = (c: ChecklistCustomer) => [c.customerCode, c.licenceNo].filter(Boolean).map((v) => e(v!)).join(' / ');
  const classText = (c: ChecklistCustomer) => [c.class, c.segment].filter(Boolean).map((v) => e(v!)).join(' / ');
  const { totals } = checklist;

  const metaRows: [string, string][] = [
    [t('handover.checklist.from'), meta.from ?? ''],
    [t('handover.checklist.to'), meta.to ?? ''],
    [t('handover.checklist.createdAt'), dateTime.format(meta.createdAt)],
    [t('handover.checklist.asOf'), checklist.today],
  ];

  const totalRows: [string, number, boolean?][] = [
    [t('handover.checklist.total.customers'), totals.customers],
    [t('handover.checklist.total.contacts'), totals.contacts],
    [t('handover.checklist.total.interactions'), totals.interactions],
    [t('handover.checklist.total.openNeeds'), totals.openNeeds],
    [t('handover.checklist.total.openComplaints'), totals.openComplaints],
    [t('handover.checklist.total.openTasks'), totals.openTasks],
    [t('handover.checklist.total.dueSoon', { days: checklist.horizonDays }), totals.dueSoon],
    [t('handover.checklist.total.overdue'), totals.overdue, totals.overdue > 0],
  ];

  const inventory = checklist.customers.length
    ? `<table class="inventory">
<thead><tr><th class="num">${e(t('handover.checklist.col.no'))}</th><th>${e(t('handover.checklist.col.name'))}</th><th>${e(t('handover.checklist.col.code'))}</th><th>${e(t('handover.checklist.col.class'))}</th><th class="num">${e(t('handover.checklist.col.contacts'))}</th><th class="num">${e(t('handover.checklist.col.interactions'))}</th><th class="num">${e(t('handover.checklist.col.openNeeds'))}</th><th class="num">${e(t('handover.checklist.col.openTasks'))}</th><th class="num">${e(t('handover.checklist.col.dueSoon'))}</th><th>${e(t('handover.checklist.col.checked'))}</th></tr></thead>
<tbody>
${checklist.customers
  .map((c, i) => {
    const overdue = c.dueSoon.some((d) => d.overdue);
    return `<tr><td class="num">${i + 1}</td><td>${e(c.name)}</td><td>${ids(c)}</td><td>${classText(c)}</td><td class="num">${c.contacts}</td><td class="num">${c.interactions}</td><td class="num">${c.openNeeds.length}</td><td class="num">${c.openTasks.length}</td><td class="num${overdue ? ' overdue' : ''}">${c.dueSoon.length}</td><td class="check">☐</td></tr>`;
  })
  .join('\n')}
</tbody>
</table>`
    : `<p class="note">${e(t('handover.checklist.noCustomers'))}</p>`;

  const withItems = checklist.customers.filter((c) => c.openNeeds.length || c.openTasks.length || c.dueSoon.length);
  const dueLabel = (d: DueItem) => {
    const kind =
      d.kind === 'task'
        ? t('handover.checklist.kind.task')
        : d.kind === 'birthday'
          ? t('handover.checklist.kind.birthday')
          : d.kind === 'importantDate'
            ? t('handover.checklist.kind.importantDate')
            : common[`need.${d.kind}`][locale];
    const years =
      d.years === undefined
        ? ''
        : ` ${e(d.kind === 'birthday' ? t('handover.checklist.age', { years: d.years }) : t('handover.checklist.anniversary', { years: d.years }))}`;
    return `<span class="tag">${e(kind)}</span>${e(d.label)}${years}`;
  };
  const sections = withItems
    .map((c) => {
      const lines = c.openNeeds.length + c.openTasks.length + c.dueSoon.length;
      const parts: string[] = [];
      if (c.openNeeds.length) {
        parts.push(
          `<h4>${e(t('handover.checklist.openNeeds'))}</h4><ul>${c.openNeeds
            .map(
              (n) =>
                `<li><span class="tag">${e(common[`need.${n.kind}`][locale])}</span>${e(n.description)}${sep}${e(common[`needStatus.${n.status}`][locale])}${sep}${dueText(n.due, n.days)}${sep}<span class="muted">${e(t('handover.checklist.raisedOn', { date: localDate(n.raisedAt) }))}</span></li>`,
            )
            .join('')}</ul>`,
        );
      }
      if (c.openTasks.length) {
        parts.push(
          `<h4>${e(t('handover.checklist.openTasks'))}</h4><ul>${c.openTasks
            .map((task) => `<li>${e(task.title)}${sep}${dueText(task.due, task.days)}</li>`)
            .join('')}</ul>`,
        );
      }
      if (c.dueSoon.length) {
        parts.push(
          `<h4>${e(t('handover.checklist.dueSoon', { days: checklist.horizonDays }))}</h4><ul>${c.dueSoon
            .map((d) => `<li>${e(d.date)}${paren(when(d.days))} ${dueLabel(d)}</li>`)
            .join('')}</ul>`,
        );
      }
      const idText = ids(c);
      return `<section class="customer${lines > LONG_SECTION_LINES ? ' long' : ''}"><h3>${e(c.name)}${idText ? `<span class="ids">${idText}</span>` : ''}</h3>${parts.join('\n')}</section>`;
    })
    .join('\n');

  const signatureRow = (role: string, name: string | undefined) =>
    `<tr><td>${e(role)}${colon}</td><td><span class="line">${e(name ?? '')}</span></td><td>${e(t('handover.checklist.signature'))}${colon}</td><td><span class="line"></span></td><td>${e(t('handover.checklist.date'))}${colon}</td><td><span class="line short"></span></td></tr>`;

  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t('handover.checklist.title'))} ${e(checklist.today)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${e(t('handover.checklist.title'))}</h1>
<dl class="meta">${metaRows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v) || '&nbsp;'}</dd>`).join('')}</dl>
<p class="note">${e(t('handover.checklist.horizon', { days: checklist.horizonDays }))}</p>
<h2>${e(t('handover.checklist.totals'))}</h2>
<table class="totals"><tbody>${totalRows.map(([k, v, warn]) => `<tr><th>${e(k)}</th><td class="num${warn ? ' overdue' : ''}">${v}</td></tr>`).join('')}</tbody></table>
<h2>${e(t('handover.checklist.inventory'))}</h2>
${inventory}
<h2>${e(t('handover.checklist.details'))}</h2>
${sections || `<p class="note">${e(t(checklist.customers.length ? 'handover.checklist.noOpenItems' : 'handover.checklist.noCustomers'))}</p>`}
<div class="signatures">
<p>${e(t('handover.checklist.declaration'))}</p>
<table><tbody>
${signatureRow(t('handover.checklist.from'), meta.from)}
${signatureRow(t('handover.checklist.to'), meta.to)}
${signatureRow(t('handover.checklist.supervisor'), undefined)}
</tbody></table>
</div>
</body>
</html>
`;
}
