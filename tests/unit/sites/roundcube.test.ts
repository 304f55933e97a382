// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import exmail from '../../../lib/sites/exmail';
import mail163 from '../../../lib/sites/mail163';
import adapter from '../../../lib/sites/roundcube';
import type { Extracted } from '../../../lib/sites/types';
import { savedPages } from './saved-pages';

const ctx = { customerCodePattern: '' };
const load = savedPages('roundcube');

const none: Extracted = { identifiers: [], names: [] };
const sender = (value: string) => ({ kind: 'email' as const, value, role: 'sender' as const });
const recipient = (value: string) => ({ kind: 'email' as const, value, role: 'recipient' as const });
const mobile = (value: string) => ({ kind: 'mobile' as const, value, role: 'text' as const });
const html = (body: string) => new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');

/** Makes `frame` a same-origin frame of `top`, as the preview frame is of the list. */
function inFrame(frame: Document, top: Document): Document {
  Object.defineProperty(frame, 'defaultView', { configurable: true, value: { parent: { document: top, parent: null } } });
  return frame;
}

/** Rewrites one header cell of a message view to name a single person. */
function setHeader(doc: Document, cell: 'from' | 'to' | 'cc', name: string, email: string) {
  doc.querySelector(`#message-header .header-headers .header.${cell}`)!.innerHTML =
    `<span class="adr"><a href="mailto:${email}" class="rcmContactAddress" title="${email}">${name}</a></span>`;
}

describe('roundcube adapter', () => {
  const yes = [
    'https://webmail.example-isp.cn/?_task=mail&_action=show&_uid=12&_mbox=INBOX',
    'https://webmail.example-isp.cn/?_task=mail&_caps=pdf%3D1%2Cflash%3D0&_uid=12&_mbox=INBOX&_framed=1&_action=preview',
    'https://webmail.example-isp.cn/?_task=mail&_action=compose&_id=8316263605ef0a6c11e6a7',
    'https://webmail.example-isp.cn/?_task=mail&_mbox=INBOX',
    'http://mail.bank-demo.example/roundcube/?_task=mail&_mbox=Sent&_uid=31&_action=show',
    'http://localhost:8080/?_task=mail&_action=preview&_uid=3&_mbox=INBOX&_framed=1',
  ];
  const no = [
    'https://webmail.example-isp.cn/',
    'https://webmail.example-isp.cn/?_task=login',
    'https://webmail.example-isp.cn/?_task=addressbook&_action=show&_cid=4',
    'https://webmail.example-isp.cn/?_task=settings&_action=identities',
    'https://webmail.example-isp.cn/?_task=mail&_action=print&_uid=12&_mbox=INBOX',
    'https://webmail.example-isp.cn/?_task=mail&_action=get&_uid=12&_part=2',
    'https://mail.qq.com/cgi-bin/readmail?_task=mail&_action=show',
    'https://exmail.qq.com/cgi-bin/readmail?_task=mail&_action=show',
    'https://mail.163.com/js6/main.jsp?_task=mail',
    'https://mail.126.com/?_task=mail',
    'https://mail.yeah.net/?_task=mail',
    'https://mail.google.com/mail/u/0/?_task=mail',
    'https://outlook.office.com/mail/?_task=mail',
    'https://outlook.live.com/mail/0/?_task=mail',
    'http://127.0.0.1:5178/mail/?_task=mail&_action=show',
    'http://localhost:5178/mail/message/abc?_task=mail',
    'http://127.0.0.1:5178/ordering/orders/DD1?_task=mail',
  ];
  it.each(yes)('claims %s', (u) => {
    expect(adapter.matches(new URL(u))).toBe(true);
    expect(mail163.matches(new URL(u)), 'mail163 also claims it').toBe(false);
    expect(exmail.matches(new URL(u)), 'exmail also claims it').toBe(false);
  });
  it.each(no)('leaves %s', (u) => expect(adapter.matches(new URL(u))).toBe(false));

  it('is enabled per host, so it names no origins', () => expect(adapter.origins).toBeUndefined());

  const pages: [string, Extracted][] = [
    ['inbox.html', none],
    ['preview.html', { identifiers: [sender('finance@hnjm-mfg.com'), mobile('19332605722')], names: ['马娟'] }],
    ['show-sent.html', { identifiers: [recipient('lai.junming@hnjm-mfg.com'), recipient('finance@hnjm-mfg.com')], names: ['赖军明', '马娟'] }],
    ['compose.html', { identifiers: [recipient('finance@hnjm-mfg.com'), recipient('lai.junming@hnjm-mfg.com')], names: ['马娟', '赖军明'] }],
  ];
  it.each(pages)('reads %s', (file, expected) => expect(adapter.extract(load(file), ctx)).toEqual(expected));

  it('learns the account from the list around the preview frame when the summary does not tell', () => {
    const doc = load('preview.html');
    setHeader(doc, 'from', '李明', 'liming@example-isp.cn');
    setHeader(doc, 'to', '赖军明', 'lai.junming@hnjm-mfg.com');
    doc.querySelector('.header-summary')!.remove();
    doc.querySelector('#messagebody')!.textContent = '赖总：方案初稿已整理好。';
    // Alone, nothing names the account.
    expect(adapter.extract(doc, ctx)).toEqual({ identifiers: [sender('liming@example-isp.cn')], names: ['李明'] });
    expect(adapter.extract(inFrame(doc, load('inbox.html')), ctx)).toEqual({
      identifiers: [recipient('lai.junming@hnjm-mfg.com')],
      names: ['赖军明'],
    });
  });

  it('reads "Name <addr>" links without a title (message_show_email) and bare addresses', () => {
    const doc = load('preview.html');
    doc.querySelector('#message-header .header-headers .header.from')!.innerHTML =
      '<span class="adr"><a href="mailto:finance@hnjm-mfg.com" class="rcmContactAddress">马娟 &lt;finance@hnjm-mfg.com&gt;</a></span>, ' +
      '<span class="adr"><a href="mailto:Lai.Junming@hnjm-mfg.com" class="rcmContactAddress" title="Lai.Junming@hnjm-mfg.com">Lai.Junming@hnjm-mfg.com</a></span>';
    expect(adapter.extract(doc, ctx)).toEqual({
      identifiers: [sender('finance@hnjm-mfg.com'), sender('lai.junming@hnjm-mfg.com'), mobile('19332605722')],
      names: ['马娟'],
    });
  });

  it('never reads addresses from a forwarded message inside the body', () => {
    const doc = load('preview.html');
    doc.querySelector('#messagebody')!.insertAdjacentHTML(
      'afterbegin',
      '<div class="message-partheaders"><table class="headers-table"><tbody><tr><td class="header-title">发件人</td><td class="header from"><span class="adr"><a href="mailto:mo.yulei@htongfs-apparel.com" class="rcmContactAddress" title="mo.yulei@htongfs-apparel.com">莫玉磊</a></span></td></tr></tbody></table></div>',
    );
    expect(adapter.extract(doc, ctx).identifiers).toEqual([sender('finance@hnjm-mfg.com'), mobile('19332605722')]);
  });

  it('reads what is being typed (the value, not the attribute), without the account', () => {
    const doc = load('compose.html');
    const typing = doc.querySelector<HTMLInputElement>('#compose_to .recipient-input input')!;
    typing.value = '王芳 <Wang.Fang@Example.COM>, kehu.liming@example-isp.cn';
    expect(typing.getAttribute('value')).toBeNull();
    expect(adapter.extract(doc, ctx).identifiers).toEqual([
      recipient('finance@hnjm-mfg.com'),
      recipient('wang.fang@example.com'),
      recipient('lai.junming@hnjm-mfg.com'),
    ]);
  });

  it('leaves out a recipient chip of one of the account’s identities', () => {
    const doc = load('compose.html');
    const chip = doc.querySelector('#compose_cc li.recipient')!;
    chip.setAttribute('title', '李明 <LiMing@example-isp.cn>');
    chip.querySelector('.email')!.textContent = ' <LiMing@example-isp.cn>,';
    (doc.querySelector('textarea#_cc') as HTMLTextAreaElement).value = '李明 <LiMing@example-isp.cn>,';
    expect(adapter.extract(doc, ctx)).toEqual({ identifiers: [recipient('finance@hnjm-mfg.com')], names: ['马娟'] });
  });

  it('reads the fields themselves where the recipient widget is missing (another skin, or not yet built)', () => {
    const doc = load('compose.html');
    for (const widget of doc.querySelectorAll('.recipient-input')) widget.remove();
    for (const wrapper of doc.querySelectorAll('#compose_to, #compose_cc, #compose_bcc')) wrapper.removeAttribute('id');
    (doc.querySelector('textarea#_bcc') as HTMLTextAreaElement).value = 'mo.yulei@htongfs-apparel.com';
    expect(adapter.extract(doc, ctx).identifiers).toEqual([
      recipient('finance@hnjm-mfg.com'),
      recipient('lai.junming@hnjm-mfg.com'),
      recipient('mo.yulei@htongfs-apparel.com'),
    ]);
  });

  it.each([
    ['an empty document', ''],
    ['a message header without addresses', '<div id="message-header"><table class="header-headers"><tbody><tr><td class="header from">(未知)</td></tr></tbody></table></div>'],
    ['an address that is none', '<div id="message-header"><table class="header-headers"><tbody><tr><td class="header from"><span class="adr"><a class="rcmContactAddress" href="mailto:%E0%A4%A" title="undisclosed-recipients:">x</a></span></td></tr></tbody></table></div>'],
    ['an empty compose form', '<div id="compose_to"><textarea id="_to"></textarea><ul class="recipient-input"><li><input type="text"></li></ul></div>'],
  ])('yields nothing for %s', (_, body) => expect(adapter.extract(html(body), ctx)).toEqual(none));

  it('watches the compose headers, or the content area', () => {
    expect((adapter.watchRoot!(load('compose.html')) as Element).id).toBe('compose-headers');
    expect((adapter.watchRoot!(load('preview.html')) as Element).id).toBe('layout-content');
    expect(adapter.watchRoot!(html(''))).toBeNull();
  });
});
