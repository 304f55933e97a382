import type { Messages } from './index';

/** Panel words (owned by components/panel). Kinds, roles, attitudes, statuses and errors live in common.ts. */
export const panel = {
  // Frame and header
  'panel.title': { 'zh-CN': '客户档案', en: 'Customer profile' },
  'panel.collapse': { 'zh-CN': '收起面板', en: 'Collapse panel' },
  'panel.loading': { 'zh-CN': '正在加载…', en: 'Loading…' },
  'panel.retry': { 'zh-CN': '重试', en: 'Retry' },
  'panel.error.title': { 'zh-CN': '无法显示客户信息', en: 'Cannot show the customer' },
  'panel.class': { 'zh-CN': '{class} 档', en: 'Class {class}' },
  'panel.matchedBy': { 'zh-CN': '按{kind} {value} 匹配', en: 'Matched by {kind} {value}' },
  'panel.matchedByName': { 'zh-CN': '按名称匹配', en: 'Matched by name' },
  'panel.name.exact': { 'zh-CN': '名称相同：{matched}', en: 'Same name: {matched}' },
  'panel.name.suffix': { 'zh-CN': '名称相同（后缀不同）：{matched}', en: 'Same name but for its suffix: {matched}' },
  'panel.name.core': { 'zh-CN': '名称相同（不计地区、后缀）：{matched}', en: 'Same name but for region and suffix: {matched}' },
  'panel.name.pinyin': { 'zh-CN': '拼音相同：{query} → {matched}', en: 'Same pinyin: {query} → {matched}' },
  'panel.name.initials': { 'zh-CN': '拼音首字母相同：{query} → {matched}', en: 'Same pinyin initials: {query} → {matched}' },
  'panel.name.partial': { 'zh-CN': '名称部分相同：{query} ≈ {matched}', en: 'Partly the same name: {query} ≈ {matched}' },
  'panel.name.alias': { 'zh-CN': '（别名）', en: ' (alias)' },
  'panel.chosen': { 'zh-CN': '您在此页面选定', en: 'Chosen by you on this page' },
  'panel.notThisCustomer': { 'zh-CN': '不是这个客户？', en: 'Not this customer?' },

  // A taught rule (lib/rules) that found nothing on this page
  'rules.miss': { 'zh-CN': '规则“{label}”在此页没有找到内容', en: 'The rule “{label}” found nothing on this page' },
  'rules.miss.hint': {
    'zh-CN': '页面可能改版了。可以在此页重新识别，或在控制台的“页面识别规则”中修改。',
    en: 'The page may have changed. Identify the customer here again, or edit the rule under “Page rules” in the dashboard.',
  },

  // Idle
  'panel.idle.title': { 'zh-CN': '正在识别页面上的客户', en: 'Looking for a customer on this page' },
  'panel.idle.hint': {
    'zh-CN': '打开客户的订单、档案或邮件后，这里会显示客户档案、往来记录和待办。',
    en: "Open a customer's order, record or email and their profile, history and tasks appear here.",
  },

  // No match, search, create
  'panel.none.title': { 'zh-CN': '此页面未匹配到客户', en: 'No customer matches this page' },
  'panel.none.hint': {
    'zh-CN': '搜索已有客户并选定，或用页面上的信息新建客户。',
    en: 'Search your customers and pick one, or create a customer from this page.',
  },
  'panel.pick.title': { 'zh-CN': '为此页面选择客户', en: 'Choose the customer for this page' },
  'panel.pick.hint': { 'zh-CN': '选定后，此页面会记住您的选择。', en: 'This page will remember your choice.' },
  'panel.pick.back': { 'zh-CN': '返回', en: 'Back' },
  'panel.seen.title': { 'zh-CN': '页面上识别到', en: 'Seen on this page' },
  'panel.seen.empty': { 'zh-CN': '页面上没有识别到许可证号、编码、手机或邮箱。', en: 'No licence no., code, mobile or email found on this page.' },
  'panel.seen.search': { 'zh-CN': '搜索 {value}', en: 'Search for {value}' },
  'panel.search.label': { 'zh-CN': '搜索客户', en: 'Search customers' },
  'panel.search.placeholder': { 'zh-CN': '名称、许可证号、编码、手机或邮箱', en: 'Name, licence no., code, mobile or email' },
  'panel.search.searching': { 'zh-CN': '正在搜索…', en: 'Searching…' },
  'panel.search.empty': { 'zh-CN': '没有找到与“{query}”相关的客户', en: 'No customer found for “{query}”' },
  'panel.create.title': { 'zh-CN': '用此页信息新建客户', en: 'Create customer from this page' },
  'panel.create.hint': { 'zh-CN': '已按页面内容预填，请核对后保存。', en: 'Filled in from the page; check before saving.' },
  'panel.create.name': { 'zh-CN': '客户名称', en: 'Name' },
  'panel.create.mobiles': { 'zh-CN': '手机（多个用逗号分隔）', en: 'Mobiles (comma-separated)' },
  'panel.create.emails': { 'zh-CN': '邮箱（多个用逗号分隔）', en: 'Emails (comma-separated)' },
  'panel.create.address': { 'zh-CN': '经营地址', en: 'Address' },
  'panel.create.class': { 'zh-CN': '档位', en: 'Class' },
  'panel.create.submit': { 'zh-CN': '新建客户', en: 'Create customer' },
  'panel.create.saving': { 'zh-CN': '正在保存…', en: 'Saving…' },
  'panel.create.nameRequired': { 'zh-CN': '请填写客户名称。', en: "Enter the customer's name." },

  // Ambiguous
  'panel.ambiguous.title': { 'zh-CN': '此页面匹配到多个客户', en: 'Several customers match this page' },
  'panel.ambiguous.hint': { 'zh-CN': '请选择正确的客户，此页面会记住您的选择。', en: 'Pick the right one; this page will remember your choice.' },
  'panel.candidate.confidence': { 'zh-CN': '匹配度 {percent}', en: '{percent} match' },
  'panel.candidate.because': { 'zh-CN': '依据', en: 'Because' },
  'panel.candidate.byName': { 'zh-CN': '名称相近', en: 'Similar name' },

  // Customer card
  'panel.card.title': { 'zh-CN': '客户档案', en: 'Profile' },
  'panel.field.owner': { 'zh-CN': '户主/法人', en: 'Owner' },
  'panel.field.phone': { 'zh-CN': '电话', en: 'Phone' },
  'panel.field.address': { 'zh-CN': '地址', en: 'Address' },
  'panel.field.business': { 'zh-CN': '业态/市场', en: 'Business' },
  'panel.field.birthday': { 'zh-CN': '生日', en: 'Birthday' },
  'panel.field.dates': { 'zh-CN': '重要日期', en: 'Key dates' },
  'panel.field.note': { 'zh-CN': '备注', en: 'Note' },
  'panel.contacts.title': { 'zh-CN': '联系人', en: 'Contacts' },
  'panel.contacts.empty': { 'zh-CN': '暂无联系人', en: 'No contacts yet' },

  // Tasks and needs
  'panel.tasks.title': { 'zh-CN': '待办', en: 'Open tasks' },
  'panel.tasks.empty': { 'zh-CN': '没有未完成的待办', en: 'No open tasks' },
  'panel.needs.title': { 'zh-CN': '未闭环的诉求与投诉', en: 'Open needs and complaints' },
  'panel.needs.empty': { 'zh-CN': '没有未闭环的诉求', en: 'No open needs' },
  'panel.due.overdue': { 'zh-CN': '逾期 {days} 天', en: '{days} d overdue' },
  'panel.due.today': { 'zh-CN': '今天到期', en: 'Due today' },
  'panel.due.soon': { 'zh-CN': '{days} 天后到期', en: 'Due in {days} d' },
  'panel.due.on': { 'zh-CN': '{date} 到期', en: 'Due {date}' },

  // Quick note
  'panel.note.label': { 'zh-CN': '速记', en: 'Quick note' },
  'panel.note.placeholder': {
    'zh-CN': '记下拜访情况、电话内容或客户提出的需求…',
    en: 'Write down the visit, the call, or what the customer asked for…',
  },
  'panel.note.hint': { 'zh-CN': 'Ctrl+Enter 保存', en: 'Ctrl+Enter to save' },
  'panel.note.hintMac': { 'zh-CN': '⌘+Enter 保存', en: '⌘+Enter to save' },
  'panel.note.save': { 'zh-CN': '保存', en: 'Save' },
  'panel.note.saving': { 'zh-CN': '保存中', en: 'Saving' },

  // Timeline
  'panel.timeline.title': { 'zh-CN': '往来记录', en: 'History' },
  'panel.timeline.empty': { 'zh-CN': '还没有往来记录', en: 'No history yet' },
  'panel.timeline.showMore': { 'zh-CN': '再显示 {count} 条', en: 'Show {count} more' },
  'panel.timeline.more': { 'zh-CN': '共 {total} 条，显示最近 {shown} 条', en: 'Showing the latest {shown} of {total}' },
  'panel.order.total': { 'zh-CN': '合计', en: 'Total' },
  'panel.order.moreLines': { 'zh-CN': '另有 {count} 项', en: '{count} more lines' },
} satisfies Messages;
