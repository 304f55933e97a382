/**
 * Two offline demo web apps built from one demo data set, so the identifiers on their pages belong to
 * customers in that data set: a web ordering system (/ordering/) and a webmail (/mail/). Zero
 * dependencies beyond Node; binds 127.0.0.1 only. Used by e2e tests, the demo and the adapter fixtures.
 *
 * CLI: tsx tests/sites/server.ts [--port 5178] [--data tests/.tmp/demo-data.json]
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Backup as BackupSchema, type Backup } from '../../lib/model/backup';
import type { Contact, Customer } from '../../lib/model/customer';
import type { Interaction } from '../../lib/model/activity';
import { DEMO_SCENARIOS, cnDate, generateDemoData, orderNoOf } from './data/generate';

const ORDER_LIST_SIZE = 2000;
const CN_OFFSET = 8 * 3_600_000;
const cnTime = (t: number) => new Date(t + CN_OFFSET).toISOString().slice(11, 16);
const fmtMobile = (m: string, sep = ' ') => `${m.slice(0, 3)}${sep}${m.slice(3, 7)}${sep}${m.slice(7)}`;
const round2 = (n: number) => Math.round(n * 100) / 100;

// =========================================================================================================
// Shared view code. Plain JS in a string: the server evaluates it for server-side rendering (and the
// fixtures), the browser runs the very same text for client-side navigation, so both give one markup.

const COMMON_JS = String.raw`
function esc(s) {
  return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
    return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
  });
}
function money(n) {
  var parts = Number(n).toFixed(2).split('.');
  return parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + parts[1];
}
`;

const ORDERING_VIEWS_JS = String.raw`
${COMMON_JS}
function crumbs(items) {
  return '<nav class="crumbs">' + items.map(function (it) {
    return it[1] ? '<a href="' + it[1] + '" data-nav>' + esc(it[0]) + '</a>' : '<span>' + esc(it[0]) + '</span>';
  }).join(' <i>/</i> ') + '</nav>';
}
function custBlock(c) {
  return '<section class="cust-info">' +
    '<h2 class="cust-name">' + esc(c.name) + '</h2>' +
    '<dl>' +
    '<div><dt>客户编码</dt><dd class="cust-code">' + esc(c.code) + '</dd></div>' +
    '<div><dt>专卖许可证号</dt><dd class="cust-licence">' + esc(c.licence) + '</dd></div>' +
    '<div><dt>负责人</dt><dd class="cust-owner">' + esc(c.owner) + '</dd></div>' +
    '<div><dt>联系电话</dt><dd class="cust-phone">' + c.phones.map(function (p) { return '<span class="tel">' + esc(p) + '</span>'; }).join(' ') + '</dd></div>' +
    '<div class="wide"><dt>经营地址</dt><dd class="cust-address">' + esc(c.address) + '</dd></div>' +
    (c.cls ? '<div><dt>档位</dt><dd class="cust-class">' + esc(c.cls) + ' 档</dd></div>' : '') +
    (c.segment ? '<div><dt>客户分类</dt><dd class="cust-segment">' + esc(c.segment) + '</dd></div>' : '') +
    (c.businessType ? '<div><dt>业态</dt><dd class="cust-type">' + esc(c.businessType) + '</dd></div>' : '') +
    (c.marketType ? '<div><dt>市场类型</dt><dd class="cust-market">' + esc(c.marketType) + '</dd></div>' : '') +
    '</dl></section>';
}
function viewCustomers(api) {
  var rows = api.customers.map(function (c) {
    return '<tr><td><a href="/ordering/customers/' + encodeURIComponent(c.code) + '" data-nav>' + esc(c.name) + '</a></td>' +
      '<td class="mono">' + esc(c.code) + '</td><td class="num">' + esc(c.cls) + '</td><td>' + esc(c.businessType) + '</td>' +
      '<td>' + esc(c.address) + '</td></tr>';
  }).join('');
  return crumbs([['客户管理'], ['客户档案']]) +
    '<div class="page-head"><h1>客户档案</h1><span class="muted">共 ' + api.customers.length + ' 户</span></div>' +
    '<table class="grid cust-list"><thead><tr><th>客户名称</th><th>客户编码</th><th>档位</th><th>业态</th><th>经营地址</th></tr></thead>' +
    '<tbody>' + rows + '</tbody></table>';
}
function viewCustomer(api) {
  if (!api.customer) return viewNotFound('未找到该客户');
  var c = api.customer;
  var rows = api.orders.map(function (o) {
    return '<tr><td><a class="mono" href="/ordering/orders/' + o.no + '" data-nav>' + o.no + '</a></td><td>' + o.date + '</td>' +
      '<td class="num">' + o.qty + '</td><td class="num">' + money(o.total) + '</td><td>已送达</td></tr>';
  }).join('');
  return crumbs([['客户管理'], ['客户档案', '/ordering/customers'], [c.name]]) +
    '<div class="page-head"><h1>客户详情</h1></div>' + custBlock(c) +
    '<h3 class="sub">近期订单</h3>' +
    '<table class="grid recent-orders"><thead><tr><th>订单号</th><th>订货日期</th><th>订货量(条)</th><th>金额(元)</th><th>状态</th></tr></thead>' +
    '<tbody>' + rows + '</tbody></table>';
}
// 2,000 rows: a CSS grid in chunks of ORDER_CHUNK rows with content-visibility:auto, so neither the
// first render nor appending a chunk lays out the whole list (a <table> re-lays out every row, >100 ms).
var ORDER_CHUNK = 100;
function orderHead(count) {
  return crumbs([['订单管理'], ['订单查询']]) +
    '<div class="page-head"><h1>订单查询</h1><span class="muted">最近 ' + count + ' 笔订单</span></div>' +
    '<div class="order-list" role="table"><div class="row head" role="row"><span>订单号</span><span>订货日期</span><span>客户名称</span>' +
    '<span>客户编码</span><span class="num">品规数</span><span class="num">订货量(条)</span><span class="num">金额(元)</span><span>状态</span></div>';
}
function orderChunk(orders, from) {
  var out = '<div class="chunk" role="rowgroup">';
  for (var i = from; i < from + ORDER_CHUNK && i < orders.length; i++) {
    var o = orders[i];
    out += '<div class="row" role="row"><span><a class="mono" href="/ordering/orders/' + o.no + '" data-nav>' + o.no + '</a></span><span>' + o.date + '</span>' +
      '<span>' + esc(o.name) + '</span><span class="mono">' + esc(o.code) + '</span><span class="num">' + o.items + '</span>' +
      '<span class="num">' + o.qty + '</span><span class="num">' + money(o.total) + '</span><span>已送达</span></div>';
  }
  return out + '</div>';
}
function orderTail() { return '</div>'; }
function viewOrders(api) {
  var out = orderHead(api.orders.length);
  for (var i = 0; i < api.orders.length; i += ORDER_CHUNK) out += orderChunk(api.orders, i);
  return out + orderTail();
}
function viewOrder(api) {
  if (!api.order) return viewNotFound('未找到该订单');
  var o = api.order;
  var lines = o.lines.map(function (l, i) {
    return '<tr><td class="num">' + (i + 1) + '</td><td>' + esc(l.product) + '</td><td class="num">' + l.quantity + '</td>' +
      '<td class="num">' + money(l.price) + '</td><td class="num">' + money(l.amount) + '</td></tr>';
  }).join('');
  return crumbs([['订单管理'], ['订单查询', '/ordering/orders'], [o.no]]) +
    '<div class="page-head"><h1>订单详情</h1><span class="badge">已送达</span></div>' +
    '<dl class="order-meta"><div><dt>订单号</dt><dd class="order-no mono">' + o.no + '</dd></div>' +
    '<div><dt>订货日期</dt><dd>' + o.date + ' ' + o.time + '</dd></div><div><dt>结算方式</dt><dd>电子结算</dd></div>' +
    '<div><dt>配送线路</dt><dd>' + esc(o.route) + '</dd></div></dl>' +
    custBlock(api.customer) +
    '<h3 class="sub">订单明细</h3>' +
    '<table class="grid order-lines"><thead><tr><th>序号</th><th>商品名称</th><th>数量(条)</th><th>批发价(元/条)</th><th>金额(元)</th></tr></thead>' +
    '<tbody>' + lines + '</tbody><tfoot><tr><td></td><td>合计</td><td class="num">' + o.qty + '</td><td></td>' +
    '<td class="num order-total">' + money(o.total) + '</td></tr></tfoot></table>';
}
function viewNotFound(msg) { return '<div class="empty">' + esc(msg || '页面不存在') + '</div>'; }
function viewLoading() { return '<div class="loading">加载中…</div>'; }
function routeOf(path) {
  var m;
  if (/^\/ordering\/customers\/?$/.test(path)) return { view: 'customers', api: '/ordering/api/customers', title: '客户档案' };
  if ((m = /^\/ordering\/customers\/([^/]+)$/.exec(path))) return { view: 'customer', api: '/ordering/api/customers/' + m[1], title: '客户详情' };
  if (/^\/ordering\/orders\/?$/.test(path)) return { view: 'orders', api: '/ordering/api/orders', title: '订单查询' };
  if ((m = /^\/ordering\/orders\/([^/]+)$/.exec(path))) return { view: 'order', api: '/ordering/api/orders/' + m[1], title: '订单详情' };
  return null;
}
var VIEWS = { customers: viewCustomers, customer: viewCustomer, orders: viewOrders, order: viewOrder };
`;

// Browser only: history navigation; the order list renders in chunks so no task reaches 50 ms.
const ORDERING_CLIENT_JS = String.raw`
(function () {
  var app = document.getElementById('app');
  var token = 0;
  function setActive(path) {
    var links = document.querySelectorAll('.side a');
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute('href');
      links[i].classList.toggle('active', path.indexOf(href) === 0);
    }
  }
  function render(path) {
    var r = routeOf(path);
    var my = ++token;
    setActive(path);
    if (!r) { app.innerHTML = viewNotFound(); return; }
    document.title = r.title + ' - 网上订货与客户关系管理系统';
    app.innerHTML = viewLoading();
    fetch(r.api).then(function (res) { return res.json(); }).then(function (api) {
      if (my !== token) return;
      if (r.view !== 'orders') { app.innerHTML = VIEWS[r.view](api); return; }
      var orders = api.orders, at = ORDER_CHUNK;
      app.innerHTML = orderHead(orders.length) + orderChunk(orders, 0) + orderTail();
      var list = app.querySelector('.order-list');
      (function next() {
        if (my !== token || at >= orders.length) return;
        list.insertAdjacentHTML('beforeend', orderChunk(orders, at));
        at += ORDER_CHUNK;
        setTimeout(next, 0);
      })();
    }).catch(function () { if (my === token) app.innerHTML = viewNotFound('加载失败，请刷新重试'); });
  }
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[data-nav]');
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    var href = a.getAttribute('href');
    if (href === location.pathname) return;
    history.pushState(null, '', href);
    render(location.pathname);
    window.scrollTo(0, 0);
  });
  window.addEventListener('popstate', function () { render(location.pathname); });
})();
`;

// --------------------------------------------------------------------------------------------------------
// Data shaped for the views (the "API" of the demo ordering system)

interface OrderingCustomer {
  name: string;
  code: string;
  licence: string;
  owner: string;
  phones: string[];
  address: string;
  cls: string;
  segment: string;
  businessType: string;
  marketType: string;
}
interface OrderRow {
  no: string;
  date: string;
  name: string;
  code: string;
  items: number;
  qty: number;
  total: number;
}

export interface OrderingSite {
  customers: () => { customers: Pick<OrderingCustomer, 'name' | 'code' | 'cls' | 'businessType' | 'address'>[] };
  customer: (code: string) => { customer: OrderingCustomer | null; orders: Omit<OrderRow, 'name' | 'code' | 'items'>[] };
  orders: () => { orders: OrderRow[] };
  order: (no: string) => {
    order: { no: string; date: string; time: string; route: string; lines: { product: string; quantity: number; price: number; amount: number }[]; qty: number; total: number } | null;
    customer: OrderingCustomer | null;
  };
}

export function buildOrderingSite(data: Backup): OrderingSite {
  const shops = data.customers.filter((c) => c.customerCode && c.licenceNo);
  const byId = new Map(shops.map((c) => [c.id, c]));
  const byCode = new Map(shops.map((c) => [c.customerCode!, c]));
  const orders = data.interactions
    .filter((i) => i.kind === 'order' && byId.has(i.customerId) && orderNoOf(i))
    .sort((a, b) => b.at - a.at);
  const byNo = new Map(orders.map((o) => [orderNoOf(o)!, o]));
  const ordersOf = new Map<string, Interaction[]>();
  for (const o of orders) ordersOf.set(o.customerId, [...(ordersOf.get(o.customerId) ?? []), o]);
  const qtyOf = (o: Interaction) => (o.lines ?? []).reduce((s, l) => s + l.quantity, 0);
  const totalOf = (o: Interaction) => round2((o.lines ?? []).reduce((s, l) => s + l.amount, 0));
  const full = (c: Customer): OrderingCustomer => ({
    name: c.name, code: c.customerCode!, licence: c.licenceNo!, owner: c.owner ?? '',
    phones: c.mobiles.map((m) => fmtMobile(m)), address: c.address ?? '', cls: c.class ?? '', segment: c.segment ?? '',
    businessType: c.businessType ?? '', marketType: c.marketType ?? '',
  });
  const row = (o: Interaction): OrderRow => {
    const c = byId.get(o.customerId)!;
    return { no: orderNoOf(o)!, date: cnDate(o.at), name: c.name, code: c.customerCode!, items: o.lines?.length ?? 0, qty: qtyOf(o), total: totalOf(o) };
  };
  const listRows = orders.slice(0, ORDER_LIST_SIZE).map(row);
  return {
    customers: () => ({
      customers: shops.map((c) => ({ name: c.name, code: c.customerCode!, cls: c.class ?? '', businessType: c.businessType ?? '', address: c.address ?? '' })),
    }),
    customer: (code) => {
      const c = byCode.get(code);
      if (!c) return { customer: null, orders: [] };
      return { customer: full(c), orders: (ordersOf.get(c.id) ?? []).slice(0, 10).map((o) => ({ no: orderNoOf(o)!, date: cnDate(o.at), qty: qtyOf(o), total: totalOf(o) })) };
    },
    orders: () => ({ orders: listRows }),
    order: (no) => {
      const o = byNo.get(no);
      if (!o) return { order: null, customer: null };
      const c = byId.get(o.customerId)!;
      return {
        order: {
          no, date: cnDate(o.at), time: cnTime(o.at), route: `${c.address?.slice(3, 6) ?? ''}${(c.licenceNo ?? '').slice(-2)}号线`, qty: qtyOf(o), total: totalOf(o),
          lines: (o.lines ?? []).map((l) => ({ product: l.product, quantity: l.quantity, price: l.quantity ? round2(l.amount / l.quantity) : 0, amount: l.amount })),
        },
        customer: full(c),
      };
    },
  };
}

type ViewFn = (api: unknown) => string;
interface OrderingViews {
  routeOf(path: string): { view: 'customers' | 'customer' | 'orders' | 'order'; api: string; title: string } | null;
  VIEWS: Record<string, ViewFn>;
  viewNotFound(msg?: string): string;
}
// The same text the browser runs, evaluated once here.
const orderingViews = new Function(`${ORDERING_VIEWS_JS}; return { routeOf, VIEWS, viewNotFound };`)() as OrderingViews;

const ORDERING_CSS = `
*{box-sizing:border-box}[hidden]{display:none!important}body{margin:0;font:14px/1.6 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2d3d;background:#f0f2f5}
a{color:#1765ad;text-decoration:none}a:hover{text-decoration:underline}
.top{height:52px;background:#0b4f3c;color:#fff;display:flex;align-items:center;padding:0 20px;gap:16px}
.top .logo{font-weight:600;font-size:17px;letter-spacing:1px}.top .org{opacity:.8;font-size:13px}.top .user{margin-left:auto;font-size:13px;opacity:.9}
.wrap{display:flex;min-height:calc(100vh - 52px)}
.side{width:200px;background:#fff;border-right:1px solid #e4e7ed;padding:12px 0}
.side h4{margin:14px 20px 6px;font-size:12px;color:#8a94a6;font-weight:normal}
.side a{display:block;padding:8px 28px;color:#303a4a}.side a.active{background:#e8f3ef;color:#0b4f3c;border-right:3px solid #0b4f3c}
main{flex:1;padding:16px 24px;min-width:0}
.crumbs{font-size:12px;color:#8a94a6;margin-bottom:8px}.crumbs i{font-style:normal;margin:0 4px}
.page-head{display:flex;align-items:baseline;gap:12px}.page-head h1{font-size:18px;margin:4px 0 12px}
.muted{color:#8a94a6;font-size:12px}.badge{background:#e8f3ef;color:#0b4f3c;border-radius:3px;padding:1px 8px;font-size:12px}
table.grid{width:100%;border-collapse:collapse;background:#fff;font-size:13px}
.grid th{background:#fafbfc;text-align:left;font-weight:600;color:#5a6475;border-bottom:1px solid #e4e7ed;padding:8px 10px;white-space:nowrap}
.grid td{border-bottom:1px solid #f0f1f4;padding:7px 10px}.grid tr:hover td{background:#f7fbff}
.num{text-align:right;font-variant-numeric:tabular-nums}.mono{font-family:Consolas,Menlo,monospace}
.cust-info{background:#fff;border:1px solid #e4e7ed;border-radius:4px;padding:12px 20px;margin-bottom:16px}
.cust-info h2{font-size:16px;margin:0 0 8px;color:#0b4f3c}
.cust-info dl{display:grid;grid-template-columns:repeat(3,1fr);gap:4px 24px;margin:0}
.cust-info dl div{display:flex;gap:8px}.cust-info dl div.wide{grid-column:span 2}
dt{color:#8a94a6;min-width:84px}dd{margin:0}
.order-meta{display:flex;gap:32px;background:#fff;border:1px solid #e4e7ed;border-radius:4px;padding:10px 20px;margin:0 0 12px}
.order-meta div{display:flex;gap:8px}.order-meta dt{min-width:0}
h3.sub{font-size:14px;margin:16px 0 8px}tfoot td{font-weight:600;background:#fafbfc}
.order-list{background:#fff;font-size:13px}
.order-list .row{display:grid;grid-template-columns:170px 96px minmax(180px,1fr) 110px 64px 90px 110px 64px;border-bottom:1px solid #f0f1f4}
.order-list .row>span{padding:7px 10px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.order-list .row.head{background:#fafbfc;font-weight:600;color:#5a6475;border-bottom:1px solid #e4e7ed}.order-list .row:not(.head):hover{background:#f7fbff}
.order-list .chunk{content-visibility:auto;contain-intrinsic-size:auto 3500px}
.empty,.loading{padding:60px;text-align:center;color:#8a94a6;background:#fff}
`;

function orderingShell(path: string, content: string, title: string): string {
  const side = [
    ['客户管理', [['客户档案', '/ordering/customers']]],
    ['订单管理', [['订单查询', '/ordering/orders']]],
  ] as const;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title} - 网上订货与客户关系管理系统</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${ORDERING_CSS}</style></head>
<body><header class="top"><span class="logo">网上订货与客户关系管理系统</span><span class="org">深圳市烟草公司 · 南山营销部</span><span class="user">客户经理：李明 | 退出</span></header>
<div class="wrap"><aside class="side">${side
    .map(([h, links]) => `<h4>${h}</h4>${links.map(([t, href]) => `<a href="${href}" data-nav${path.startsWith(href) ? ' class="active"' : ''}>${t}</a>`).join('')}`)
    .join('')}</aside>
<main id="app">${content}</main></div>
<script>${ORDERING_VIEWS_JS}</script><script>${ORDERING_CLIENT_JS}</script></body></html>`;
}

/** Full HTML the server sends for a direct load of `path` (also used to write the adapter fixtures). */
export function renderOrderingPage(site: OrderingSite, path: string): { status: number; html: string } {
  const r = orderingViews.routeOf(path);
  if (!r) return { status: 404, html: orderingShell(path, orderingViews.viewNotFound(), '页面不存在') };
  const api = orderingApi(site, r.api);
  const content = orderingViews.VIEWS[r.view](api.body);
  return { status: api.status, html: orderingShell(path, content, r.title) };
}

function orderingApi(site: OrderingSite, path: string): { status: number; body: unknown } {
  let m: RegExpExecArray | null;
  if (path === '/ordering/api/customers') return { status: 200, body: site.customers() };
  if ((m = /^\/ordering\/api\/customers\/([^/]+)$/.exec(path))) {
    const body = site.customer(decodeURIComponent(m[1]));
    return { status: body.customer ? 200 : 404, body };
  }
  if (path === '/ordering/api/orders') return { status: 200, body: site.orders() };
  if ((m = /^\/ordering\/api\/orders\/([^/]+)$/.exec(path))) {
    const body = site.order(decodeURIComponent(m[1]));
    return { status: body.order ? 200 : 404, body };
  }
  return { status: 404, body: { error: 'not found' } };
}

// =========================================================================================================
// Webmail

export interface MailMessage {
  id: string;
  fromName: string;
  fromEmail: string;
  to: { name: string; email: string }[];
  subject: string;
  at: number;
  /** Plain text; blank lines separate paragraphs. */
  body: string;
  unread: boolean;
}

/** ~30 messages: the newest inbound e-mails of the data set plus three from outside it (see DEMO_SCENARIOS). */
export function buildMailbox(data: Backup, size = 30): MailMessage[] {
  const me = { name: DEMO_SCENARIOS.managerName, email: DEMO_SCENARIOS.managerEmail };
  const customers = new Map(data.customers.map((c) => [c.id, c]));
  const contactsOf = new Map<string, Contact[]>();
  for (const c of data.contacts) contactsOf.set(c.customerId, [...(contactsOf.get(c.customerId) ?? []), c]);
  const now = data.exportedAt;
  const out: MailMessage[] = [];
  const emails = data.interactions.filter((i) => i.kind === 'email' && i.summary.includes('来信：')).sort((a, b) => b.at - a.at);
  for (const i of emails) {
    if (out.length >= size - 3) break;
    const customer = customers.get(i.customerId);
    if (!customer) continue;
    const [who, rest] = i.summary.split('来信：', 2);
    const dot = rest.indexOf('。');
    const subject = dot > 0 ? rest.slice(0, dot) : rest;
    const text = dot > 0 ? rest.slice(dot + 1) : '';
    const contact = contactsOf.get(customer.id)?.find((c) => c.name === who && c.emails.length);
    const fromEmail = contact?.emails[0] ?? (customer.owner === who ? customer.emails[0] : undefined);
    if (!fromEmail) continue;
    const mobile = contact?.mobiles[0] ?? customer.mobiles[0];
    const signature = contact
      ? [who, `${contact.title ?? ''}｜${customer.name}`, mobile ? `手机：${fmtMobile(mobile, '-')}` : '', contact.phones[0] ? `电话：${contact.phones[0]}` : '']
      : [who, customer.name, mobile ? `手机：${fmtMobile(mobile)}` : ''];
    out.push({
      id: i.id, fromName: who, fromEmail, to: [me], subject, at: i.at, unread: out.length < 6,
      body: `李经理：\n\n您好！${text}\n\n谢谢！\n\n--\n${signature.filter(Boolean).join('\n')}`,
    });
  }
  const shop = (id: string) => customers.get(id);
  const sig = shop(DEMO_SCENARIOS.signatureCustomerId);
  const husband = shop(DEMO_SCENARIOS.ambiguousCustomerIds[0]);
  out.push({
    id: DEMO_SCENARIOS.signatureMessageId, fromName: sig?.owner ?? '王建辉', fromEmail: DEMO_SCENARIOS.signatureFromEmail, to: [me],
    subject: '下周订货咨询', at: now - 5 * 3_600_000, unread: true,
    body: `李经理你好：\n\n我换了个新邮箱。下周想多订一些${'玉溪(软)'}，不知道能不能给到10条？另外上次说的新版价签什么时候送过来？\n\n--\n${sig?.owner ?? '王建辉'}\n${sig?.name ?? '旺佳超市'}\n手机：${fmtMobile(DEMO_SCENARIOS.signatureMobile)}`,
  });
  out.push({
    id: 'ext-ambiguous', fromName: husband?.owner ?? '刘国强', fromEmail: 'lgq.family@unknown-mail.example', to: [me],
    subject: '店里的烟柜维修', at: now - 26 * 3_600_000, unread: false,
    body: `李经理：\n\n店里烟柜的灯坏了两天了，麻烦帮忙联系一下维修，谢谢。\n\n--\n老刘\n手机：${fmtMobile(DEMO_SCENARIOS.ambiguousMobile, '-')}`,
  });
  out.push({
    id: DEMO_SCENARIOS.unknownMessageId, fromName: '优选商城', fromEmail: DEMO_SCENARIOS.unknownSenderEmail, to: [me],
    subject: '年终大促：全场低至5折，会员再享9.5折', at: now - 9 * 3_600_000, unread: true,
    body: '尊敬的会员：\n\n年终大促火热进行中，订单满300元包邮。活动时间：即日起至本月31日。\n\n客服热线：400-800-1234\n如不想再收到此类邮件，请点击退订。',
  });
  return out.sort((a, b) => b.at - a.at);
}

const MAIL_CSS = `
*{box-sizing:border-box}[hidden]{display:none!important}html,body{height:100%}body{margin:0;font:13px/1.6 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#222;background:#fff}
.top{height:48px;display:flex;align-items:center;gap:16px;padding:0 16px;border-bottom:1px solid #e5e5e5;background:#f7f9fc}
.top .brand{font-size:18px;font-weight:600;color:#2a6fdb}.top input{width:360px;padding:6px 10px;border:1px solid #d9dde3;border-radius:16px;background:#fff}
.top .me{margin-left:auto;color:#555}
.layout{display:flex;height:calc(100% - 48px)}
.folders{width:180px;padding:12px 0;border-right:1px solid #eee;background:#fafbfc}
.folders .write{display:block;margin:0 16px 12px;padding:8px;border-radius:4px;background:#2a6fdb;color:#fff;text-align:center;border:0;width:148px;font:inherit}
.folders a{display:flex;justify-content:space-between;padding:6px 20px;color:#333;text-decoration:none}.folders a.active{background:#e6efff;color:#2a6fdb;font-weight:600}
.list{width:380px;border-right:1px solid #eee;overflow:auto}
.list h2{font-size:14px;margin:0;padding:10px 16px;border-bottom:1px solid #eee}
.msg-list{list-style:none;margin:0;padding:0}
.msg-item{padding:10px 16px;border-bottom:1px solid #f0f0f0;cursor:pointer}.msg-item:hover{background:#f5f8ff}.msg-item.selected{background:#e6efff}
.msg-item .line1{display:flex;justify-content:space-between}.msg-item .from{font-weight:600}.msg-item .when{color:#999;font-size:12px}
.msg-item .subj{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}.msg-item .snip{color:#888;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;font-size:12px}
.msg-item.unread .subj{font-weight:600}.msg-item.unread .from:before{content:"● ";color:#2a6fdb;font-size:10px}
.reader{flex:1;display:flex;flex-direction:column;min-width:0}
.toolbar{display:flex;gap:8px;padding:8px 16px;border-bottom:1px solid #eee}
.toolbar button,.compose button{padding:4px 14px;border:1px solid #d9dde3;background:#fff;border-radius:3px;font:inherit;cursor:pointer}
.toolbar button:disabled{color:#bbb;cursor:default}
#readingPane{flex:1;border:0;width:100%}
.placeholder{flex:1;display:flex;align-items:center;justify-content:center;color:#aaa}
.compose{border-top:2px solid #2a6fdb;padding:10px 16px;background:#fafbfc}
.compose label{display:flex;gap:8px;align-items:center;margin-bottom:6px}.compose label span{width:48px;color:#666}
.compose input{flex:1;padding:5px 8px;border:1px solid #d9dde3;border-radius:3px;font:inherit}
.compose textarea{width:100%;height:120px;padding:8px;border:1px solid #d9dde3;border-radius:3px;font:inherit}
.compose .actions{display:flex;gap:8px;margin-top:6px}.compose .send{background:#2a6fdb;color:#fff;border-color:#2a6fdb}
`;

const MAIL_CLIENT_JS = String.raw`
(function () {
  var pane = document.getElementById('readingPane');
  var placeholder = document.querySelector('.placeholder');
  var reply = document.getElementById('replyBtn');
  var compose = document.querySelector('.compose');
  var to = compose.querySelector('.compose-to');
  var subject = compose.querySelector('.compose-subject');
  var current = null;
  function item(id) { return document.querySelector('.msg-item[data-id="' + CSS.escape(id) + '"]'); }
  function open(id, push) {
    var li = item(id);
    if (!li) return;
    current = li;
    var sel = document.querySelectorAll('.msg-item.selected');
    for (var i = 0; i < sel.length; i++) sel[i].classList.remove('selected');
    li.classList.add('selected');
    li.classList.remove('unread');
    pane.hidden = false;
    placeholder.hidden = true;
    pane.setAttribute('src', '/mail/message/' + encodeURIComponent(id));
    reply.disabled = false;
    closeCompose();
    if (push) history.pushState(null, '', '/mail/#msg=' + encodeURIComponent(id));
  }
  function closeCompose() { compose.setAttribute('hidden', ''); }
  function fromHash() {
    var m = /^#msg=(.+)$/.exec(location.hash);
    if (m) open(decodeURIComponent(m[1]), false);
  }
  document.querySelector('.msg-list').addEventListener('click', function (e) {
    var li = e.target.closest('.msg-item');
    if (li) open(li.getAttribute('data-id'), true);
  });
  reply.addEventListener('click', function () {
    if (!current) return;
    // Set the attribute as well as the value, so the prefill is visible to DOM observers.
    to.setAttribute('value', current.getAttribute('data-email'));
    to.value = current.getAttribute('data-email');
    subject.value = '回复：' + current.getAttribute('data-subject');
    compose.removeAttribute('hidden');
    compose.querySelector('textarea').focus();
  });
  compose.querySelector('.cancel').addEventListener('click', closeCompose);
  compose.querySelector('.send').addEventListener('click', function () { alert('演示系统：邮件未真正发送'); closeCompose(); });
  window.addEventListener('popstate', fromHash);
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();
`;

const escHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
// Time for the last 24 hours (the data set's `now` is often midnight), else the date, like most webmail.
const mailWhen = (t: number, now: number) => (now - t < 86_400_000 ? cnTime(t) : `${cnDate(t).slice(5).replace('-', '月')}日`);

export interface MailTopState {
  /** Message shown in the reading pane (the client does this from `#msg=`). */
  openId?: string;
  /** Reply box open, with these recipients in the To field. */
  composeTo?: string;
}

/** The top document of the webmail. The server sends it with no state; the state options reproduce what the client script does (for fixtures). */
export function renderMailTop(messages: MailMessage[], now: number, state: MailTopState = {}): string {
  const open = messages.find((m) => m.id === state.openId);
  const unread = messages.filter((m) => m.unread && m.id !== open?.id).length;
  const items = messages
    .map((m) => {
      const cls = ['msg-item', m.unread && m.id !== open?.id ? 'unread' : '', m.id === open?.id ? 'selected' : ''].filter(Boolean).join(' ');
      const snippet = m.body.replace(/\s+/g, ' ').slice(0, 60);
      return `<li class="${cls}" data-id="${escHtml(m.id)}" data-email="${escHtml(m.fromEmail)}" data-subject="${escHtml(m.subject)}">` +
        `<div class="line1"><span class="from">${escHtml(m.fromName)}</span><span class="when">${mailWhen(m.at, now)}</span></div>` +
        `<div class="subj">${escHtml(m.subject)}</div><div class="snip">${escHtml(snippet)}</div></li>`;
    })
    .join('\n');
  const composeOpen = state.composeTo !== undefined && open;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>收件箱 - 企业邮箱</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>${MAIL_CSS}</style></head>
<body><header class="top"><span class="brand">企业邮箱</span><input type="search" placeholder="搜索邮件"><span class="me">${escHtml(DEMO_SCENARIOS.managerName)} &lt;${escHtml(DEMO_SCENARIOS.managerEmail)}&gt;</span></header>
<div class="layout">
<nav class="folders"><button class="write" type="button">写信</button><a class="active" href="/mail/">收件箱<b>${unread || ''}</b></a><a href="/mail/">星标邮件</a><a href="/mail/">已发送</a><a href="/mail/">草稿箱</a><a href="/mail/">已删除</a><a href="/mail/">垃圾邮件</a></nav>
<section class="list"><h2>收件箱（${messages.length}）</h2><ul class="msg-list">
${items}
</ul></section>
<section class="reader"><div class="toolbar"><button id="replyBtn" type="button"${open ? '' : ' disabled'}>回复</button><button type="button" disabled>转发</button><button type="button" disabled>删除</button></div>
<div class="placeholder"${open ? ' hidden' : ''}>选择一封邮件进行阅读</div>
<iframe id="readingPane" title="邮件内容"${open ? ` src="/mail/message/${encodeURIComponent(open.id)}"` : ' hidden'}></iframe>
<div id="composeHost"><div class="compose"${composeOpen ? '' : ' hidden'}>
<label><span>收件人</span><input class="compose-to" type="text"${composeOpen ? ` value="${escHtml(state.composeTo!)}"` : ''}></label>
<label><span>主题</span><input class="compose-subject" type="text"${composeOpen ? ` value="回复：${escHtml(open.subject)}"` : ''}></label>
<textarea class="compose-body" placeholder="正文"></textarea>
<div class="actions"><button class="send" type="button">发送</button><button class="cancel" type="button">取消</button></div>
</div></div>
</section></div>
<script>${MAIL_CLIENT_JS}</script></body></html>`;
}

const MESSAGE_CSS = `
body{margin:0;padding:20px 28px;font:14px/1.8 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#222}
h1.subject{font-size:20px;font-weight:600;margin:0 0 12px}
.meta{color:#666;font-size:13px;border-bottom:1px solid #eee;padding-bottom:10px;margin-bottom:16px}
.meta div{margin:2px 0}.sender{font-weight:600;color:#222}.sender-addr{color:#888}
.mail-body p{margin:0 0 12px;white-space:pre-line}
`;

/** The message document shown in the reading pane iframe. */
export function renderMailMessage(m: MailMessage): string {
  const d = new Date(m.at + CN_OFFSET);
  const when = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${cnTime(m.at)}`;
  const paragraphs = m.body.split(/\n{2,}/).map((p) => `<p>${escHtml(p)}</p>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escHtml(m.subject)}</title><style>${MESSAGE_CSS}</style></head>
<body><article class="mail-view" data-id="${escHtml(m.id)}">
<h1 class="subject">${escHtml(m.subject)}</h1>
<div class="meta">
<div class="from">发件人：<span class="sender" data-email="${escHtml(m.fromEmail)}" data-name="${escHtml(m.fromName)}">${escHtml(m.fromName)}</span> <span class="sender-addr">&lt;${escHtml(m.fromEmail)}&gt;</span></div>
<div class="to">收件人：${m.to.map((r) => `<span class="rcpt" data-email="${escHtml(r.email)}">${escHtml(r.name)}</span> <span class="rcpt-addr">&lt;${escHtml(r.email)}&gt;</span>`).join('；')}</div>
<div class="date">时　间：${when}</div>
</div>
<div class="mail-body">
${paragraphs}
</div></article></body></html>`;
}

// =========================================================================================================
// Server

const INDEX_HTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Account Lens 演示站点</title></head>
<body style="font:15px/1.8 sans-serif;padding:40px"><h1>Account Lens 演示站点</h1><ul>
<li><a href="/ordering/customers">网上订货与客户关系管理系统</a></li><li><a href="/mail/">企业邮箱</a></li></ul></body></html>`;

export interface DemoServer {
  /** Base URL without trailing slash, e.g. http://127.0.0.1:53124 */
  url: string;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  port?: number;
  /** Defaults to generateDemoData() (history ending today). */
  data?: Backup;
}

export async function startDemoServer({ port = 0, data = generateDemoData() }: DemoServerOptions = {}): Promise<DemoServer> {
  const site = buildOrderingSite(data);
  const mailbox = buildMailbox(data);
  const messages = new Map(mailbox.map((m) => [m.id, m]));
  const mailTop = renderMailTop(mailbox, data.exportedAt);

  const send = (res: ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
    if (path === '/') return send(res, 200, 'text/html', INDEX_HTML);
    if (path === '/favicon.ico') return send(res, 204, 'text/plain', '');
    if (path === '/ordering' || path === '/ordering/') {
      res.writeHead(302, { location: '/ordering/customers' });
      return res.end();
    }
    if (path.startsWith('/ordering/api/')) {
      const r = orderingApi(site, path);
      return send(res, r.status, 'application/json', JSON.stringify(r.body));
    }
    if (path.startsWith('/ordering/')) {
      const r = renderOrderingPage(site, path.replace(/\/+$/, ''));
      return send(res, r.status, 'text/html', r.html);
    }
    if (path === '/mail') {
      res.writeHead(302, { location: '/mail/' });
      return res.end();
    }
    if (path === '/mail/') return send(res, 200, 'text/html', mailTop);
    const m = /^\/mail\/message\/([^/]+)$/.exec(path);
    if (m) {
      const msg = messages.get(decodeURIComponent(m[1]));
      return msg ? send(res, 200, 'text/html', renderMailMessage(msg)) : send(res, 404, 'text/html', '<!doctype html><meta charset="utf-8"><p>邮件不存在</p>');
    }
    return send(res, 404, 'text/plain', 'not found');
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      send(res, 500, 'text/plain', String(e));
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const file = arg('--data');
  const data = file ? BackupSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) : generateDemoData();
  const { url } = await startDemoServer({ port: Number(arg('--port') ?? 0), data });
  console.log(`demo ordering system: ${url}/ordering/customers`);
  console.log(`demo webmail:         ${url}/mail/`);
  console.log(url);
}
