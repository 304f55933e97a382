import type { Transaction } from 'dexie';
import { customerSearchText } from '../../search/pinyin';
import type { CustomerRow } from '../schema';

/**
 * v1 → v2: every customer gets `search` (names with pinyin and initials, identifiers, address; the
 * dashboard searches it per keystroke) and `lastVisitAt` (cadence without scanning interactions).
 * One pass over visits, then one over customers; runs inside Dexie's upgrade transaction, so a failure
 * leaves the database at v1.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const lastVisit = new Map<string, number>();
  await tx
    .table('interactions')
    .filter((i: { kind: string }) => i.kind === 'visit')
    .each((i: { customerId: string; at: number }) => {
      if (i.at > (lastVisit.get(i.customerId) ?? -1)) lastVisit.set(i.customerId, i.at);
    });
  await tx
    .table('customers')
    .toCollection()
    .modify((row: CustomerRow) => {
      row.search = customerSearchText(row);
      const at = lastVisit.get(row.id);
      if (at !== undefined) row.lastVisitAt = at;
      else delete row.lastVisitAt;
    });
}
