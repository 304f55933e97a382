import { detectIdentifiers } from '../match/detect';
import { normaliseEmail } from '../match/identifiers';
import type { PageIdentifier } from '../model/match';
import type { Extracted, ExtractContext, SiteAdapter } from './types';

/**
 * Roundcube (elastic skin), self-hosted on any host, so it is told by its address: `?_task=mail` with
 * `_action` show (a whole page), preview (the message in the list's `iframe#messagecontframe`), compose,
 * or none (the list). The sources of each selector are named in tests/fixtures/sites/roundcube/*.html.
 * - message: `#message-header` has `table.header-headers` with cells `td.header.from` / `.to` / `.cc`, each
 *   address a `span.adr` > `a.rcmContactAddress` (address in `title` and `href="mailto:…"`, text the name;
 *   with `message_show_email` the text is "Name <addr>" and there is no title). `.header-summary` repeats
 *   From, or To in the Sent and Drafts folders. Body: `#messagebody`;
 * - compose: `#compose_to/_cc/_bcc` hold the hidden `textarea#_to` (its value is the whole field) and the
 *   widget `ul.recipient-input` of `li.recipient` (title "Name <addr>", `span.name`, `span.email`) plus the
 *   `input` being typed in. The account's identities are the options of `select#_from`;
 * - the list page shows the login in `#layout-sidebar .header-title.username`.
 */
const ACTIONS = new Set(['', 'show', 'preview', 'compose', 'list']);
/** Webmails with adapters of their own (or no Roundcube): never claimed, whatever their query says. */
const OTHER_WEBMAIL = /(^|\.)(qq\.com|163\.com|126\.com|yeah\.net|google\.com|live\.com|outlook\.com|office\.com|office365\.com)$/i;
const isDemo = (url: URL) =>
  (url.hostname === '127.0.0.1' || url.hostname === 'localhost') && /^\/(mail|ordering)(\/|$)/.test(url.pathname);
const FIELDS = ['#compose_to', '#compose_cc', '#compose_bcc'];
const MAX_BODY = 60_000;
const EMAIL = /^[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[a-z]{2,}$/i;

interface Person {
  email: string;
  name: string;
}

function addressIn(raw: string | null | undefined): string {
  if (!raw) return '';
  const email = normaliseEmail(/<([^<>]+)>/.exec(raw)?.[1] ?? raw);
  return EMAIL.test(email) ? email : '';
}

function addressesIn(text: string): string[] {
  return detectIdentifiers(text).flatMap((d) => (d.kind === 'email' ? [d.value] : []));
}

function fromMailto(href: string | null): string {
  if (!href || !/^mailto:/i.test(href)) return '';
  try {
    return addressIn(decodeURIComponent(href.slice(7).split('?')[0]));
  } catch {
    return '';
  }
}

/** One `span.adr`: the address from title, href or text; the name is the text without any "<addr>". */
function personIn(adr: Element): Person {
  const link = adr.querySelector('.rcmContactAddress');
  const text = (link ?? adr).textContent?.trim() ?? '';
  const email = addressIn(link?.getAttribute('title')) || fromMailto(link?.getAttribute('href') ?? null) || addressIn(text);
  const name = text.replace(/<[^<>]*>\s*$/, '').trim().replace(/^"(.*)"$/, '$1');
  return { email, name };
}

/** This frame's document and those of the frames above it that share its origin (the list around a preview). */
function documentsUp(doc: Document): Document[] {
  const docs = [doc];
  let win: Window | null = doc.defaultView;
  try {
    while (win?.parent && win.parent !== win && docs.length < 4) {
      win = win.parent;
      docs.push(win.document); // throws for a frame of another origin
    }
  } catch {
    // Cross-origin parent: what this frame shows is all there is.
  }
  return docs;
}

/** The account: its login where the list shows it, and every identity it can send as. */
function ownAddresses(doc: Document): Set<string> {
  const own = new Set<string>();
  for (const d of documentsUp(doc)) {
    const found = [d.querySelector('.header-title.username')?.textContent, d.querySelector<HTMLInputElement>('input#_from')?.value];
    for (const option of d.querySelectorAll('select#_from option')) found.push(option.textContent);
    for (const raw of found) {
      const email = addressIn(raw);
      if (email) own.add(email);
    }
  }
  return own;
}

function mobilesIn(el: Element | null | undefined, ctx: ExtractContext): PageIdentifier[] {
  const text = (el?.textContent ?? '').slice(0, MAX_BODY);
  if (!text) return [];
  return detectIdentifiers(text, { customerCodePattern: ctx.customerCodePattern }).flatMap((d) =>
    d.kind === 'mobile' ? [{ kind: 'mobile' as const, value: d.value, role: 'text' as const }] : [],
  );
}

function collector() {
  const identifiers: PageIdentifier[] = [];
  const names: string[] = [];
  const seen = new Set<string>();
  return {
    identifiers,
    names,
    add(p: Person, role: PageIdentifier['role']) {
      if (!p.email || seen.has(p.email)) return;
      seen.add(p.email);
      identifiers.push({ kind: 'email', value: p.email, role });
      if (p.name && normaliseEmail(p.name) !== p.email && !names.includes(p.name)) names.push(p.name);
    },
  };
}

function readMessage(doc: Document, header: Element, own: Set<string>, ctx: ExtractContext): Extracted {
  const people = (cell: string) =>
    [...header.querySelectorAll(`.header-headers .header.${cell} .adr`)].map(personIn).filter((p) => p.email);
  const from = people('from');
  const recipients = [...people('to'), ...people('cc')];
  // The summary line names the recipient instead of the sender only in the Sent and Drafts folders:
  // then the sender is the account itself (this also works where nothing else names the account).
  const summary = header.querySelector('.header-summary .adr');
  const summarised = summary ? personIn(summary).email : '';
  if (summarised && !from.some((p) => p.email === summarised) && recipients.some((p) => p.email === summarised)) {
    for (const p of from) own.add(p.email);
  }
  const out = collector();
  const others = from.filter((p) => !own.has(p.email));
  if (others.length) for (const p of others) out.add(p, 'sender');
  else if (from.length) for (const p of recipients) if (!own.has(p.email)) out.add(p, 'recipient');
  return { identifiers: [...out.identifiers, ...mobilesIn(doc.querySelector('#messagebody'), ctx)], names: out.names };
}

/** Compose / reply: chips, the text still being typed (`.value`), and the field's own value. */
function readCompose(fields: Element[], own: Set<string>): Extracted {
  const out = collector();
  const add = (p: Person) => !own.has(p.email) && out.add(p, 'recipient');
  for (const field of fields) {
    for (const chip of field.querySelectorAll('.recipient-input .recipient')) {
      const name = (chip.querySelector('.name')?.textContent ?? '').trim();
      const email =
        addressIn(chip.getAttribute('title')) || addressIn(chip.querySelector('.email')?.textContent?.replace(/,\s*$/, '')) || addressIn(name);
      add({ email, name });
    }
    const boxes = field.matches('input, textarea') ? [field] : [...field.querySelectorAll('input, textarea')];
    for (const box of boxes as (HTMLInputElement | HTMLTextAreaElement)[]) {
      for (const email of addressesIn(box.value)) add({ email, name: '' });
    }
  }
  return { identifiers: out.identifiers, names: out.names };
}

const adapter: SiteAdapter = {
  id: 'roundcube',
  matches(url) {
    if (OTHER_WEBMAIL.test(url.hostname) || /^outlook\./i.test(url.hostname) || isDemo(url)) return false;
    return url.searchParams.get('_task') === 'mail' && ACTIONS.has(url.searchParams.get('_action') ?? '');
  },
  watchRoot: (doc) => doc.querySelector('#compose-headers') ?? doc.querySelector('#layout-content'),
  extract(doc, ctx): Extracted {
    try {
      const header = doc.querySelector('#message-header');
      if (header) return readMessage(doc, header, ownAddresses(doc), ctx);
      const fields = FIELDS.flatMap((sel) => doc.querySelector(sel) ?? []);
      // Without the elastic wrappers (another skin), the fields themselves.
      if (!fields.length) fields.push(...doc.querySelectorAll('textarea#_to, textarea#_cc, textarea#_bcc'));
      if (fields.length) return readCompose(fields, ownAddresses(doc));
    } catch {
      // Unexpected markup: better nothing than a broken content script.
    }
    return { identifiers: [], names: [] };
  },
};
export default adapter;
