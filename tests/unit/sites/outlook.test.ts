// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import adapter from '../../../lib/sites/outlook';
import type { Extracted } from '../../../lib/sites/types';
import { savedPages } from './saved-pages';

const ctx = { customerCodePattern: '' };
const load = savedPages('outlook');
const none: Extracted = { identifiers: [], names: [] };
const sender = (value: string) => ({ kind: 'email', value, role: 'sender' }) as const;
const recipient = (value: string) => ({ kind: 'email', value, role: 'recipient' }) as const;
const mobile = (value: string) => ({ kind: 'mobile', value, role: 'text' }) as const;
const OWNER = 'li.ming@bank-demo.example';

describe('outlook adapter', () => {
  it.each([
    ['https://outlook.office.com/mail/', true],
    ['https://outlook.office.com/mail/inbox/id/AAQkADk2MWU3NjQ1', true],
    ['https://outlook.office.com/mail/deeplink/compose', true],
    ['https://outlook.office365.com/mail/sentitems/id/AAQk', true],
    ['https://outlook.live.com/mail/0/inbox', true],
    ['https://outlook.cloud.microsoft/mail/inbox', true],
    ['https://outlook.office.com/calendar/view/week', false],
    ['https://outlook.live.com/owa/', false],
    ['https://outlook.office.com/mailbox', false],
    ['https://outlook.com/mail/', false],
    ['https://login.microsoftonline.com/common/oauth2/authorize', false],
    ['https://mail.google.com/mail/u/0/#inbox', false],
    ['https://mail.qq.com/cgi-bin/readmail?mailid=x', false],
    ['https://exmail.qq.com/cgi-bin/readmail?mailid=x', false],
    ['https://mail.163.com/js6/main.jsp', false],
  ])('matches %s → %s', (url, yes) => {
    expect(adapter.matches(new URL(url))).toBe(yes);
  });

  it('asks for every Outlook host together', () => {
    expect(adapter.origins).toEqual([
      'https://outlook.office.com/*',
      'https://outlook.office365.com/*',
      'https://outlook.live.com/*',
      'https://outlook.cloud.microsoft/*',
    ]);
  });

  it.each<[string, Extracted]>([
    ['message.html', { identifiers: [sender('finance@hnjm-mfg.com'), mobile('19332605722')], names: ['马娟'] }],
    ['message-display-name.html', { identifiers: [sender('laochen_yanjiu@163.com'), mobile('13798765432')], names: ['老陈烟酒'] }],
    // The manager's own message, and his mobile quoted under #divRplyFwdMsg, are left out.
    [
      'thread-owner-reply.html',
      { identifiers: [sender('lai.junming@hnjm-mfg.com'), sender('finance@hnjm-mfg.com'), mobile('19332605722')], names: ['赖军明', '马娟'] },
    ],
    ['sent-message.html', { identifiers: [recipient('finance@hnjm-mfg.com')], names: [] }],
    [
      'reply.html',
      { identifiers: [sender('finance@hnjm-mfg.com'), mobile('19332605722'), recipient('lai.junming@hnjm-mfg.com')], names: ['马娟', '赖军明'] },
    ],
    [
      'compose.html',
      {
        identifiers: [recipient('zengpengchun97@163.com'), recipient('huxia69@126.com'), recipient('tianxintao71@qq.com')],
        names: ['曾鹏春', '胡霞'],
      },
    ],
    ['inbox.html', none],
  ])('extracts %s', (file, expected) => {
    expect(adapter.extract(load(file), ctx)).toEqual(expected);
  });

  it('learns the owner from the folder tree; without it the manager counts as a sender', () => {
    const doc = load('thread-owner-reply.html');
    expect(doc.querySelector('[id^="primaryMailboxRoot_"]')!.getAttribute('data-folder-name')).toBe(OWNER);
    doc.querySelector('[id^="primaryMailboxRoot_"]')!.remove();
    expect(adapter.extract(doc, ctx).identifiers).toContainEqual(sender(OWNER));
  });

  it('reads a typed recipient from an input well by its live value, and never the owner', () => {
    const doc = load('compose.html');
    const cc = doc.querySelector('[role="group"][id$="_CC"] [contenteditable]')!;
    cc.textContent = '';
    cc.insertAdjacentHTML('beforeend', '<input type="text" aria-label="Cc" value="">');
    cc.querySelector('input')!.value = `王芳 <Wang.Fang@Example.COM>; ${OWNER}`;
    expect(adapter.extract(doc, ctx).identifiers).toEqual([
      recipient('zengpengchun97@163.com'),
      recipient('huxia69@126.com'),
      recipient('wang.fang@example.com'),
    ]);
  });

  it('reads the sender from a localized aria-label even if the hashed class changes', () => {
    const doc = load('message.html');
    const from = doc.querySelector('span.o4zjZ')!;
    from.className = 'x1y2z';
    from.setAttribute('aria-label', '发件人: finance@hnjm-mfg.com');
    expect(adapter.extract(doc, ctx).identifiers[0]).toEqual(sender('finance@hnjm-mfg.com'));
  });

  it('ignores the mail list even without a reading pane', () => {
    const doc = load('inbox.html');
    doc.querySelector('#ReadingPaneContainerId')!.remove();
    expect(adapter.extract(doc, ctx)).toEqual(none);
  });

  it.each([
    ['an empty document', ''],
    ['garbage', '<span aria-label="From: nobody"></span><span class="_EType_RECIPIENT_ENTITY" aria-label="Bob"></span><div role="group" id="x_TO"></div>'],
    ['a plain page', '<p>finance@hnjm-mfg.com 193-3260-5722</p>'],
  ])('%s yields nothing', (_, html) => {
    expect(adapter.extract(new DOMParser().parseFromString(html, 'text/html'), ctx)).toEqual(none);
  });

  it('never throws', () => {
    const broken = { querySelector: () => { throw new Error('boom'); } } as unknown as Document;
    expect(adapter.extract(broken, ctx)).toEqual(none);
  });

  it('watches the reading pane, where messages, replies and new mail render', () => {
    expect((adapter.watchRoot!(load('message.html')) as Element).id).toBe('ReadingPaneContainerId');
    expect(adapter.watchRoot!(new DOMParser().parseFromString('<p></p>', 'text/html'))).toBeNull();
  });
});
