import { identKey } from '../match/identifiers';
import {
  Contact,
  Customer,
  type CustomerInput,
  type Interaction,
  type Need,
  type PageIdentifier,
  type Task,
  isNeedOpen,
} from '../model';
import { customerSearchText } from '../search/pinyin';
import { getDb } from './db';
import type { ContactRow, CustomerRow } from './schema';

export function customerIdentKeys(c: Pick<Customer, 'licenceNo' | 'customerCode' | 'uscc' | 'mobiles' | 'emails'>): string[] {
  const keys: string[] = [];
  if (c.licenceNo) keys.push(identKey('licence', c.licenceNo));
  if (c.customerCode) keys.push(identKey('customerCode', c.customerCode));
  if (c.uscc) keys.push(identKey('uscc', c.uscc));
  for (const m of c.mobiles) keys.push(identKey('mobile', m));
  for (const e of c.emails) keys.push(identKey('email', e));
  return [...new Set(keys)];
}

export function nameKeys(c: Pick<Customer, 'name' | 'aliases'>): string[] {
  return [...new Set([c.name, ...c.aliases].map((n) => n.trim().toLowerCase()).filter(Boolean))];
}

/** The stored row: the model plus derived fields. `lastVisitAt` comes from the interactions, so callers pass it on. */
export function toCustomerRow(c: Customer, lastVisitAt?: number): CustomerRow {
  const row: CustomerRow = { ...c, identKeys: customerIdentKeys(c), nameKeys: nameKeys(c), search: customerSearchText(c) };
  if (lastVisitAt !== undefined) row.lastVisitAt = lastVisitAt;
  return row;
}

export function toContactRow(c: Contact): ContactRow {
  const keys = [...c.mobiles.map((m) => identKey('mobile', m)), ...c.emails.map((e) => identKey('email', e))];
  return { ...c, identKeys: [...new Set(keys)] };
}

/** Strip derived index fields so callers and exports see the model only. */
export function fromCustomerRow(row: CustomerRow): Customer {
  const { identKeys: _i, nameKeys: _n, search: _s, lastVisitAt: _l, ...customer } = row;
  return customer;
}
export function fromContactRow(row: ContactRow): Contact {
  const { identKeys: _i, ...contact } = row;
  return contact;
}

export async function saveCustomer(input: CustomerInput): Promise<Customer> {
  const customer = Customer.parse({ ...input, updatedAt: Date.now() });
  const db = getDb();
  await db.transaction('rw', db.customers, async () => {
    const existing = await db.customers.get(customer.id);
    await db.customers.put(toCustomerRow(customer, existing?.lastVisitAt));
  });
  return customer;
}

export async function getCustomer(id: string): Promise<Customer | undefined> {
  const row = await getDb().customers.get(id);
  return row && fromCustomerRow(row);
}

/**
 * Exact identifier look-up on the multi-entry indexes of customers and their contacts.
 * Returns, per customer id, the page identifiers that point at it.
 */
export async function findByIdentifiers(
  identifiers: PageIdentifier[],
): Promise<{ hits: Map<string, PageIdentifier[]>; names: Map<string, string> }> {
  const byKey = new Map<string, PageIdentifier>();
  for (const id of identifiers) byKey.set(identKey(id.kind, id.value), id);
  const hits = new Map<string, PageIdentifier[]>();
  const names = new Map<string, string>();
  if (byKey.size === 0) return { hits, names };
  const keys = [...byKey.keys()];
  const db = getDb();
  const [customers, contacts] = await Promise.all([
    db.customers.where('identKeys').anyOf(keys).toArray(),
    db.contacts.where('identKeys').anyOf(keys).toArray(),
  ]);
  const add = (customerId: string, rowKeys: string[]) => {
    for (const k of rowKeys) {
      const id = byKey.get(k);
      if (!id) continue;
      const list = hits.get(customerId) ?? [];
      if (!list.some((x) => x.kind === id.kind && x.value === id.value)) list.push(id);
      hits.set(customerId, list);
    }
  };
  for (const c of customers) {
    add(c.id, c.identKeys);
    names.set(c.id, c.name);
  }
  for (const c of contacts) add(c.customerId, c.identKeys);
  return { hits, names };
}

export async function customerNames(ids: string[]): Promise<Map<string, string>> {
  const rows = await getDb().customers.bulkGet(ids);
  return new Map(rows.filter((r): r is CustomerRow => !!r).map((r) => [r.id, r.name]));
}

export interface CustomerSummary {
  id: string;
  name: string;
  class?: string;
  licenceNo?: string;
  customerCode?: string;
  address?: string;
}
const summarise = (r: CustomerRow): CustomerSummary => ({
  id: r.id,
  name: r.name,
  class: r.class,
  licenceNo: r.licenceNo,
  customerCode: r.customerCode,
  address: r.address,
});

/**
 * Search by exact identifier, then name/alias prefix (indexed), then a bounded scan of the stored search
 * text (names with their pinyin and initials, identifiers, address), so that "便利" finds "张记便利店" and
 * "zjbld" or "zhangji" find it too.
 */
export async function searchCustomers(query: string, limit = 20): Promise<CustomerSummary[]> {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const db = getDb();
  const found = new Map<string, CustomerSummary>();
  const take = (rows: CustomerRow[]) => {
    for (const r of rows) if (found.size < limit && !found.has(r.id)) found.set(r.id, summarise(r));
  };
  const compact = q.replace(/[\s-]/g, '');
  // The stored search text is lower-cased and spaced per part; pinyin is typed without spaces.
  const compactSearch = q.replace(/\s+/g, '');
  const exactKeys = ['licence', 'customerCode', 'uscc', 'mobile', 'email'].map((k) =>
    identKey(k as PageIdentifier['kind'], k === 'uscc' ? compact.toUpperCase() : k === 'customerCode' ? query.trim() : compact),
  );
  take(await db.customers.where('identKeys').anyOf(exactKeys).limit(limit).toArray());
  if (found.size < limit) take(await db.customers.where('nameKeys').startsWith(q).limit(limit).toArray());
  if (found.size < limit) {
    take(
      await db.customers
        .filter((r) => (r.search ?? '').includes(compactSearch) || r.nameKeys.some((n) => n.includes(q)))
        .limit(limit - found.size)
        .toArray(),
    );
  }
  return [...found.values()];
}

export interface CustomerView {
  customer: Customer;
  contacts: Contact[];
  timeline: Interaction[];
  timelineTotal: number;
  openTasks: Task[];
  openNeeds: Need[];
  /** When the next visit (or call) is due by the cadence policy; added by the background (lib/background/customer-view). */
  visit?: { due: string; overdueDays: number; intervalDays: number; method: 'visit' | 'call' };
  /** Talking points for this conversation, highest priority first (lib/talking), without today's dismissed ones. */
  talking?: import('../talking').TalkingPoint[];
}

/** Everything the panel shows for one customer, read in one transaction. */
export async function getCustomerView(id: string, timelineLimit = 50): Promise<CustomerView | undefined> {
  const db = getDb();
  return db.transaction('r', [db.customers, db.contacts, db.interactions, db.tasks, db.needs], async () => {
    const row = await db.customers.get(id);
    if (!row) return undefined;
    const range = db.interactions.where('[customerId+at]').between([id, -Infinity], [id, Infinity]);
    const [contacts, timeline, timelineTotal, openTasks, needs] = await Promise.all([
      db.contacts.where('customerId').equals(id).toArray(),
      range.clone().reverse().limit(timelineLimit).toArray(),
      range.clone().count(),
      db.tasks.where('[customerId+status]').equals([id, 'open']).toArray(),
      db.needs.where('[customerId+status]').anyOf([id, 'raised'], [id, 'in_progress'], [id, 'resolved']).toArray(),
    ]);
    openTasks.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
    return {
      customer: fromCustomerRow(row),
      contacts: contacts.map(fromContactRow),
      timeline,
      timelineTotal,
      openTasks,
      openNeeds: needs.filter(isNeedOpen).sort((a, b) => a.raisedAt - b.raisedAt),
    };
  });
}

/** Adds an interaction; a visit also moves the customer's `lastVisitAt`, in the same transaction. */
export async function addInteraction(interaction: Interaction): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.interactions, db.customers, async () => {
    await db.interactions.add(interaction);
    if (interaction.kind === 'visit') await noteVisits(new Map([[interaction.customerId, interaction.at]]));
  });
}

/**
 * Moves `lastVisitAt` forward for customers with newer visits (customer id → latest visit time).
 * Call inside a transaction that includes the customers table.
 */
export async function noteVisits(latest: Map<string, number>): Promise<void> {
  if (latest.size === 0) return;
  const db = getDb();
  await db.customers
    .where('id')
    .anyOf([...latest.keys()])
    .modify((row) => {
      const at = latest.get(row.id)!;
      if (row.lastVisitAt === undefined || at > row.lastVisitAt) row.lastVisitAt = at;
    });
}

/** Latest visit per customer among some interactions. */
export function latestVisits(interactions: Iterable<Pick<Interaction, 'kind' | 'customerId' | 'at'>>): Map<string, number> {
  const latest = new Map<string, number>();
  for (const i of interactions) if (i.kind === 'visit' && i.at > (latest.get(i.customerId) ?? -1)) latest.set(i.customerId, i.at);
  return latest;
}

export async function getPageChoice(pageKey: string): Promise<string | undefined> {
  return (await getDb().pageChoices.get(pageKey))?.customerId;
}

export async function rememberPageChoice(pageKey: string, customerId: string): Promise<void> {
  await getDb().pageChoices.put({ pageKey, customerId, at: Date.now() });
}

/** All of one customer's interactions, newest first (the customer page's timeline and order chart). */
export async function customerInteractions(customerId: string): Promise<Interaction[]> {
  return getDb().interactions.where('[customerId+at]').between([customerId, -Infinity], [customerId, Infinity]).reverse().toArray();
}

export async function saveContact(contact: Contact): Promise<void> {
  await getDb().contacts.put(toContactRow(Contact.parse(contact)));
}

export async function deleteContact(id: string): Promise<void> {
  await getDb().contacts.delete(id);
}

/**
 * Other customers that already carry one of these unique identifiers (licence, customer code, credit
 * code). Mobiles and emails are left out: a couple sharing one phone is normal (domain.md), a shared
 * licence is a mistake.
 */
export async function uniqueIdentifierOwners(c: Pick<Customer, 'id' | 'licenceNo' | 'customerCode' | 'uscc'>): Promise<{ key: string; id: string; name: string }[]> {
  const keys = customerIdentKeys({ ...c, mobiles: [], emails: [] });
  if (keys.length === 0) return [];
  const rows = await getDb().customers.where('identKeys').anyOf(keys).toArray();
  return rows
    .filter((r) => r.id !== c.id)
    .flatMap((r) => r.identKeys.filter((k) => keys.includes(k)).map((key) => ({ key, id: r.id, name: r.name })));
}

/**
 * A cheap fingerprint of what the dashboard's book shows: record counts and the latest customer edit.
 * Notes, visits and new customers from the panel change it, so the dashboard re-reads 100k customers only
 * when something changed. (Editing needs and tasks from the panel, issue 5, must add to it.)
 */
export async function bookSignature(): Promise<string> {
  const db = getDb();
  const parts = await db.transaction('r', [db.customers, db.interactions, db.needs, db.tasks], () =>
    Promise.all([db.customers.count(), db.customers.orderBy('updatedAt').last(), db.interactions.count(), db.needs.count(), db.tasks.count()]),
  );
  return [parts[0], parts[1]?.updatedAt ?? 0, parts[2], parts[3], parts[4]].join('|');
}
