// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import adapter from '../../../lib/sites/gmail';
import type { Extracted } from '../../../lib/sites/types';
import { savedPages } from './saved-pages';

const ctx = { customerCodePattern: '' };
const load = savedPages('gmail');
const none: Extracted = { identifiers: [], names: [] };
const sender = (value: string) => ({ kind: 'email', value, role: 'sender' }) as const;
const recipient = (value: string) => ({ kind: 'email', value, role: 'recipient' }) as const;
const mobile = (value: string) => ({ kind: 'mobile', value, role: 'text' }) as const;
const OWNER = 'li.ming@bank-demo.example';

describe('gmail adapter', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', true],
    ['https://mail.google.com/mail/u/1/#inbox/FMfcgzQcqbVxRmTnKwLdJhPsFbZxWgCk', true],
    ['https://mail.google.com/mail/?ui=2&view=btop', true],
    ['https://mail.google.com/mail', true],
    ['https://mail.google.com/chat/u/0/', false],
    ['https://mail.google.com/', false],
    ['https://mail.google.com/mailbox', false],
    ['https://google.com/mail/u/0/', false],
    ['https://accounts.google.com/ServiceLogin?service=mail', false],
    ['https://outlook.office.com/mail/inbox', false],
    ['https://mail.qq.com/cgi-bin/frame_html?sid=x', false],
    ['https://exmail.qq.com/cgi-bin/frame_html?sid=x', false],
    ['https://mail.163.com/js6/main.jsp', false],
    ['https://mail.126.com/js6/main.jsp', false],
  ])('matches %s → %s', (url, yes) => {
    expect(adapter.matches(new URL(url))).toBe(yes);
  });

  it('asks for Gmail only', () => {
    expect(adapter.origins).toEqual(['https://mail.google.com/*']);
  });

  it.each<[string, Extracted]>([
    ['message.html', { identifiers: [sender('finance@hnjm-mfg.com'), mobile('19332605722')], names: ['马娟'] }],
    ['message-display-name.html', { identifiers: [sender('laochen_yanjiu@163.com'), mobile('13798765432')], names: ['老陈烟酒'] }],
    // The manager's message and his mobile (in his signature, and quoted by the client) are left out.
    [
      'thread-owner-reply.html',
      { identifiers: [sender('lai.junming@hnjm-mfg.com'), sender('finance@hnjm-mfg.com'), mobile('19332605722')], names: ['赖军明', '马娟'] },
    ],
    ['sent-message.html', { identifiers: [recipient('finance@hnjm-mfg.com')], names: [] }],
    [
      'reply.html',
      { identifiers: [sender('finance@hnjm-mfg.com'), mobile('19332605722'), recipient('lai.junming@hnjm-mfg.com')], names: ['马娟', '赖军明'] },
    ],
    ['compose.html', { identifiers: [recipient('zengpengchun97@163.com'), recipient('huxia69@126.com')], names: ['曾鹏春', '胡霞'] }],
    ['inbox.html', none],
    ['inbox-2014-inboxsdk.html', none],
  ])('extracts %s', (file, expected) => {
    expect(adapter.extract(load(file), ctx)).toEqual(expected);
  });

  it('reads the owner from the page title and excludes him wherever he appears', () => {
    const doc = load('thread-owner-reply.html');
    expect(doc.title).toContain(OWNER);
    // Without the title the adapter cannot tell, and the manager counts as one more sender.
    doc.title = 'Re: 年度授信方案沟通';
    expect(adapter.extract(doc, ctx).identifiers).toContainEqual(sender(OWNER));
    // The Google account button is the second place the address shows.
    doc.body.insertAdjacentHTML(
      'afterbegin',
      `<a aria-label="Google Account: 李明 (${OWNER})" href="https://accounts.google.com/SignOutOptions?hl=en" role="button"></a>`,
    );
    expect(adapter.extract(doc, ctx).identifiers).not.toContainEqual(sender(OWNER));
  });

  it('reads what the manager typed into the To input (its live value), minus his own address', () => {
    const doc = load('compose.html');
    const to = doc.querySelector<HTMLInputElement>('div[name="to"] input.agP')!;
    expect(to.getAttribute('value')).toBeNull();
    to.value = `Tian Xintao <TianXinTao71@QQ.com>, huxia69@126.com, ${OWNER}, not-an-address`;
    expect(adapter.extract(doc, ctx).identifiers).toEqual([
      recipient('zengpengchun97@163.com'),
      recipient('huxia69@126.com'),
      recipient('tianxintao71@qq.com'),
    ]);
  });

  it('closing the reply box leaves only the message', () => {
    const doc = load('reply.html');
    doc.querySelector('[data-compose-id]')!.remove();
    expect(adapter.extract(doc, ctx)).toEqual({ identifiers: [sender('finance@hnjm-mfg.com'), mobile('19332605722')], names: ['马娟'] });
  });

  it('still finds the sender when the message container markup changes', () => {
    const doc = load('message.html');
    for (const m of doc.querySelectorAll('div.adn')) m.classList.remove('adn');
    expect(adapter.extract(doc, ctx).identifiers).toEqual([sender('finance@hnjm-mfg.com')]);
  });

  it.each([
    ['an empty document', ''],
    ['garbage', '<div class="adn"><h3 class="iw"><span email="not an address" name=""></span></h3><div class="a3s"></div></div><div data-compose-id><div role="option" data-hovercard-id="x"></div></div>'],
    ['a plain page', '<p>finance@hnjm-mfg.com 193-3260-5722</p>'],
  ])('%s yields nothing', (_, html) => {
    expect(adapter.extract(new DOMParser().parseFromString(html, 'text/html'), ctx)).toEqual(none);
  });

  it('never throws', () => {
    const broken = { title: 'x', querySelector: () => null, querySelectorAll: () => { throw new Error('boom'); } } as unknown as Document;
    expect(adapter.extract(broken, ctx)).toEqual(none);
  });

  it('watches the whole body: the thread and the compose dock are separate subtrees', () => {
    expect(adapter.watchRoot!(load('message.html'))).toBeNull();
  });
});
