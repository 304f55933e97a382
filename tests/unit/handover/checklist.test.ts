import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { buildChecklist, escapeHtml, renderChecklistHtml, type Checklist } from '../../../lib/io/handover/checklist';
import { handoverMessages } from '../../../lib/i18n/handover';
import { backupOf, contact, customer, interaction, need, task, threeCustomers } from './fixtures';

/** One customer with the given birthday / important dates / tasks / needs, checked on `today`. */
function one(today: string, parts: { birthday?: string; importantDates?: { label: string; date: string }[]; tasks?: object[]; needs?: object[] }) {
  const c = customer({ name: '测试客户', birthday: parts.birthday, importantDates: parts.importantDates ?? [] });
  const backup = backupOf({
    customers: [c],
    tasks: (parts.tasks ?? []).map((t) => task(c.id, t)),
    needs: (parts.needs ?? []).map((n) => need(c.id, n)),
  });
  return buildChecklist(backup, today).customers[0];
}
const due = (entry: ReturnType<typeof one>) => entry.dueSoon.map((d) => [d.kind, d.date, d.days, d.overdue]);

describe('buildChecklist: what falls due', () => {
  it('task due in 30 days is listed, in 31 days is not; overdue is listed and marked; done tasks are ignored', () => {
    const entry = one('2026-03-10', {
      tasks: [
        { title: '30 天', due: '2026-04-09' },
        { title: '31 天', due: '2026-04-10' },
        { title: '今天', due: '2026-03-10' },
        { title: '逾期', due: '2026-03-05' },
        { title: '很久以前逾期', due: '2025-01-01' },
        { title: '已完成且逾期', due: '2026-03-01', status: 'done', doneAt: 1 },
        { title: '无到期日' },
      ],
    });
    expect(entry.dueSoon.map((d) => [d.label, d.days, d.overdue])).toEqual([
      ['很久以前逾期', -433, true],
      ['逾期', -5, true],
      ['今天', 0, false],
      ['30 天', 30, false],
    ]);
    expect(entry.openTasks.map((t) => [t.title, t.due ?? null, t.overdue])).toEqual([
      ['很久以前逾期', '2025-01-01', true],
      ['逾期', '2026-03-05', true],
      ['今天', '2026-03-10', false],
      ['30 天', '2026-04-09', false],
      ['31 天', '2026-04-10', false],
      ['无到期日', null, false],
    ]);
  });

  it('open needs (anything not yet told back, resolved included) with status and due; informed ones are closed', () => {
    const entry = one('2026-03-10', {
      needs: [
        { description: '已告知', status: 'informed', due: '2026-03-12', informedAt: 1 },
        { description: '已解决未告知', status: 'resolved', due: '2026-03-01' },
        { description: '投诉', kind: 'complaint', status: 'in_progress', due: '2026-03-20' },
        { description: '无期限', status: 'raised' },
        { description: '远期', due: '2026-06-01' },
      ],
    });
    expect(entry.openNeeds.map((n) => [n.description, n.kind, n.status, n.due ?? null, n.overdue])).toEqual([
      ['已解决未告知', 'need', 'resolved', '2026-03-01', true],
      ['投诉', 'complaint', 'in_progress', '2026-03-20', false],
      ['远期', 'need', 'raised', '2026-06-01', false],
      ['无期限', 'need', 'raised', null, false],
    ]);
    expect(due(entry)).toEqual([
      ['need', '2026-03-01', -9, true],
      ['complaint', '2026-03-20', 10, false],
    ]);
  });

  it('birthdays: yearless --MM-DD, with age when the year is known; today and day 30 in, day 31 out', () => {
    expect(due(one('2026-03-10', { birthday: '--03-10' }))).toEqual([['birthday', '2026-03-10', 0, false]]);
    expect(due(one('2026-03-10', { birthday: '--04-09' }))).toEqual([['birthday', '2026-04-09', 30, false]]);
    expect(due(one('2026-03-10', { birthday: '--04-10' }))).toEqual([]);
    expect(due(one('2026-03-10', { birthday: '--03-09' }))).toEqual([]); // yesterday: next is a year away
    const withYear = one('2026-03-10', { birthday: '1980-03-25' });
    expect(withYear.dueSoon).toEqual([{ kind: 'birthday', date: '2026-03-25', days: 15, overdue: false, label: '', years: 46 }]);
  });

  it('year wrap: on 20 December a birthday on 5 January is 16 days away', () => {
    expect(due(one('2025-12-20', { birthday: '--01-05' }))).toEqual([['birthday', '2026-01-05', 16, false]]);
    const entry = one('2025-12-20', { importantDates: [{ label: '开业纪念日', date: '2010-01-15' }, { label: '签约日', date: '--12-19' }] });
    expect(entry.dueSoon.map((d) => [d.label, d.date, d.days, d.years ?? null])).toEqual([['开业纪念日', '2026-01-15', 26, 16]]);
  });

  it('29 February falls on 28 February in a non-leap year, and on the 29th in a leap year', () => {
    expect(due(one('2027-02-20', { birthday: '2000-02-29' }))).toEqual([['birthday', '2027-02-28', 8, false]]);
    expect(one('2027-02-20', { birthday: '2000-02-29' }).dueSoon[0].years).toBe(27);
    expect(due(one('2027-02-20', { birthday: '--02-29' }))).toEqual([['birthday', '2027-02-28', 8, false]]);
    expect(due(one('2028-02-20', { birthday: '--02-29' }))).toEqual([['birthday', '2028-02-29', 9, false]]);
    // On 1 March of a non-leap year the 28 February date has passed: next is 29 February of the leap year.
    expect(due(one('2027-03-01', { birthday: '--02-29' }))).toEqual([]);
    expect(due(one('2028-02-01', { birthday: '--02-29' }))).toEqual([['birthday', '2028-02-29', 28, false]]);
  });

  it('an important date with a year still ahead counts from itself (a limitation period), not from its anniversary', () => {
    const entry = one('2026-02-15', {
      importantDates: [
        { label: '诉讼时效到期', date: '2027-03-01' },
        { label: '保证期间届满', date: '2026-03-01' },
      ],
    });
    expect(entry.dueSoon.map((d) => [d.label, d.date, d.days, d.years ?? null])).toEqual([['保证期间届满', '2026-03-01', 14, null]]);
  });

  it('a yearless task due date is its next occurrence, so never overdue', () => {
    expect(due(one('2026-03-10', { tasks: [{ title: '年检', due: '--03-15' }] }))).toEqual([['task', '2026-03-15', 5, false]]);
  });

  it('the horizon is a parameter', () => {
    const c = customer({ name: 'x', birthday: '--03-20' });
    const backup = backupOf({ customers: [c] });
    expect(buildChecklist(backup, '2026-03-10', 9).customers[0].dueSoon).toEqual([]);
    expect(buildChecklist(backup, '2026-03-10', 10).customers[0].dueSoon).toHaveLength(1);
  });

  it('refuses a malformed today', () => {
    expect(() => buildChecklist(threeCustomers(), '--03-10')).toThrow(RangeError);
    expect(() => buildChecklist(threeCustomers(), '2026/03/10')).toThrow(RangeError);
  });
});

describe('buildChecklist: customers and totals', () => {
  it('every customer, sorted by name in Chinese (pinyin) order, with counts and totals', () => {
    const names = ['张三烟酒店', '李四超市', '王五便利店', '阿里小卖部', 'Zeta Bank'];
    const customers = names.map((name) => customer({ name }));
    const [zhang, li] = customers;
    const backup = backupOf({
      customers,
      contacts: [contact(zhang.id), contact(zhang.id), contact(li.id)],
      interactions: [interaction(zhang.id), interaction(li.id), interaction(li.id)],
      needs: [need(zhang.id, { kind: 'complaint', due: '2026-03-01' }), need(li.id, { status: 'informed' }), need(li.id, { due: '2026-03-12' })],
      tasks: [task(zhang.id, { due: '2026-03-11' }), task(li.id, { status: 'done' })],
    });
    const list = buildChecklist(backup, '2026-03-10');
    // ICU's Chinese collation: Han by pinyin (a, li, wang, zhang), then Latin. Code-point order would differ.
    expect(list.customers.map((c) => c.name)).toEqual(['阿里小卖部', '李四超市', '王五便利店', '张三烟酒店', 'Zeta Bank']);
    const byName = Object.fromEntries(list.customers.map((c) => [c.name, c]));
    expect([byName['张三烟酒店'].contacts, byName['张三烟酒店'].interactions, byName['李四超市'].contacts, byName['李四超市'].interactions]).toEqual([2, 1, 1, 2]);
    expect(list.totals).toEqual({
      customers: 5,
      contacts: 3,
      interactions: 3,
      needs: 3,
      openNeeds: 2,
      openComplaints: 1,
      tasks: 2,
      openTasks: 1,
      dueSoon: 2,
      overdue: 1,
    });
    expect(list.today).toBe('2026-03-10');
    expect(list.horizonDays).toBe(30);
  });
});

describe('renderChecklistHtml', () => {
  const EVIL = '<img src=x onerror=alert(1)>';
  function evilChecklist(): Checklist {
    const c = customer({ name: EVIL, customerCode: '"><script>alert(2)</script>', class: "'28'", birthday: '--03-12', importantDates: [{ label: '<b>bold</b>', date: '--03-15' }] });
    const ok = customer({ name: '张三烟酒店', licenceNo: '440305123456' });
    const backup = backupOf({
      customers: [c, ok],
      needs: [need(c.id, { description: '<iframe src="javascript:alert(3)">', due: '2026-03-01' })],
      tasks: [task(c.id, { title: '</li><script>alert(4)</script>', due: '2026-03-11' })],
    });
    return buildChecklist(backup, '2026-03-10');
  }
  const parse = (html: string) => {
    const window = new Window();
    window.document.write(html);
    return window.document;
  };

  it('every dynamic text is escaped: a customer named <img …> renders as text, no element is injected', () => {
    const html = renderChecklistHtml(evilChecklist(), 'zh-CN', { from: '<script>alert(5)</script>', to: 'Tom & "Jerry"', createdAt: Date.UTC(2026, 2, 10, 2) });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain(EVIL);
    expect(html).not.toMatch(/<script|<iframe|<img|<b>/i);
    const doc = parse(html);
    expect(doc.querySelectorAll('script, img, iframe, b').length).toBe(0);
    expect(doc.body.textContent).toContain(EVIL);
    expect(doc.body.textContent).toContain('<iframe src="javascript:alert(3)">');
    expect(doc.body.textContent).toContain('</li><script>alert(4)</script>');
    expect(doc.body.textContent).toContain('Tom & "Jerry"');
    expect(doc.querySelector('section.customer h3')!.textContent).toContain(EVIL);
  });

  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('is a complete, self-contained printable document: A4, print CSS, no script or external resource, signatures', () => {
    const html = renderChecklistHtml(evilChecklist(), 'zh-CN', { from: '王经理', to: '李经理', createdAt: Date.UTC(2026, 2, 10, 2) });
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("default-src 'none'");
    expect(html).toMatch(/@page \{ size: A4/);
    expect(html).toContain('@media print');
    expect(html).toMatch(/break-inside: avoid/);
    expect(html).not.toMatch(/url\(|@import/);
    const doc = parse(html);
    expect(doc.querySelectorAll('[src], [href], link, script, img').length).toBe(0);
    const text = doc.body.textContent!;
    for (const word of ['客户交接清单', '移交人', '接收人', '监交人', '签字', '日期', '王经理', '李经理', '2026-03-10']) expect(text).toContain(word);
    // Inventory lists every customer; details only those with something open.
    expect(doc.querySelectorAll('table.inventory tbody tr').length).toBe(2);
    expect(doc.querySelectorAll('section.customer').length).toBe(1);
    // The overdue need is marked.
    expect(doc.querySelector('section.customer .overdue')!.textContent).toBe('已逾期 9 天');
  });

  it('English', () => {
    const html = renderChecklistHtml(evilChecklist(), 'en', { createdAt: 0 });
    expect(html).toContain('<html lang="en">');
    const text = parse(html).body.textContent!;
    for (const key of ['handover.checklist.title', 'handover.checklist.from', 'handover.checklist.to', 'handover.checklist.signature'] as const) {
      expect(text).toContain(handoverMessages[key].en);
    }
    expect(text).toContain('9 days overdue');
    expect(text).not.toMatch(/[移交接收签字]/);
  });

  it('a customer with many open items starts on a new page when printed', () => {
    const c = customer({ name: '大客户' });
    const small = customer({ name: '小客户' });
    const backup = backupOf({
      customers: [c, small],
      tasks: [...Array.from({ length: 20 }, (_, i) => task(c.id, { title: `待办 ${i}` })), task(small.id, { title: '一件事' })],
    });
    const doc = parse(renderChecklistHtml(buildChecklist(backup, '2026-03-10'), 'zh-CN', { createdAt: 0 }));
    const sections = [...doc.querySelectorAll('section.customer')];
    expect(sections.map((s) => [s.querySelector('h3')!.textContent, s.classList.contains('long')])).toEqual([
      ['大客户', true],
      ['小客户', false],
    ]);
  });

  it('no customers, or nothing open, says so', () => {
    const empty = renderChecklistHtml(buildChecklist(backupOf({ customers: [] }), '2026-03-10'), 'zh-CN', { createdAt: 0 });
    expect(parse(empty).body.textContent).toContain(handoverMessages['handover.checklist.noCustomers']['zh-CN']);
    const quiet = renderChecklistHtml(buildChecklist(backupOf({ customers: [customer({ name: '安静' })] }), '2026-03-10'), 'zh-CN', { createdAt: 0 });
    expect(parse(quiet).body.textContent).toContain(handoverMessages['handover.checklist.noOpenItems']['zh-CN']);
  });
});

describe('handover messages', () => {
  it('every message has Chinese and English text with the same placeholders, and keys are namespaced', () => {
    const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
    for (const [key, m] of Object.entries(handoverMessages)) {
      expect(key.startsWith('handover.'), key).toBe(true);
      expect(m['zh-CN'].trim(), key).not.toBe('');
      expect(m.en.trim(), key).not.toBe('');
      expect(slots(m.en), key).toEqual(slots(m['zh-CN']));
    }
  });
});
