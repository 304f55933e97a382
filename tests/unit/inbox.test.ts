import { beforeEach, describe, expect, it } from 'vitest';
import { customerInteractions, saveCustomer } from '../../lib/db/customers';
import type { AccountLensDb } from '../../lib/db/db';
import {
  InboxError,
  addInboxNote,
  deleteInboxNote,
  fileInboxNote,
  fileInboxNotes,
  inboxCount,
  inboxNoteSummary,
  listInbox,
} from '../../lib/db/inbox';
import { customer, useFreshDb } from './db-helpers';

const T = 1_700_000_000_000;

const rejection = async (p: Promise<unknown>): Promise<InboxError> => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InboxError);
  return err as InboxError;
};

describe('inbox', () => {
  let db: AccountLensDb;
  beforeEach(() => {
    db = useFreshDb();
  });

  it('adds notes with an id and a capture time, and lists them newest first', async () => {
    const a = await addInboxNote({ text: '  下周问新品到货  ', at: T });
    const b = await addInboxNote({ selection: '本周断货预警：利群（新版）', pageUrl: 'https://example.cn/notice', pageTitle: '通知', at: T + 2_000 });
    const c = await addInboxNote({ text: '回电', at: T + 1_000 });
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.text).toBe('下周问新品到货');
    expect(b).toMatchObject({ text: '', selection: '本周断货预警：利群（新版）', pageUrl: 'https://example.cn/notice', pageTitle: '通知' });
    expect((await listInbox()).map((n) => n.id)).toEqual([b.id, c.id, a.id]);
    expect(await inboxCount()).toBe(3);

    const before = Date.now();
    const d = await addInboxNote({ text: '现在' });
    expect(d.at).toBeGreaterThanOrEqual(before);
    expect(d.at).toBeLessThanOrEqual(Date.now());
  });

  it('refuses a note with neither text nor selection', async () => {
    expect((await rejection(addInboxNote({ text: '  ', selection: '\n', pageUrl: 'https://example.cn/' }))).code).toBe('empty');
    expect((await rejection(addInboxNote({}))).code).toBe('empty');
    expect(await inboxCount()).toBe(0);
  });

  it('keeps a capture with a long title or selection, trimmed to fit, and drops an overlong address', async () => {
    const n = await addInboxNote({ text: '备注', selection: '长'.repeat(30_000), pageTitle: '标'.repeat(500), pageUrl: `https://example.cn/${'a'.repeat(5_000)}` });
    expect(n.pageTitle).toHaveLength(200);
    expect(n.pageUrl).toBeUndefined();
    expect(n.selection!.endsWith('…')).toBe(true);
    expect(inboxNoteSummary(n)).toHaveLength(20_000);
  });

  it('formats the filed summary: text, a blank line, the selection in corner brackets', () => {
    expect(inboxNoteSummary({ text: '问一下', selection: '第一行\n第二行' })).toBe('问一下\n\n「第一行\n第二行」');
    expect(inboxNoteSummary({ text: '', selection: '只有摘录' })).toBe('「只有摘录」');
    expect(inboxNoteSummary({ text: '只有文字' })).toBe('只有文字');
  });

  it('files a note: a note interaction with the captured time and page, and the inbox entry gone', async () => {
    const c = await saveCustomer(customer({ name: '张记便利店' }));
    const note = await addInboxNote({ text: '老板说下周进货', selection: '新品上市', pageUrl: 'https://example.cn/p', pageTitle: '新品通知', at: T });
    const now = T + 86_400_000;

    const filed = await fileInboxNote(note.id, c.id, now);
    expect(filed).toMatchObject({
      customerId: c.id,
      kind: 'note',
      at: T,
      createdAt: now,
      summary: '老板说下周进货\n\n「新品上市」',
      pageUrl: 'https://example.cn/p',
      pageTitle: '新品通知',
    });
    expect(filed.id).not.toBe(note.id);
    expect(await customerInteractions(c.id)).toEqual([filed]);
    expect(await db.inbox.get(note.id)).toBeUndefined();
    expect(await inboxCount()).toBe(0);
    // A note is not a visit: the cadence clock does not move.
    expect((await db.customers.get(c.id))?.lastVisitAt).toBeUndefined();
  });

  it('filing to an unknown customer writes nothing and keeps the note', async () => {
    const note = await addInboxNote({ text: '给谁的？', at: T });
    const err = await rejection(fileInboxNote(note.id, 'no-such-customer'));
    expect(err.code).toBe('customerNotFound');
    expect(await db.interactions.count()).toBe(0);
    expect(await listInbox()).toEqual([note]);
  });

  it('filing a note no longer in the inbox throws and writes nothing', async () => {
    const c = await saveCustomer(customer());
    expect((await rejection(fileInboxNote('gone', c.id))).code).toBe('noteNotFound');
    expect(await db.interactions.count()).toBe(0);
  });

  it('files several notes to one customer at once, skipping ones already gone', async () => {
    const c = await saveCustomer(customer());
    const a = await addInboxNote({ text: '一', at: T });
    const b = await addInboxNote({ text: '二', selection: '摘录', at: T + 1 });
    const keep = await addInboxNote({ text: '留着', at: T + 2 });

    const filed = await fileInboxNotes([a.id, 'gone', b.id, a.id], c.id, T + 10);
    expect(filed.map((i) => i.summary)).toEqual(['一', '二\n\n「摘录」']);
    expect(filed.every((i) => i.customerId === c.id && i.kind === 'note' && i.createdAt === T + 10)).toBe(true);
    expect((await customerInteractions(c.id)).map((i) => i.at)).toEqual([T + 1, T]);
    expect((await listInbox()).map((n) => n.id)).toEqual([keep.id]);
  });

  it('filing several to an unknown customer keeps them all', async () => {
    const a = await addInboxNote({ text: '一', at: T });
    const b = await addInboxNote({ text: '二', at: T + 1 });
    expect((await rejection(fileInboxNotes([a.id, b.id], 'nobody'))).code).toBe('customerNotFound');
    expect(await inboxCount()).toBe(2);
    expect(await db.interactions.count()).toBe(0);
  });

  it('a failed write part-way rolls back the whole batch', async () => {
    const c = await saveCustomer(customer());
    const a = await addInboxNote({ text: '一', at: T });
    const b = await addInboxNote({ text: '二', at: T + 1 });
    // The second interaction's write fails (as a full disk would): the first must not stay either.
    let writes = 0;
    db.interactions.hook('creating', () => {
      writes += 1;
      if (writes === 2) throw new Error('disk full');
    });
    await expect(fileInboxNotes([a.id, b.id], c.id)).rejects.toThrow('disk full');
    expect(await db.interactions.count()).toBe(0);
    expect(await inboxCount()).toBe(2);
  });

  it('deletes a note', async () => {
    const a = await addInboxNote({ text: '删掉', at: T });
    const b = await addInboxNote({ text: '留下', at: T + 1 });
    await deleteInboxNote(a.id);
    expect(await listInbox()).toEqual([b]);
    await deleteInboxNote('already-gone');
    expect(await inboxCount()).toBe(1);
  });
});
