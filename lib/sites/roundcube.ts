import { addressIn, bodyText, collector, emailsIn, mobilesIn, ownAddressesUp, safely, type Person } from './mail-kit';
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
// The whole #messagebody is read, quotes included (no fresh-text walk), and a signature sits at the end of a
// mail: 60,000 characters reach it in all but newsletters, which are cut here to keep one scan cheap.
const MAX_BODY = 60_000;

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

/** The account: its login where the list (around a preview frame) shows it, and every identity it can send as. */
const ownAddresses = (doc: Document) =>
  ownAddressesUp(doc, (d) => [
    d.querySelector('.header-title.username')?.textContent,
    d.querySelector<HTMLInputElement>('input#_from')?.value,
    ...[...d.querySelectorAll('select#_from option')].map((option) => option.textContent),
  ]);

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
  const out = collector(own);
  out.addOtherParty(from, recipients);
  const mobiles = mobilesIn(bodyText(doc.querySelector('#messagebody'), MAX_BODY), ctx);
  return { identifiers: [...out.identifiers, ...mobiles], names: out.names };
}

/** Compose / reply: chips, the text still being typed (`.value`), and the field's own value. */
function readCompose(fields: Element[], own: Set<string>): Extracted {
  const out = collector(own);
  const add = (p: Person) => out.addPerson(p, 'recipient');
  for (const field of fields) {
    for (const chip of field.querySelectorAll('.recipient-input .recipient')) {
      const name = (chip.querySelector('.name')?.textContent ?? '').trim();
      const email =
        addressIn(chip.getAttribute('title')) || addressIn(chip.querySelector('.email')?.textContent?.replace(/,\s*$/, '')) || addressIn(name);
      add({ email, name });
    }
    const boxes = field.matches('input, textarea') ? [field] : [...field.querySelectorAll('input, textarea')];
    for (const box of boxes as (HTMLInputElement | HTMLTextAreaElement)[]) {
      for (const email of emailsIn(box.value)) add({ email, name: '' });
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
  extract: safely((doc, ctx) => {
    const header = doc.querySelector('#message-header');
    if (header) return readMessage(doc, header, ownAddresses(doc), ctx);
    const fields = FIELDS.flatMap((sel) => doc.querySelector(sel) ?? []);
    // Without the elastic wrappers (another skin), the fields themselves.
    if (!fields.length) fields.push(...doc.querySelectorAll('textarea#_to, textarea#_cc, textarea#_bcc'));
    if (fields.length) return readCompose(fields, ownAddresses(doc));
  }),
};
export default adapter;
