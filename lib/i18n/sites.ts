import type { Messages } from './index';

/** The toolbar popup and the settings' list of enabled sites (issue 4). */
export const sites = {
  'popup.title': { 'zh-CN': '客户经理助手', en: 'Account Lens' },
  'popup.site.enabled': { 'zh-CN': '已在此网站启用', en: 'On for this site' },
  'popup.site.disabled': { 'zh-CN': '未在此网站启用', en: 'Off for this site' },
  'popup.site.disabledHint': {
    'zh-CN': '启用后，助手会在此网站的页面上识别客户并显示侧栏。其他网站不受影响。',
    en: 'Once on, Account Lens recognises customers on this site’s pages and shows its panel. Other sites are not affected.',
  },
  'popup.site.demo': { 'zh-CN': '演示站点，始终启用', en: 'Demo site, always on' },
  'popup.site.unsupported': { 'zh-CN': '浏览器自身的页面不能启用助手。', en: 'Account Lens cannot run on the browser’s own pages.' },
  'popup.enable': { 'zh-CN': '在此网站启用', en: 'Turn on for this site' },
  'popup.enable.webmail': { 'zh-CN': '为 {name} 启用', en: 'Turn on for {name}' },
  'popup.disable': { 'zh-CN': '在此网站停用', en: 'Turn off for this site' },
  'popup.denied': { 'zh-CN': '没有获得此网站的访问权限，未启用。', en: 'Access to this site was not granted, so it stays off.' },
  'popup.enableFailed': { 'zh-CN': '启用失败：{detail}', en: 'Could not turn it on: {detail}' },
  'popup.teach': { 'zh-CN': '教它识别此页客户', en: 'Teach it this page’s customer' },
  'popup.teach.hint': {
    'zh-CN': '此网站没有内置识别。点击后，在页面上点一下显示客户编码、许可证号、电话或名称的位置。',
    en: 'This site has no built-in recognition. Click, then click where the page shows the customer’s code, licence, phone or name.',
  },
  'popup.teach.failed': { 'zh-CN': '无法在此页面开始：{detail}', en: 'Could not start on this page: {detail}' },
  'popup.match.matched': { 'zh-CN': '此页客户', en: 'Customer on this page' },
  'popup.match.ambiguous': { 'zh-CN': '此页可能是 {count} 位客户之一，请在侧栏中选择', en: 'This page may be one of {count} customers; choose in the panel' },
  'popup.match.none': { 'zh-CN': '此页未识别到已有客户', en: 'No known customer on this page' },
  'popup.openCustomer': { 'zh-CN': '打开客户档案', en: 'Open the customer' },
  'popup.openDashboard': { 'zh-CN': '打开工作台', en: 'Open the dashboard' },
  'popup.rulesHere': { 'zh-CN': '此网站有 {count} 条识别规则', en: '{count} taught rule(s) on this site' },

  'settings.sites.title': { 'zh-CN': '已启用的网站', en: 'Sites turned on' },
  'settings.sites.description': {
    'zh-CN': '助手只在这些网站上运行（以及本机演示站点）。在要使用的网站上点击工具栏图标即可启用。',
    en: 'Account Lens runs only on these sites (and the local demo sites). To add one, open it and click the toolbar icon.',
  },
  'settings.sites.empty': { 'zh-CN': '还没有启用任何网站。', en: 'No site is turned on yet.' },
  'settings.sites.since': { 'zh-CN': '{date} 启用', en: 'on since {date}' },
  'settings.sites.remove': { 'zh-CN': '停用', en: 'Turn off' },
  'settings.sites.removed': { 'zh-CN': '已停用 {name}。已打开的页面刷新后生效。', en: '{name} is off. Open pages follow when reloaded.' },
} satisfies Messages;
