import { InboxNote, Interaction, newId } from '../model';
import { addInteraction } from './customers';
import { getDb } from './db';

/**
 * The inbox (issue 5): notes captured on a page where no customer was recognised, kept until the manager
 * files each one to a customer (it becomes a `note` interaction) or deletes it. Extension pages only
 * (background, popup, dashboard): content scripts never open the database.
 *
 * Filed note format (`inboxNoteSummary`): the manager's words first, then the text selected on the page
 * as a quote on its own lines, in corner brackets as Chinese writing quotes:
 *
 *     下周问一下新品到货时间
 *
 *     「新品“利群（休闲云端）”本周上市，首批限量」
 *
 * A note with only a selection files as the quote alone; one without a selection as the text alone. The
 * page address and title go to the interaction's own fields, and its time is when the note was captured.
 */

export type InboxErrorCode = 'empty' | 'invalid' | 'customerNotFound' | 'noteNotFound';

export class InboxError extends Error {
  constructor(
    readonly code: InboxErrorCode,
    readonly detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'InboxError';
  }
}

/** What a capture path hands over; the id is made here and `at` defaults to now. */
export interface InboxNoteInput {
  text?: string;
  selection?: string;
  pageUrl?: string;
  pageTitle?: string;
  at?: number;
}

/** An interaction's summary holds this much (LongText); a filed note must fit in it. */
const MAX_SUMMARY = 20_000;
const MAX_TITLE = 200;
const MAX_URL = 4_000;
const GAP = '\n\n';
const OPEN = '「';
const CLOSE = '」';

/** Cut to `n` UTF-16 units without leaving half of a surrogate pair (an emoji, a rare character). */
function cut(s: string, n: number): string {
  if (s.length <= n) return s;
  const code = s.charCodeAt(n - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/**
 * How long the selection may be so that the filed summary stays within MAX_SUMMARY: the manager's own
 * words are never cut, the page quote is (ending in "…"). Undefined when no quote fits at all.
 */
function fitSelection(text: string, selection: string | undefined): string | undefined {
  const sel = selection?.trim();
  if (!sel) return undefined;
  const room = MAX_SUMMARY - text.length - (text ? GAP.length : 0) - OPEN.length - CLOSE.length;
  if (sel.length <= room) return sel;
  if (room < 2) return undefined;
  return `${cut(sel, room - 1)}…`;
}

/** The summary of the note interaction a filed inbox note becomes (format in the module comment). */
export function inboxNoteSummary(note: Pick<InboxNote, 'text' | 'selection'>): string {
  const text = note.text.trim();
  const sel = fitSelection(text, note.selection);
  if (!sel) return text;
  return text ? `${text}${GAP}${OPEN}${sel}${CLOSE}` : `${OPEN}${sel}${CLOSE}`;
}

/**
 * Validates and stores a captured note. Refuses (`InboxError('empty')`) a note with neither text nor
 * selection. Page context is trimmed to fit rather than refused, so a capture is never lost to a long
 * document title or a huge selection; an address too long to keep whole is dropped (a cut URL is a broken link).
 */
export async function addInboxNote(input: InboxNoteInput): Promise<InboxNote> {
  const text = (input.text ?? '').trim();
  const selection = input.selection?.trim() || undefined;
  if (!text && !selection) throw new InboxError('empty');
  const parsed = InboxNote.safeParse({
    id: newId(),
    text,
    selection: fitSelection(text, selection),
    pageUrl: input.pageUrl && input.pageUrl.length <= MAX_URL ? input.pageUrl : undefined,
    pageTitle: input.pageTitle?.trim() ? cut(input.pageTitle.trim(), MAX_TITLE) : undefined,
    at: input.at ?? Date.now(),
  });
  if (!parsed.success) throw new InboxError('invalid', parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', '));
  await getDb().inbox.add(parsed.data);
  return parsed.data;
}

/** Every inbox note, newest first. */
export async function listInbox(): Promise<InboxNote[]> {
  return getDb().inbox.orderBy('at').reverse().toArray();
}

export async function inboxCount(): Promise<number> {
  return getDb().inbox.count();
}

export async function deleteInboxNote(id: string): Promise<void> {
  await getDb().inbox.delete(id);
}

const toInteraction = (note: InboxNote, customerId: string, now: number): Interaction =>
  Interaction.parse({
    id: newId(),
    customerId,
    kind: 'note',
    at: note.at,
    summary: inboxNoteSummary(note),
    pageUrl: note.pageUrl,
    pageTitle: note.pageTitle,
    createdAt: now,
  });

/**
 * Files notes to one customer in one transaction: each becomes a note interaction (through
 * `addInteraction`, which joins this transaction as its tables are a subset) and leaves the inbox.
 * Any failure (customer gone, disk full) rolls everything back, so the notes stay in the inbox.
 */
async function fileNotes(ids: string[], customerId: string, now: number, requireAll: boolean): Promise<Interaction[]> {
  const db = getDb();
  return db.transaction('rw', [db.inbox, db.interactions, db.customers], async () => {
    if (!(await db.customers.get(customerId))) throw new InboxError('customerNotFound', customerId);
    const notes = await db.inbox.bulkGet(ids);
    const filed: Interaction[] = [];
    for (const [i, note] of notes.entries()) {
      if (!note) {
        if (requireAll) throw new InboxError('noteNotFound', ids[i]);
        continue;
      }
      const interaction = toInteraction(note, customerId, now);
      await addInteraction(interaction);
      await db.inbox.delete(note.id);
      filed.push(interaction);
    }
    return filed;
  });
}

/**
 * Files one inbox note to a customer and returns the note interaction it became. Throws
 * `InboxError('customerNotFound')` or `InboxError('noteNotFound')` (filed or deleted in another window),
 * writing nothing.
 */
export async function fileInboxNote(id: string, customerId: string, now = Date.now()): Promise<Interaction> {
  const [interaction] = await fileNotes([id], customerId, now, true);
  return interaction;
}

/**
 * Files several inbox notes to one customer, all or none. Notes no longer in the inbox (filed or deleted
 * in another window meanwhile) are skipped: nothing of them is left to lose. Returns the interactions
 * made, in the order of `ids`.
 */
export async function fileInboxNotes(ids: string[], customerId: string, now = Date.now()): Promise<Interaction[]> {
  return fileNotes([...new Set(ids)], customerId, now, false);
}
