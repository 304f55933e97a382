/** Small in-code fixtures for the export and handover tests: every record goes through the zod schemas. */
import { BACKUP_FORMAT, BACKUP_VERSION, Backup, type BackupInput } from '../../../lib/model';

const T0 = Date.UTC(2025, 10, 1, 2, 0); // 2025-11-01 10:00 in Shanghai
let seq = 0;
export const uid = (prefix: string) => `${prefix}-${String(++seq).padStart(4, '0')}-0000-4000-8000-000000000000`;

type CustomerIn = BackupInput['customers'][number];
type ContactIn = NonNullable<BackupInput['contacts']>[number];
type InteractionIn = NonNullable<BackupInput['interactions']>[number];
type NeedIn = NonNullable<BackupInput['needs']>[number];
type TaskIn = NonNullable<BackupInput['tasks']>[number];

export function customer(over: Partial<CustomerIn> & { name: string }): CustomerIn {
  return { id: uid('cust'), createdAt: T0, updatedAt: T0, ...over };
}
export function contact(customerId: string, over: Partial<ContactIn> = {}): ContactIn {
  return { id: uid('cont'), customerId, name: '联系人', createdAt: T0, updatedAt: T0, ...over };
}
export function interaction(customerId: string, over: Partial<InteractionIn> = {}): InteractionIn {
  return { id: uid('intr'), customerId, kind: 'note', at: T0, summary: '速记', createdAt: T0, ...over };
}
export function need(customerId: string, over: Partial<NeedIn> = {}): NeedIn {
  return { id: uid('need'), customerId, description: '诉求', raisedAt: T0, updatedAt: T0, ...over };
}
export function task(customerId: string, over: Partial<TaskIn> = {}): TaskIn {
  return { id: uid('task'), customerId, title: '待办', createdAt: T0, updatedAt: T0, ...over };
}

export function backupOf(parts: Partial<Omit<BackupInput, 'format' | 'version'>>): Backup {
  return Backup.parse({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: T0, customers: [], ...parts });
}

/**
 * Three customers with one of everything each: 张三烟酒店 (class 28, 核心客户), 李四超市 (class 15, 潜力客户),
 * 王五便利店 (class 28, 普通客户). Record ids carry the customer's initial so leaks are easy to spot.
 */
export function threeCustomers(): Backup {
  const zhang = customer({ name: '张三烟酒店', class: '28', segment: '核心客户', licenceNo: '440305123456', customerCode: '0001', mobiles: ['13800138000'] });
  const li = customer({ name: '李四超市', class: '15', segment: '潜力客户', licenceNo: '440305654321' });
  const wang = customer({ name: '王五便利店', class: ' 28 ', segment: '普通客户' });
  const related = (c: CustomerIn) => ({
    contacts: [contact(c.id, { name: `${c.name}店主` })],
    interactions: [interaction(c.id, { summary: `${c.name}拜访` }), interaction(c.id, { kind: 'order', summary: `${c.name}订单`, lines: [{ product: '中华', quantity: 2, amount: 90 }] })],
    needs: [need(c.id, { description: `${c.name}诉求` })],
    tasks: [task(c.id, { title: `${c.name}待办` })],
    pageChoices: [{ pageKey: `http://127.0.0.1/order/${c.id}`, customerId: c.id, at: T0 }],
  });
  const all = [zhang, li, wang].map(related);
  return backupOf({
    customers: [zhang, li, wang],
    contacts: all.flatMap((r) => r.contacts),
    interactions: all.flatMap((r) => r.interactions),
    needs: all.flatMap((r) => r.needs),
    tasks: all.flatMap((r) => r.tasks),
    pageChoices: all.flatMap((r) => r.pageChoices),
  });
}
