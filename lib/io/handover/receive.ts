import { latestVisits, noteVisits, toContactRow, toCustomerRow, fromCustomerRow } from '../../db/customers';
import { getDb, isQuotaError } from '../../db/db';
import type { ConflictChoice } from '../../db/import-writer';
import { Customer, newId, type Backup } from '../../model';
import { BackupError } from '../backup';
import { diffCustomer, planCustomerImport, type ExistingIndex, type Plan } from '../import/dedupe';
import type { CustomerDraft, RowResult } from '../import/rows';

/**
 * Receiving a handover package (交接): the successor already has customers, so the package's customers
 * go through the same duplicate check as an import (by licence, code, credit code, mobile, email). A
 * customer the successor already has is updated, and the package's history, contacts, needs and tasks
 * move onto that customer; a new one keeps its ids. Written in one transaction: all or nothing.
 */

/**
 * Row n of the plan is the package's customer n-1 (there are no spreadsheet rows in a package). Each
 * customer is checked against the successor's customers only: the package's customers were already
 * distinct records (two shops of one owner sharing a mobile stay two customers).
 */
export function planHandover(backup: Backup, existing: ExistingIndex): Plan {
  const counts: Plan['counts'] = { new: 0, update: 0, unchanged: 0, conflict: 0, duplicateInFile: 0, invalid: 0 };
  const rows = backup.customers.map((c, i) => {
    const { id: _id, createdAt: _c, updatedAt: _u, ...draft } = c;
    const result: RowResult<CustomerDraft> = { rowNumber: i + 1, draft, warnings: [] };
    const [row] = planCustomerImport([result], existing).rows;
    counts[row.decision.kind] += 1;
    return row;
  });
  return { rows, counts };
}

export interface HandoverCounts {
  added: number;
  updated: number;
  skipped: number;
  contacts: number;
  interactions: number;
  needs: number;
  tasks: number;
}

export async function receiveHandover(backup: Backup, plan: Plan, choices: ReadonlyMap<number, ConflictChoice>, now = Date.now()): Promise<HandoverCounts> {
  const db = getDb();
  const counts: HandoverCounts = { added: 0, updated: 0, skipped: 0, contacts: 0, interactions: 0, needs: 0, tasks: 0 };
  try {
    await db.transaction('rw', [db.customers, db.contacts, db.interactions, db.needs, db.tasks, db.pageChoices], async () => {
      /** Package customer id → the id it has here, or null when left out. */
      const finalId = new Map<string, string | null>();
      const taken = new Set((await db.customers.bulkGet(backup.customers.map((c) => c.id))).filter(Boolean).map((r) => r!.id));
      const rows = [];
      for (const row of plan.rows) {
        const source = backup.customers[row.rowNumber - 1];
        const d = row.decision;
        const choice: ConflictChoice | undefined = d.kind === 'conflict' ? (choices.get(row.rowNumber) ?? { kind: 'skip' }) : undefined;
        const targetId = d.kind === 'update' || d.kind === 'unchanged' ? d.target.id : choice?.kind === 'update' ? choice.targetId : undefined;
        if (targetId) {
          const target = await db.customers.get(targetId);
          if (target) {
            const { patch } = diffCustomer({ ...source }, fromCustomerRow(target));
            if (Object.keys(patch).length) rows.push(toCustomerRow(Customer.parse({ ...fromCustomerRow(target), ...patch, updatedAt: now }), target.lastVisitAt));
            finalId.set(source.id, targetId);
            counts.updated += 1;
            continue;
          }
        }
        if (d.kind === 'new' || choice?.kind === 'new' || (targetId && !finalId.has(source.id))) {
          // Keep the package's id so receiving the same package twice changes nothing; a clash gets a new id.
          const id = taken.has(source.id) ? newId() : source.id;
          rows.push(toCustomerRow(Customer.parse({ ...source, id })));
          finalId.set(source.id, id);
          counts.added += 1;
        } else if (d.kind === 'duplicateInFile') {
          // The same customer twice in the package: its records join the first one's.
          finalId.set(source.id, finalId.get(backup.customers[d.ofRow - 1].id) ?? null);
          counts.skipped += 1;
        } else {
          finalId.set(source.id, null);
          counts.skipped += 1;
        }
      }
      await db.customers.bulkPut(rows);
      const moved = <T extends { customerId: string }>(list: T[]): T[] =>
        list.flatMap((r) => {
          const id = finalId.get(r.customerId);
          return id ? [{ ...r, customerId: id }] : [];
        });
      const contacts = moved(backup.contacts);
      const interactions = moved(backup.interactions);
      const needs = moved(backup.needs);
      const tasks = moved(backup.tasks);
      await db.contacts.bulkPut(contacts.map(toContactRow));
      await db.interactions.bulkPut(interactions);
      await db.needs.bulkPut(needs);
      await db.tasks.bulkPut(tasks);
      await db.pageChoices.bulkPut(moved(backup.pageChoices));
      await noteVisits(latestVisits(interactions));
      Object.assign(counts, { contacts: contacts.length, interactions: interactions.length, needs: needs.length, tasks: tasks.length });
    });
  } catch (err) {
    if (isQuotaError(err)) throw new BackupError('quota');
    throw new BackupError('writeFailed', err instanceof Error ? err.message : String(err));
  }
  return counts;
}
