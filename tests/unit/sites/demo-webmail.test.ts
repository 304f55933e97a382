// @vitest-environment happy-dom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Backup } from '../../../lib/model/backup';
import adapter from '../../../lib/sites/demo-webmail';
import { savedPages } from './saved-pages';
import { DEMO_SCENARIOS, generateDemoData } from '../../sites/data/generate';

const FIXTURE_NOW = Date.UTC(2025, 10, 24, 16); // as in tests/sites/write-fixtures.ts
const ctx = { customerCodePattern: DEMO_SCENARIOS.customerCodePattern };
const load = savedPages('demo-webmail');
// happy-dom reports each frame it declined to load (some asynchronously); expected here, so kept quiet.
const consoleError = window.console.error.bind(window.console);
vi.spyOn(window.console, 'error').mockImplementation((...args: unknown[]) => {
  if (!String(args[0]).includes('Iframe page loading is disabled')) consoleError(...args);
});
const none = { identifiers: [], names: [] };

let data: Backup;
beforeAll(() => {
  data = generateDemoData({ now: FIXTURE_NOW });
});

describe('demo-webmail adapter', () => {
  it('claims only the demo webmail on local hosts', () => {
    const yes = ['http://127.0.0.1:5178/mail/', 'http://127.0.0.1:5178/mail/#msg=ext-signature', 'http://localhost:1/mail/message/abc', 'http://127.0.0.1/mail'];
    const no = ['http://127.0.0.1:5178/ordering/customers', 'https://mail.example.com/mail/', 'http://127.0.0.1/mailbox', 'http://127.0.0.1/'];
    for (const u of yes) expect(adapter.matches(new URL(u)), u).toBe(true);
    for (const u of no) expect(adapter.matches(new URL(u)), u).toBe(false);
  });

  it("reads a client's message: sender, display name and the mobile in the signature", () => {
    const contact = data.contacts.find((c) => c.id === DEMO_SCENARIOS.mailContactId)!;
    expect(contact.emails).toContain(DEMO_SCENARIOS.mailFromEmail);
    expect(adapter.extract(load('message-client.html'), ctx)).toEqual({
      identifiers: [
        { kind: 'email', value: DEMO_SCENARIOS.mailFromEmail, role: 'sender' },
        { kind: 'mobile', value: contact.mobiles[0], role: 'text' },
      ],
      names: [contact.name],
    });
  });

  it('reads the mobile in the signature of an unknown sender', () => {
    const shop = data.customers.find((c) => c.id === DEMO_SCENARIOS.signatureCustomerId)!;
    expect(shop.mobiles).toContain(DEMO_SCENARIOS.signatureMobile);
    expect(adapter.extract(load('message-signature.html'), ctx)).toEqual({
      identifiers: [
        { kind: 'email', value: DEMO_SCENARIOS.signatureFromEmail, role: 'sender' },
        { kind: 'mobile', value: DEMO_SCENARIOS.signatureMobile, role: 'text' },
      ],
      names: [shop.owner],
    });
  });

  it('reads the shared mobile of the husband-and-wife shops', () => {
    expect(adapter.extract(load('message-ambiguous.html'), ctx).identifiers).toEqual([
      { kind: 'email', value: 'lgq.family@unknown-mail.example', role: 'sender' },
      { kind: 'mobile', value: DEMO_SCENARIOS.ambiguousMobile, role: 'text' },
    ]);
  });

  it('a newsletter yields its sender only (a 400 hotline is no mobile)', () => {
    expect(adapter.extract(load('message-newsletter.html'), ctx)).toEqual({
      identifiers: [{ kind: 'email', value: DEMO_SCENARIOS.unknownSenderEmail, role: 'sender' }],
      names: ['优选商城'],
    });
  });

  it('the inbox yields nothing, with or without a message open', () => {
    expect(adapter.extract(load('inbox.html'), ctx)).toEqual(none);
    expect(adapter.extract(load('inbox-open.html'), ctx)).toEqual(none);
  });

  it('an open reply box yields its recipients', () => {
    expect(adapter.extract(load('reply.html'), ctx)).toEqual({
      identifiers: [{ kind: 'email', value: DEMO_SCENARIOS.mailFromEmail, role: 'recipient' }],
      names: [],
    });
  });

  it('reads what the manager typed, and nothing once the box is closed', () => {
    const doc = load('reply.html');
    const to = doc.querySelector<HTMLInputElement>('input.compose-to')!;
    to.value = 'finance@hnjm-mfg.com, 王芳 <Wang.Fang@Example.COM>；bad-address, finance@hnjm-mfg.com';
    expect(adapter.extract(doc, ctx).identifiers).toEqual([
      { kind: 'email', value: 'finance@hnjm-mfg.com', role: 'recipient' },
      { kind: 'email', value: 'wang.fang@example.com', role: 'recipient' },
    ]);
    doc.querySelector('.compose')!.setAttribute('hidden', '');
    expect(adapter.extract(doc, ctx)).toEqual(none);
  });

  it('watches the message, or the reply box container in the top document', () => {
    expect((adapter.watchRoot!(load('message-client.html')) as Element).className).toBe('mail-view');
    expect((adapter.watchRoot!(load('inbox.html')) as Element).id).toBe('composeHost');
  });
});
