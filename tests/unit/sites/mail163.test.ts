// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import exmail from '../../../lib/sites/exmail';
import adapter from '../../../lib/sites/mail163';
import roundcube from '../../../lib/sites/roundcube';
import type { Extracted } from '../../../lib/sites/types';
import { savedPages } from './saved-pages';

const ctx = { customerCodePattern: '' };
const load = savedPages('mail163');

const none: Extracted = { identifiers: [], names: [] };
const sender = (value: string) => ({ kind: 'email' as const, value, role: 'sender' as const });
const recipient = (value: string) => ({ kind: 'email' as const, value, role: 'recipient' as const });
const mobile = (value: string) => ({ kind: 'mobile' as const, value, role: 'text' as const });
const html = (body: string) => new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');

describe('mail163 adapter', () => {
  const yes = [
    'https://mail.163.com/js6/main.jsp?sid=GAfVlUOm&df=mail163_letter#module=mbox.ListModule%7C%7B%22fid%22%3A1%7D',
    'https://mail.126.com/js6/main.jsp?sid=LBXITQzz&df=mail126_letter',
    'https://mail.yeah.net/js6/main.jsp?sid=abc',
    'https://mail.163.com/js6/read/readhtml.jsp?mid=171:1tbiAQ0OVGdKpr0aFQAAsR&font=15&color=064977',
    'http://mail.163.com/js6/main.jsp?sid=abc',
  ];
  const no = [
    'https://mail.163.com/',
    'https://mail.163.com/index.htm',
    'https://vip.163.com/js6/main.jsp?sid=abc',
    'https://mail.163.com.example.net/js6/main.jsp',
    'https://mail.qq.com/cgi-bin/frame_html?sid=abc',
    'https://exmail.qq.com/cgi-bin/readmail?sid=abc&mailid=x',
    'https://mail.google.com/mail/u/0/#inbox',
    'https://outlook.office.com/mail/inbox',
    'https://webmail.example-isp.cn/?_task=mail&_action=show&_uid=12&_mbox=INBOX',
    'http://127.0.0.1:5178/mail/',
    'http://localhost:5178/ordering/customers',
  ];
  it.each(yes)('claims %s', (u) => {
    expect(adapter.matches(new URL(u))).toBe(true);
    expect(exmail.matches(new URL(u)), 'exmail also claims it').toBe(false);
    expect(roundcube.matches(new URL(u)), 'roundcube also claims it').toBe(false);
  });
  it.each(no)('leaves %s', (u) => expect(adapter.matches(new URL(u))).toBe(false));

  it('asks for the three hosts of the NetEase client together', () => {
    expect(adapter.origins).toEqual(['https://mail.163.com/*', 'https://mail.126.com/*', 'https://mail.yeah.net/*']);
  });

  const pages: [string, Extracted][] = [
    ['inbox.html', none],
    ['read.html', { identifiers: [sender('finance@hnjm-mfg.com')], names: ['马娟'] }],
    ['read-nickname.html', { identifiers: [sender('laochen_yanjiu@163.com')], names: ['陈老板'] }],
    ['read-sent.html', { identifiers: [recipient('lai.junming@hnjm-mfg.com')], names: ['赖军明'] }],
    ['compose.html', { identifiers: [recipient('finance@hnjm-mfg.com'), recipient('lai.junming@hnjm-mfg.com')], names: [] }],
    ['read-body.html', { identifiers: [mobile('19332605722')], names: [] }],
    ['read-body-short.html', none],
  ];
  it.each(pages)('reads %s', (file, expected) => expect(adapter.extract(load(file), ctx)).toEqual(expected));

  it('reports the account as sender only where the page does not name the account', () => {
    const doc = load('read-sent.html');
    doc.querySelector('#spnUid')!.textContent = '';
    expect(adapter.extract(doc, ctx)).toEqual({ identifiers: [sender('liming_bank@163.com')], names: ['李明'] });
  });

  it('reads what is being typed into the To field (the value, not the attribute), without the account', () => {
    const doc = load('compose.html');
    const input = doc.querySelector<HTMLInputElement>('input.nui-editableAddr-ipt')!;
    input.value = '王芳 <Wang.Fang@Example.COM>；liming_bank@163.com, finance@hnjm-mfg.com';
    expect(input.getAttribute('value')).toBe('');
    expect(adapter.extract(doc, ctx).identifiers).toEqual([
      recipient('finance@hnjm-mfg.com'),
      recipient('lai.junming@hnjm-mfg.com'),
      recipient('wang.fang@example.com'),
    ]);
  });

  it('reads the tab in front: switching to the read tab behind the compose tab shows its sender', () => {
    const doc = load('compose.html');
    doc.querySelector('[id="_dvModuleContainer_compose.ComposeModule_2"]')!.setAttribute('style', 'display: none;');
    doc.querySelector('[id="_dvModuleContainer_read.ReadModule_1"]')!.setAttribute('style', '');
    expect(adapter.extract(doc, ctx)).toEqual({ identifiers: [sender('mo.yulei@htongfs-apparel.com')], names: ['莫玉磊'] });
  });

  it('reports each other sender of a conversation once, never the account', () => {
    const doc = load('read.html');
    const first = doc.querySelector('#ulFull')!;
    const withSender = (name: string, email: string) => {
      const copy = first.cloneNode(true) as Element;
      copy.querySelector('.nui-addr-name')!.textContent = name;
      copy.querySelector('.nui-addr-email')!.textContent = `<${email}>`;
      first.parentElement!.append(copy);
    };
    withSender('李明', 'liming_bank@163.com');
    withSender('赖军明', 'lai.junming@hnjm-mfg.com');
    withSender('马娟', 'Finance@HNJM-mfg.com');
    expect(adapter.extract(doc, ctx)).toEqual({
      identifiers: [sender('finance@hnjm-mfg.com'), sender('lai.junming@hnjm-mfg.com')],
      names: ['马娟', '赖军明'],
    });
  });

  it('reads a body shown inside the read tab itself', () => {
    const doc = load('read.html');
    const body = doc.createElement('div');
    body.className = 'netease_mail_readhtml';
    body.textContent = '老陈 手机 137-9876-5432';
    doc.querySelector('iframe.oD0')!.replaceWith(body);
    expect(adapter.extract(doc, ctx).identifiers).toEqual([sender('finance@hnjm-mfg.com'), mobile('13798765432')]);
  });

  it.each([
    ['an empty document', ''],
    ['a tab with no header', '<div id="_dvModuleContainer_read.ReadModule_0"><p>加载中…</p></div>'],
    ['a header without addresses', '<div id="_dvModuleContainer_read.ReadModule_0"><ul id="ulFull"><li class="fS"><div class="fT">发件人：</div><div class="fU">???</div></li></ul></div>'],
    ['a broken address', '<div id="_dvModuleContainer_read.ReadModule_0"><ul id="ulFull"><li class="fS"><div class="fT">发件人：</div><div class="fU"><div class="js-component-addr nui-addr"><span class="nui-addr-email">&lt;not-an-address&gt;</span></div></div></li></ul></div>'],
    ['a chip without an address', '<div id="_dvModuleContainer_compose.ComposeModule_0"><div class="js-component-emailcontainer"><div class="nui-addr" title=""><em class="nui-addr-email"></em></div><input></div></div>'],
  ])('yields nothing for %s', (_, body) => expect(adapter.extract(html(body), ctx)).toEqual(none));

  it('watches the tab container of the client, and the body of the body frame', () => {
    expect((adapter.watchRoot!(load('read.html')) as Element).id).toBe('dvContainer');
    expect((adapter.watchRoot!(load('read-body.html')) as Element).id).toBe('content');
    expect(adapter.watchRoot!(html(''))).toBeNull();
  });
});
