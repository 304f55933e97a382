/**
 * Realistic pages the teach-this-page tests run on, each a function of the customer shown so a test can
 * "re-render" the page with another customer (and, for bundled apps, other generated class names).
 */

export interface Shop {
  code: string;
  name: string;
  licence: string;
  phone: string;
  owner: string;
}

export const SHOP_A: Shop = { code: 'KH00012345', name: '深圳市南山区鑫隆烟酒商行', licence: '440305100123', phone: '138 2551 8866', owner: '陈建华' };
export const SHOP_B: Shop = { code: 'KH00098761', name: '深圳市福田区佳乐食杂店', licence: '440304200457', phone: '150 1234 5679', owner: '王丽' };

/** An old ordering system: nested layout tables, label cells ("客户编码：") beside value cells, no ids. */
export function oldOrderingPage(s: Shop): string {
  const orders = Array.from({ length: 5 }, (_, i) => `<tr><td>DD2025112400${i}233</td><td>2025-11-2${i}</td><td class="td_value">${10 + i}</td></tr>`).join('');
  return `
<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td class="top_bg">网上订货系统 · 客户经理：李明</td></tr></table>
<table width="100%" border="0"><tr>
  <td width="180" valign="top" class="left_menu"><a href="custList.do">客户档案</a><br><a href="orderList.do">订单查询</a></td>
  <td valign="top">
    <form name="custForm" action="custInfo.do" method="post">
      <table class="tableborder" width="98%" align="center">
        <tr><td class="td_title" colspan="4">客户基本信息</td></tr>
        <tr><td class="td_label">客户编码：</td><td class="td_value">${s.code}</td><td class="td_label">客户名称：</td><td class="td_value">${s.name}</td></tr>
        <tr><td class="td_label">许可证号：</td><td class="td_value">${s.licence}</td><td class="td_label">负责人：</td><td class="td_value">${s.owner}</td></tr>
        <tr><td class="td_label">联系电话：</td><td class="td_value">${s.phone}</td><td class="td_label">档位：</td><td class="td_value">28</td></tr>
      </table>
      <table class="tableborder" width="98%" align="center"><tr><th>订单号</th><th>日期</th><th>数量</th></tr>${orders}</table>
    </form>
  </td>
</tr></table>`;
}

/** A bundled single-page app: CSS-modules / styled-components class names that change with every build. */
export function hashedPage(s: Shop, build: 1 | 2): string {
  const h =
    build === 1
      ? { app: 'css-1x2y3z', head: 'o4zjZ', main: 'kzjRV', list: '_3xk2L', row: 'Qd8rT', key: 'a1B2c', val: 'x9Yz1', btn: 'sc-bdVaJa' }
      : { app: 'css-9k8j7h', head: 'Zp2qL', main: 'wRtXc', list: '_8fj3K', row: 'Mx7nB', key: 'b7Q1d', val: 'p0Lk4', btn: 'sc-kUKRqI' };
  const row = (k: string, v: string) => `<div class="${h.row}"><span class="${h.key}">${k}</span><span class="${h.val}">${v}</span></div>`;
  return `
<div id="root"><div class="${h.app}">
  <header class="${h.head}"><span>客户管理</span><button class="${h.btn}">退出</button></header>
  <main class="${h.main}"><h1>${s.name}</h1>
    <div class="${h.list}">${row('客户编码', s.code)}${row('许可证号', s.licence)}${row('手机', s.phone)}${row('负责人', s.owner)}</div>
  </main>
</div></div>`;
}

/** A component-library page (Element-UI style descriptions) with generated ids and stable library classes. */
export function libraryPage(s: Shop, n: number): string {
  return `
<div id="app"><div class="el-card" id="el-id-${1024 + n}-${n}">
  <div class="el-descriptions">
    <table class="el-descriptions__table"><tbody>
      <tr class="el-descriptions__row"><th class="el-descriptions__label">客户编码</th><td class="el-descriptions__content"><span id="ext-comp-${1000 + n}">${s.code}</span></td></tr>
      <tr class="el-descriptions__row"><th class="el-descriptions__label">客户名称</th><td class="el-descriptions__content">${s.name}</td></tr>
      <tr class="el-descriptions__row"><th class="el-descriptions__label">联系电话</th><td class="el-descriptions__content">${s.phone}</td></tr>
    </tbody></table>
  </div>
</div></div>`;
}
