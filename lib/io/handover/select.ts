/**
 * Which customers a handover (交接, domain.md §9) moves to the successor: all of them, those of some
 * classes (档位) or segments (客户分类), or a hand-picked list. Everything that belongs to a chosen
 * customer goes with it (contacts, interactions, needs, tasks, remembered page choices), and nothing that
 * belongs to another customer does, so the result is a valid backup on its own.
 */
import type { Backup } from '../../model';

export type HandoverSelection =
  | { kind: 'all' }
  | { kind: 'class'; values: string[] }
  | { kind: 'segment'; values: string[] }
  | { kind: 'customers'; ids: string[] };

/** Class and segment values match after trimming, ignoring case (`a` = `A` for a bank's class). */
const key = (value: string | undefined) => (value ?? '').trim().toLowerCase();

export function selectForHandover(backup: Backup, selection: HandoverSelection): Backup {
  let chosen: Backup['customers'];
  switch (selection.kind) {
    case 'all':
      chosen = backup.customers;
      break;
    case 'class':
    case 'segment': {
      const wanted = new Set(selection.values.map(key).filter(Boolean));
      chosen = backup.customers.filter((c) => wanted.has(key(c[selection.kind])));
      break;
    }
    case 'customers': {
      const wanted = new Set(selection.ids);
      chosen = backup.customers.filter((c) => wanted.has(c.id));
      break;
    }
  }
  const ids = new Set(chosen.map((c) => c.id));
  const mine = <T extends { customerId: string }>(rows: T[]) => rows.filter((r) => ids.has(r.customerId));
  return {
    format: backup.format,
    version: backup.version,
    exportedAt: backup.exportedAt,
    customers: [...chosen],
    // Taught page rules are shared as their own file (dashboard settings), not with a territory.
    siteRules: [],
    // Unfiled notes belong to no customer, so to no territory.
    inbox: [],
    contacts: mine(backup.contacts),
    interactions: mine(backup.interactions),
    needs: mine(backup.needs),
    // Which reminders the manager's machine showed is not the successor's: they are reminded afresh.
    tasks: mine(backup.tasks).map(({ remindedAt: _shown, ...task }) => task),
    pageChoices: mine(backup.pageChoices),
  };
}

/** The distinct classes and segments present, for the selection form (sorted, Chinese collation). */
export function selectionOptions(backup: Pick<Backup, 'customers'>): { classes: string[]; segments: string[] } {
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  const distinct = (values: (string | undefined)[]) =>
    [...new Set(values.map((v) => v?.trim()).filter((v): v is string => !!v))].sort(collator.compare);
  return { classes: distinct(backup.customers.map((c) => c.class)), segments: distinct(backup.customers.map((c) => c.segment)) };
}
