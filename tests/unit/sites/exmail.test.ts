// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import adapter from '../../../lib/sites/exmail';
import mail163 from '../../../lib/sites/mail163';
import roundcube from '../../../lib/sites/roundcube';
import type { Extracted } from '../../../lib/sites/types';
import { savedPages } from './saved-pages';

const ctx = { customerCodePattern: '' };
const load = savedPages('exmail');

const none: Extracted = { identifiers: [], names: [] };
const sender = (value: string) => ({ kind: 'email' as const, value, role: 'sender' as const });
const recipient = (value: string) => ({ kind: 'email' as const, value, role: 'recipient' as const });
const mobile = (value: string) => ({ kind: 'mobile' as const, value, role: 'text' as const });
const html = (body: string) => new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');

/** Makes `frame` a same-origin frame of `top`, as iframe#mainFrame is in frame_html. */
function inFrame(frame: Document, top: Document | (() => Document)): Document {
  const parent = typeof top === 'function' ? { get document() { return top(); }, parent: null } : { document: top, parent: null };
  Object.defineProperty(frame, 'defaultView', { configurable: true, value: { parent } });
  return frame;
}

describe('exmail adapter', () => {
  const yes = [
    'https://exmail.qq.com/cgi-bin/frame_html?sid=Xk3Ja0Ul8wfqGQ3p&r=9c41d7e20b8f6a35',
    'https://exmail.qq.com/cgi-bin/readmail?sid=Xk3Ja0Ul8wfqGQ3p&mailid=ZC1124-laochen01&t=readmail&folderid=1',
    'https://exmail.qq.com/cgi-bin/readtemplate?sid=Xk3Ja0Ul8wfqGQ3p&t=compose&s=reply_all',
    'https://exmail.qq.com/cgi-bin/mail_list?sid=Xk3Ja0Ul8wfqGQ3p&folderid=1&page=0',
  ];
  const no = [
    'https://exmail.qq.com/',
    'https://exmail.qq.com/login',
    'https://mail.qq.com/cgi-bin/frame_html?sid=abc',
    'https://mail.qq.com/cgi-bin/readmail?sid=abc&mailid=x',
    'https://exmail.qq.com.example.net/cgi-bin/readmail',
    'https://mail.163.com/js6/main.jsp?sid=abc',
    'https://mail.google.com/mail/u/0/#inbox',
    'https://outlook.live.com/mail/0/',
    'https://webmail.example-isp.cn/?_task=mail&_action=show&_uid=12&_mbox=INBOX',
    'http://127.0.0.1:5178/mail/message/abc',
    'http://localhost:5178/ordering/orders/DD1',
  ];
  it.each(yes)('claims %s', (u) => {
    expect(adapter.matches(new URL(u))).toBe(true);
    expect(mail163.matches(new URL(u)), 'mail163 also claims it').toBe(false);
    expect(roundcube.matches(new URL(u)), 'roundcube also claims it').toBe(false);
  });
  it.each(no)('leaves %s', (u) => expect(adapter.matches(new URL(u))).toBe(false));

  it('asks for its one host', () => expect(adapter.origins).toEqual(['https://exmail.qq.com/*']));

  const pages: [string, Extracted][] = [
    ['frame.html', none],
    ['frame-read.html', none],
    ['frame-sent.html', none],
    ['frame-compose.html', none],
    ['mail_list.html', none],
    ['readmail.html', { identifiers: [sender('laochen_yanjiu@163.com'), mobile('13798765432')], names: ['老陈'] }],
    // Read alone nothing names the account, so it stands as the sender (see the framed case below).
    ['readmail-sent.html', { identifiers: [sender('li.ming@bank-demo.example')], names: ['李明'] }],
    ['compose.html', { identifiers: [recipient('finance@hnjm-mfg.com'), recipient('lai.junming@hnjm-mfg.com')], names: ['马娟', '赖军明'] }],
  ];
  it.each(pages)('reads %s', (file, expected) => expect(adapter.extract(load(file), ctx)).toEqual(expected));

  it('learns the account from the top frame: its own mail names the client it went to', () => {
    const doc = inFrame(load('readmail-sent.html'), load('frame-sent.html'));
    expect(adapter.extract(doc, ctx)).toEqual({ identifiers: [recipient('lai.junming@hnjm-mfg.com')], names: ['赖军明'] });
  });

  it('reads the frame alone when the top frame cannot be read', () => {
    const doc = inFrame(load('readmail.html'), () => {
      throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
    });
    expect(adapter.extract(doc, ctx).identifiers[0]).toEqual(sender('laochen_yanjiu@163.com'));
  });

  it('reads what is being typed (the value, not the attribute) and the hidden field, without the account', () => {
    const doc = load('compose.html');
    const typing = doc.querySelector<HTMLInputElement>('#bccAreaCtrl input.js_input')!;
    typing.value = '王芳 <Wang.Fang@Example.COM>; li.ming@bank-demo.example';
    expect(typing.getAttribute('value')).toBe('');
    (doc.querySelector('textarea#to') as HTMLTextAreaElement).value += '; mo.yulei@htongfs-apparel.com';
    expect(adapter.extract(doc, ctx).identifiers).toEqual([
      recipient('finance@hnjm-mfg.com'),
      recipient('lai.junming@hnjm-mfg.com'),
      recipient('wang.fang@example.com'),
      recipient('mo.yulei@htongfs-apparel.com'),
    ]);
  });

  it('leaves out a chip of the account itself', () => {
    const doc = load('compose.html');
    doc.querySelector('#ccAreaCtrl .addr_base')!.setAttribute('addr', 'Li.Ming@bank-demo.example');
    (doc.querySelector('textarea#cc') as HTMLTextAreaElement).value = '"李明"<Li.Ming@bank-demo.example>';
    expect(adapter.extract(doc, ctx).identifiers).toEqual([recipient('finance@hnjm-mfg.com')]);
  });

  it('reports each other sender of a conversation once', () => {
    const doc = inFrame(load('readmail.html'), load('frame.html'));
    const info = doc.querySelector('.readmailinfo')!;
    const again = (email: string, name: string) => {
      const copy = info.cloneNode(true) as Element;
      const person = copy.querySelector('[e]')!;
      person.setAttribute('e', email);
      person.setAttribute('n', name);
      info.parentElement!.insertBefore(copy, doc.getElementById('contentDiv'));
    };
    again('li.ming@bank-demo.example', '李明');
    again('wu.xiulan@jiale-shop.example', '吴秀兰');
    again('LaoChen_yanjiu@163.com', '老陈');
    expect(adapter.extract(doc, ctx)).toEqual({
      identifiers: [sender('laochen_yanjiu@163.com'), sender('wu.xiulan@jiale-shop.example'), mobile('13798765432')],
      names: ['老陈', '吴秀兰'],
    });
  });

  it('reads the English header, whose label and colon are separate .addrtitle spans', () => {
    const doc = html(`<div id="mainmail"><div class="readmailinfo"><table><tbody><tr><td class="settingtable txt_left">
      <span class="myWidth addrtitle">Sender</span><span class="addrtitle">：</span><span><span e="laochen_yanjiu@163.com" n="Lao Chen"><b class="grn">Lao Chen</b></span></span>
      </td></tr></tbody></table></div></div>`);
    expect(adapter.extract(doc, ctx)).toEqual({ identifiers: [sender('laochen_yanjiu@163.com')], names: ['Lao Chen'] });
  });

  it('falls back on #tipFromAddr_readmail when no label precedes the sender', () => {
    const doc = html('<span n="老陈"><b class="grn">老陈</b><b class="tcolor" id="tipFromAddr_readmail" fromaddr="laochen_yanjiu@163.com">&lt;laochen_yanjiu@163.com&gt;</b></span>');
    expect(adapter.extract(doc, ctx)).toEqual({ identifiers: [sender('laochen_yanjiu@163.com')], names: ['老陈'] });
  });

  it.each([
    ['an empty document', ''],
    ['a label with nobody after it', '<span class="addrtitle">发件人：</span><span>未知</span>'],
    ['a person without a valid address', '<span class="addrtitle">发件人：</span><span e="nobody" n="谁">谁</span>'],
    ['an empty compose field', '<div id="toAreaCtrl" class="div_txt"><div class="addr_text"><input class="js_input"></div></div>'],
    ['a chip with garbage', '<div id="toAreaCtrl"><div class="addr_base addr_error" addr="&lt;&gt;@@"><b>??</b></div></div>'],
  ])('yields nothing for %s', (_, body) => expect(adapter.extract(html(body), ctx)).toEqual(none));

  it('watches the recipient fields while composing and the mail otherwise', () => {
    expect((adapter.watchRoot!(load('compose.html')) as Element).tagName).toBe('TBODY');
    expect((adapter.watchRoot!(load('readmail.html')) as Element).id).toBe('mainmail');
    expect(adapter.watchRoot!(load('frame.html'))).toBeNull();
  });
});
