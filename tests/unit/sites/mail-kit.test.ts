// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { addressIn, bodyText, collector, displayName, freshText, mobilesIn } from '../../../lib/sites/mail-kit';

const ctx = { customerCodePattern: '' };
const html = (body: string) => new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html').body;
const OWNER = 'me@bank-demo.example';

describe('collector', () => {
  it('keeps each identifier once, by kind and value', () => {
    const out = collector();
    expect(out.add('email', 'a@shop.example', 'sender')).toBe(true);
    expect(out.add('email', 'a@shop.example', 'recipient')).toBe(false);
    out.add('mobile', '13800138000', 'text');
    out.add('mobile', '13800138000', 'text');
    out.add('email', '', 'recipient');
    expect(out.identifiers).toEqual([
      { kind: 'email', value: 'a@shop.example', role: 'sender' },
      { kind: 'mobile', value: '13800138000', role: 'text' },
    ]);
  });

  it('never keeps the account’s own addresses, nor their names', () => {
    const out = collector([OWNER, null]);
    expect(out.add('email', OWNER, 'sender')).toBe(false);
    out.addPerson({ email: OWNER, name: '李明' }, 'recipient');
    out.addPerson({ email: 'b@shop.example', name: '王芳' }, 'recipient');
    expect(out.identifiers).toEqual([{ kind: 'email', value: 'b@shop.example', role: 'recipient' }]);
    expect(out.names).toEqual(['王芳']);
  });

  it('adds a person’s name once, with their first sighting, and not when it is only the address', () => {
    const out = collector();
    out.addPerson({ email: 'a@shop.example', name: '王芳' }, 'sender');
    out.addPerson({ email: 'a@shop.example', name: 'Wang Fang' }, 'sender');
    out.addPerson({ email: 'b@shop.example', name: 'B@Shop.example' }, 'sender');
    out.addPerson({ email: 'c@shop.example', name: '王芳' }, 'sender');
    out.addName('');
    expect(out.names).toEqual(['王芳']);
    expect(out.identifiers.map((i) => i.value)).toEqual(['a@shop.example', 'b@shop.example', 'c@shop.example']);
  });

  it('names the other party: the senders, or the recipients of the account’s own mail', () => {
    const them = { email: 'a@shop.example', name: '' };
    const to = { email: 'b@shop.example', name: '' };
    const received = collector([OWNER]);
    received.addOtherParty([them, { email: OWNER, name: '' }], [to]);
    expect(received.identifiers).toEqual([{ kind: 'email', value: 'a@shop.example', role: 'sender' }]);
    const sent = collector([OWNER]);
    sent.addOtherParty([{ email: OWNER, name: '' }], [to, { email: OWNER, name: '' }]);
    expect(sent.identifiers).toEqual([{ kind: 'email', value: 'b@shop.example', role: 'recipient' }]);
    const unknown = collector([OWNER]);
    unknown.addOtherParty([{ email: '', name: '王芳' }], [to]);
    expect(unknown.identifiers).toEqual([]);
  });
});

describe('display names', () => {
  it('drops tags and the address, and a name that is only the address', () => {
    expect(displayName(' 王芳 <a@shop.example> ', 'a@shop.example')).toBe('王芳');
    expect(displayName('A@Shop.example', 'a@shop.example')).toBe('');
    expect(displayName('<a@shop.example>', 'a@shop.example')).toBe('');
    expect(displayName(null, 'a@shop.example')).toBe('');
  });

  it('cuts a site’s trailing separator after the tags', () => {
    expect(displayName('王芳<a@shop.example>；', 'a@shop.example', /[;；]\s*$/)).toBe('王芳');
    expect(displayName('王芳;', 'a@shop.example')).toBe('王芳;');
  });
});

describe('addresses', () => {
  it('takes the address out of "Name <addr>", or refuses', () => {
    expect(addressIn('王芳 <A@Shop.example>')).toBe('a@shop.example');
    expect(addressIn('a@shop.example')).toBe('a@shop.example');
    expect(addressIn('王芳')).toBe('');
    expect(addressIn(null)).toBe('');
  });
});

describe('body text and mobiles', () => {
  it('reads mobiles only up to the cap', () => {
    const body = html(`<p>${'x'.repeat(100)} 13800138000</p>`);
    expect(mobilesIn(bodyText(body, 1_000), ctx)).toEqual([{ kind: 'mobile', value: '13800138000', role: 'text' }]);
    expect(mobilesIn(bodyText(body, 100), ctx)).toEqual([]);
    expect(mobilesIn(bodyText(null, 100), ctx)).toEqual([]);
  });

  it('fresh text stops at the quoted mail, by element or by line, and skips styles', () => {
    const body = html('<style>.a{}</style><p>手机 13800138000</p><blockquote>13900139000</blockquote>');
    expect(freshText(body, { max: 1_000, quote: 'blockquote' })).toBe('手机 13800138000\n');
    const plain = html('<p>13800138000</p><p>---- 原始邮件 ----</p><p>13900139000</p>');
    const text = freshText(plain, { max: 1_000, quote: 'blockquote', quoteLine: /-{4,}\s*原始邮件/ });
    expect(mobilesIn(text, ctx).map((m) => m.value)).toEqual(['13800138000']);
  });
});
