import { addInteraction, getCustomer } from '../db/customers';
import { addInboxNote, inboxNoteSummary } from '../db/inbox';
import { newId, type Interaction } from '../model';

/** Where a captured note went: the customer's history, or the inbox to be filed later. */
export type CaptureResult = { savedTo: 'customer'; customerId: string; customerName: string; id: string } | { savedTo: 'inbox'; id: string };

export interface CaptureInput {
  /** The customer chosen in the popup or matched on the tab; none → the inbox. */
  customerId?: string;
  text: string;
  selection?: string;
  pageUrl?: string;
  pageTitle?: string;
  at?: number;
}

/**
 * Quick capture (issue 5), from the popup, the keyboard command (which opens the popup) or the context
 * menu: a note on the customer when one is given, else an unfiled note in the inbox. The page's address
 * and title go with it either way. A customer deleted meanwhile is refused rather than losing the note
 * silently: the caller shows the message and the text stays in the box.
 */
export async function captureNote(input: CaptureInput): Promise<CaptureResult> {
  const at = input.at ?? Date.now();
  const pageUrl = input.pageUrl && /^https?:/i.test(input.pageUrl) ? input.pageUrl.slice(0, 4_000) : undefined;
  const pageTitle = input.pageTitle?.trim().slice(0, 200) || undefined;
  if (input.customerId) {
    const customer = await getCustomer(input.customerId);
    if (!customer) throw new CaptureError('customerGone');
    const note: Interaction = {
      id: newId(),
      customerId: customer.id,
      kind: 'note',
      at,
      // The same text a filed inbox note gets: what the manager wrote, then the selection quoted.
      summary: inboxNoteSummary({ text: input.text, selection: input.selection }),
      pageUrl,
      pageTitle,
      createdAt: at,
    };
    await addInteraction(note);
    return { savedTo: 'customer', customerId: customer.id, customerName: customer.name, id: note.id };
  }
  const note = await addInboxNote({ text: input.text.trim(), selection: input.selection?.trim() || undefined, pageUrl, pageTitle, at });
  return { savedTo: 'inbox', id: note.id };
}

export class CaptureError extends Error {
  constructor(readonly code: 'customerGone' | 'empty') {
    super(code);
  }
}
