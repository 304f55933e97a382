// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import adapter from '../../../lib/sites/qqmail';
import type { Extracted } from '../../../lib/sites/types';
import { savedPages } from './saved-pages';

const ctx = { customerCodePattern: '' };
const load = savedPages('qqmail');
// happy-dom logs one NotSupportedError per frame_html parsed (it does not load mainFrame): expected noise.
const none: Extracted = { identifiers: [], names: [] };
const sender = (value: string) => ({ kind: 'email', value, role: 'sender' }) as const;
const recipient = (value: string) => ({ kind: 'email', value, role: 'recipient' }) as const;
const mobile = (value: string) => ({ kind: 'mobile', value, role: 'text' }) as const;
const OWNER = 'liming.sz@qq.com';

/** A mainFrame document as the content script sees it: its frame element lives in frame_html. */
function inFrame(page: string, top = 'frame_html-sent.html'): Document {
  const doc = load(page);
  const frameElement = load(top).querySelector('iframe#mainFrame');
  Object.defineProperty(doc, 'defaultView', { value: { frameElement }, configurable: true });
  return doc;
}

describe('qqmail adapter', () => {
  it.each([
    ['https://mail.qq.com/cgi-bin/frame_html?sid=QmFua0RlbW8xMTI0&r=5f0c2b3e', true],
    ['https://mail.qq.com/cgi-bin/readmail?folderid=1&t=readmail&mailid=ZC1121-TxtAQdZb01&mode=pre&sid=x', true],
    ['https://mail.qq.com/cgi-bin/readtemplate?sid=x&t=compose&s=cnew', true],
    ['https://mail.qq.com/cgi-bin/mail_list?sid=x&folderid=1&page=0', true],
    ['https://mail.qq.com/', false],
    ['https://mail.qq.com/zh_CN/htmledition/ajax_proxy.html', false],
    ['https://exmail.qq.com/cgi-bin/frame_html?sid=x', false],
    ['https://exmail.qq.com/cgi-bin/readmail?mailid=x', false],
    ['https://qq.com/cgi-bin/readmail', false],
    ['https://mail.qq.com.example.net/cgi-bin/readmail', false],
    ['https://mail.163.com/js6/main.jsp', false],
    ['https://mail.126.com/js6/main.jsp', false],
    ['https://mail.google.com/mail/u/0/', false],
    ['https://outlook.office.com/mail/', false],
  ])('matches %s → %s', (url, yes) => {
    expect(adapter.matches(new URL(url))).toBe(yes);
  });

  it('asks for mail.qq.com only', () => {
    expect(adapter.origins).toEqual(['https://mail.qq.com/*']);
  });

  it.each<[string, Extracted]>([
    ['readmail.html', { identifiers: [sender('tianxintao71@qq.com'), mobile('15812345678')], names: ['田欣涛'] }],
    ['readmail-display-name.html', { identifiers: [sender('laochen_yanjiu@163.com'), mobile('13798765432')], names: ['老陈烟酒'] }],
    // Standalone, the page cannot tell that its sender is the manager (the owner sits in frame_html).
    ['readmail-sent-reply.html', { identifiers: [sender(OWNER), mobile('13800138000')], names: ['李明'] }],
    // Compose knows its own address (发件人 row), so the From row never counts.
    ['compose.html', { identifiers: [recipient('zengpengchun97@163.com'), recipient('huxia69@126.com')], names: ['曾鹏春', '胡霞'] }],
    ['mail_list.html', none],
    ['frame_html.html', none],
    ['frame_html-sent.html', none],
    ['frame_html-display-name.html', none],
  ])('extracts %s', (file, expected) => {
    expect(adapter.extract(load(file), ctx)).toEqual(expected);
  });

  it("in frame_html's mainFrame, excludes the owner of the sent reply and reports its recipient", () => {
    expect(adapter.extract(inFrame('readmail-sent-reply.html'), ctx)).toEqual({
      identifiers: [recipient('tianxintao71@qq.com')],
      names: [],
    });
  });

  it("in mainFrame, a client's message is unchanged (the owner is only a recipient there)", () => {
    expect(adapter.extract(inFrame('readmail.html', 'frame_html.html'), ctx)).toEqual(adapter.extract(load('readmail.html'), ctx));
  });

  it('reads the typed 抄送 input by its live value, minus the own address', () => {
    const doc = load('compose.html');
    const cc = doc.querySelector<HTMLInputElement>('#ccAreaCtrl input.js_input')!;
    cc.value = `"江春坤"<JiangChunKun92@qq.com>; ${OWNER}; 半个地址@`;
    expect(adapter.extract(doc, ctx).identifiers).toEqual([
      recipient('zengpengchun97@163.com'),
      recipient('huxia69@126.com'),
      recipient('jiangchunkun92@qq.com'),
    ]);
  });

  it('falls back to #tipFromAddr_readmail when the 发件人 row changes', () => {
    const doc = load('readmail.html');
    doc.querySelector('span.addrtitle')!.remove();
    expect(adapter.extract(doc, ctx).identifiers[0]).toEqual(sender('tianxintao71@qq.com'));
  });

  it('a cross-origin parent is no error', () => {
    const doc = load('readmail.html');
    Object.defineProperty(doc, 'defaultView', {
      value: {
        get frameElement() {
          throw new DOMException('Blocked a frame', 'SecurityError');
        },
      },
    });
    expect(adapter.extract(doc, ctx).identifiers[0]).toEqual(sender('tianxintao71@qq.com'));
  });

  it.each([
    ['an empty document', ''],
    ['garbage', '<span class="addrtitle">发件人：</span><span e="" n="x"></span><div id="toAreaCtrl"><div class="addr_base" addr="nobody"></div></div>'],
    ['a plain page', '<p>tianxintao71@qq.com 158 1234 5678</p>'],
  ])('%s yields nothing', (_, html) => {
    expect(adapter.extract(new DOMParser().parseFromString(html, 'text/html'), ctx)).toEqual(none);
  });

  it('never throws', () => {
    const broken = { querySelector: () => { throw new Error('boom'); } } as unknown as Document;
    expect(adapter.extract(broken, ctx)).toEqual(none);
  });

  it('watches the read header and body, or the recipient fields; the top document falls back to body', () => {
    expect((adapter.watchRoot!(load('readmail.html')) as Element).id).toBe('mainmail');
    expect((adapter.watchRoot!(load('compose.html')) as Element).tagName).toBe('TBODY');
    expect(adapter.watchRoot!(load('frame_html.html'))).toBeNull();
  });
});
