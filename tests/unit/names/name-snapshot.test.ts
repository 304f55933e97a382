import { beforeEach, describe, expect, it, vi } from 'vitest';
import { toCustomerRow } from '../../../lib/db/customers';
import type { AccountLensDb } from '../../../lib/db/db';
import { NAME_SNAPSHOT_KEY, invalidateNameSnapshot, loadNameIndex, saveNameSnapshot, syncNameIndex } from '../../../lib/db/name-snapshot';
import { NameIndex } from '../../../lib/match/names/name-index';
import { Customer } from '../../../lib/model';
import { pinyinKeys } from '../../../lib/search/pinyin';
import { useFreshDb } from '../db-helpers';

/** A customer row written with a chosen `updatedAt`, as the write paths stamp it. */
async function put(db: AccountLensDb, id: string, name: string, updatedAt: number, aliases: string[] = []) {
  await db.customers.put(toCustomerRow(Customer.parse({ id, name, aliases, createdAt: 1, updatedAt })));
}
const topId = (index: NameIndex, name: string) => index.match([name])[0]?.customerId;
const exactId = (index: NameIndex, name: string) => index.match([name]).find((c) => c.reason.kind === 'exact')?.customerId;

describe('name snapshot', () => {
  let db: AccountLensDb;
  beforeEach(async () => {
    vi.restoreAllMocks();
    db = useFreshDb();
    await put(db, 'a', '张记便利店', 1_000, ['老张小卖部']);
    await put(db, 'b', '好邻居超市', 2_000);
    await put(db, 'c', '深圳市南山区鑫隆便利店123号店', 2_000);
  });

  it('is built from the customers when missing, saved, and then loaded without a rebuild', async () => {
    const build = vi.spyOn(NameIndex, 'build');
    const first = await loadNameIndex();
    expect(build).toHaveBeenCalledTimes(1);
    expect(first.size).toBe(3);
    expect(topId(first, '老张小卖部')).toBe('a');
    const snap = await db.snapshots.get(NAME_SNAPSHOT_KEY);
    expect(snap?.signature).toMatch(/\|3\|2000\|2$/);

    const second = await loadNameIndex();
    expect(build).toHaveBeenCalledTimes(1);
    expect(second.size).toBe(3);
    for (const q of ['张记便利店', 'zjbld', '鑫隆便利店123号店', 'Haolinju Chaoshi']) expect(second.match([q])).toEqual(first.match([q]));
  });

  it('reads names pinyin from the rows instead of recomputing it', async () => {
    const pinyin = vi.fn(pinyinKeys);
    const index = await loadNameIndex({ pinyin });
    // only the alias has no stored pinyin of its own
    expect(pinyin.mock.calls.map(([t]) => t)).toEqual(['老张小卖部']);
    expect(topId(index, 'hljcs')).toBe('b');
  });

  it('catches up with customers added or renamed since, without a rebuild, and saves the result', async () => {
    await loadNameIndex();
    await put(db, 'd', '福满烟酒商行', 3_000);
    await put(db, 'b', '好邻居便利店', 4_000);
    const build = vi.spyOn(NameIndex, 'build');
    const index = await loadNameIndex();
    expect(build).not.toHaveBeenCalled();
    expect(index.size).toBe(4);
    expect(exactId(index, '福满烟酒商行')).toBe('d');
    expect(exactId(index, '好邻居便利店')).toBe('b');
    expect(exactId(index, '好邻居超市')).toBeUndefined();
    expect((await db.snapshots.get(NAME_SNAPSHOT_KEY))?.signature).toMatch(/\|4\|4000\|1$/);
    const again = await loadNameIndex();
    expect(build).not.toHaveBeenCalled();
    expect(exactId(again, '好邻居便利店')).toBe('b');
  });

  it('sees an edit stamped in the same millisecond as the latest covered one', async () => {
    await loadNameIndex();
    await put(db, 'a', '张记超市', 2_000);
    const index = await loadNameIndex();
    expect(exactId(index, '张记超市')).toBe('a');
  });

  it('is rebuilt when customers were removed (the count no longer adds up)', async () => {
    await loadNameIndex();
    await db.customers.delete('c');
    await put(db, 'b', '好邻居超市', 5_000);
    const build = vi.spyOn(NameIndex, 'build');
    const index = await loadNameIndex();
    expect(build).toHaveBeenCalledTimes(1);
    expect(index.size).toBe(2);
    expect(index.has('c')).toBe(false);
    expect(index.match(['深圳市南山区鑫隆便利店123号店'])).toEqual([]);
  });

  it('is rebuilt when invalidated (a merge restore keeps old times) or unreadable', async () => {
    await loadNameIndex();
    await put(db, 'a', '李记商店', 1_000); // an older version restored: neither count nor latest edit moves
    const build = vi.spyOn(NameIndex, 'build');
    expect(exactId(await loadNameIndex(), '李记商店')).toBeUndefined();
    await invalidateNameSnapshot();
    expect(exactId(await loadNameIndex(), '李记商店')).toBe('a');
    expect(build).toHaveBeenCalledTimes(1);

    const snap = (await db.snapshots.get(NAME_SNAPSHOT_KEY))!;
    await db.snapshots.put({ ...snap, data: { ...(snap.data as object), index: { format: -1 } } });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(exactId(await loadNameIndex(), '李记商店')).toBe('a');
    expect(build).toHaveBeenCalledTimes(2);
  });

  it('syncNameIndex keeps the same index for edits and gives a rebuilt one after removals', async () => {
    const index = await loadNameIndex();
    await put(db, 'd', '福满烟酒商行', 3_000);
    expect(await syncNameIndex(index)).toBe(index);
    expect(exactId(index, '福满烟酒商行')).toBe('d');
    await db.customers.delete('d');
    const rebuilt = await syncNameIndex(index);
    expect(rebuilt).not.toBe(index);
    expect(rebuilt.has('d')).toBe(false);
    expect(await saveNameSnapshot(rebuilt)).toBe(true);
  });

  it('does not store an index it did not load (its coverage is unknown)', async () => {
    expect(await saveNameSnapshot(NameIndex.build([{ id: 'x', name: '某店' }]))).toBe(false);
    expect(await db.snapshots.get(NAME_SNAPSHOT_KEY)).toBeUndefined();
  });

  it('loads an empty book', async () => {
    await db.customers.clear();
    const index = await loadNameIndex();
    expect(index.size).toBe(0);
    expect(index.match(['张记便利店'])).toEqual([]);
  });
});
