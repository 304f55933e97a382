import type { Messages } from './index';

/** The dashboard's inbox of unfiled quick-capture notes (components/dashboard/inbox, issue 5). */
export const inboxMessages = {
  // For the dashboard's navigation (wired in DashboardApp)
  'inbox.nav': { 'zh-CN': '收件箱', en: 'Inbox' },
  'inbox.nav.badge': { 'zh-CN': '{count} 条速记待归档', en: 'Notes to file: {count}' },

  'inbox.title': { 'zh-CN': '收件箱', en: 'Inbox' },
  'inbox.subtitle': {
    'zh-CN': '在认不出客户的网页上随手记下的速记先放在这里。归档到客户后，会按记下的时间进入该客户的往来记录。',
    en: 'Notes you captured on pages where no customer was recognised wait here. Once filed to a customer, each joins that customer’s timeline at the time it was captured.',
  },
  'inbox.loading': { 'zh-CN': '正在读取…', en: 'Loading…' },
  'inbox.retry': { 'zh-CN': '重试', en: 'Try again' },
  'inbox.empty.title': { 'zh-CN': '没有待归档的速记', en: 'No notes waiting to be filed' },
  'inbox.empty.hint': {
    'zh-CN': '用弹出窗口、右键菜单或快捷键记下的速记，如果认不出是哪位客户，会先放在这里等你归档。',
    en: 'Notes captured from the popup, the context menu or the keyboard shortcut land here when no customer is recognised, until you file them.',
  },
  'inbox.count': { 'zh-CN': '{count} 条待归档', en: 'To file: {count}' },

  // Selecting several
  'inbox.selectAll': { 'zh-CN': '全选', en: 'Select all' },
  'inbox.select': { 'zh-CN': '选择这条速记', en: 'Select this note' },
  'inbox.selected': { 'zh-CN': '已选 {count} 条', en: 'Selected: {count}' },
  'inbox.fileSelected': { 'zh-CN': '归档所选（{count}）', en: 'File selected ({count})' },
  'inbox.clearSelection': { 'zh-CN': '取消选择', en: 'Clear selection' },

  // One note
  'inbox.quote': { 'zh-CN': '页面摘录', en: 'Selected on the page' },
  'inbox.quote.more': { 'zh-CN': '展开全文', en: 'Show all' },
  'inbox.quote.less': { 'zh-CN': '收起', en: 'Show less' },
  'inbox.page': { 'zh-CN': '来源网页（在新标签页打开）', en: 'Source page (opens in a new tab)' },
  'inbox.capturedAt': { 'zh-CN': '记于 {when}', en: 'Captured {when}' },
  'inbox.file': { 'zh-CN': '归档到客户', en: 'File to customer' },
  'inbox.delete': { 'zh-CN': '删除', en: 'Delete' },
  'inbox.delete.question': { 'zh-CN': '删除这条速记？删除后无法恢复。', en: 'Delete this note? This cannot be undone.' },
  'inbox.delete.confirm': { 'zh-CN': '确认删除', en: 'Delete' },
  'inbox.cancel': { 'zh-CN': '取消', en: 'Cancel' },

  // Customer picker
  'inbox.picker.title': { 'zh-CN': '归档到哪位客户？', en: 'File to which customer?' },
  'inbox.picker.titleMany': { 'zh-CN': '把所选的 {count} 条速记归档到哪位客户？', en: 'File the {count} selected notes to which customer?' },
  'inbox.picker.search': { 'zh-CN': '搜索客户', en: 'Search customers' },
  'inbox.picker.placeholder': { 'zh-CN': '店名、拼音首字母（如 zjbld）、许可证号、客户编码或手机号', en: 'Shop name, pinyin initials (e.g. zjbld), licence no., customer code or mobile' },
  'inbox.picker.keys': { 'zh-CN': '↑ ↓ 选择，回车归档，Esc 关闭', en: '↑ ↓ to choose, Enter to file, Esc to close' },
  'inbox.picker.results': { 'zh-CN': '匹配的客户', en: 'Matching customers' },
  'inbox.picker.none': { 'zh-CN': '没有匹配的客户。', en: 'No matching customer.' },
  'inbox.picker.more': { 'zh-CN': '另有 {count} 位客户匹配，多输入几个字可以缩小范围。', en: '{count} more customers match; type more to narrow down.' },
  'inbox.picker.loading': { 'zh-CN': '正在读取客户名单…', en: 'Loading your customers…' },
  'inbox.picker.noCustomers': { 'zh-CN': '还没有客户。请先导入客户名单，再回来归档。', en: 'You have no customers yet. Import your customer list, then file the note.' },
  'inbox.picker.bookError': { 'zh-CN': '读取客户名单失败：{detail}', en: 'Could not read your customers: {detail}' },
  'inbox.picker.class': { 'zh-CN': '{class} 档', en: 'Class {class}' },
  'inbox.picker.filing': { 'zh-CN': '正在归档…', en: 'Filing…' },
  'inbox.picker.close': { 'zh-CN': '关闭', en: 'Close' },

  // Outcomes
  'inbox.filed.one': { 'zh-CN': '已归档到“{name}”。', en: 'Filed to “{name}”.' },
  'inbox.filed.many': { 'zh-CN': '{count} 条速记已归档到“{name}”。', en: '{count} notes filed to “{name}”.' },
  'inbox.filed.skipped': { 'zh-CN': '另有 {count} 条已不在收件箱中（可能已在其他窗口处理）。', en: '{count} were no longer in the inbox (handled in another window).' },
  'inbox.filed.open': { 'zh-CN': '打开客户', en: 'Open customer' },
  'inbox.deleted': { 'zh-CN': '已删除一条速记。', en: 'Note deleted.' },
  'inbox.error.customerNotFound': {
    'zh-CN': '找不到这位客户，可能刚被删除。速记仍在收件箱中，请换一位客户。',
    en: 'That customer no longer exists; it may have just been deleted. The note is still in the inbox: choose another customer.',
  },
  'inbox.error.noteNotFound': {
    'zh-CN': '这条速记已不在收件箱中，可能已在其他窗口归档或删除。',
    en: 'This note is no longer in the inbox; it may have been filed or deleted in another window.',
  },
  'inbox.error.quota': {
    'zh-CN': '磁盘空间不足，没有做任何更改，速记仍在收件箱中。请清理空间后重试。',
    en: 'The disk is full; nothing was changed and your notes are still in the inbox. Free some space and try again.',
  },
  'inbox.error.internal': { 'zh-CN': '出错了，没有做任何更改：{detail}', en: 'Something went wrong; nothing was changed: {detail}' },
  'inbox.error.load': { 'zh-CN': '读取收件箱失败：{detail}', en: 'Could not read the inbox: {detail}' },
} satisfies Messages;
