import type { Messages } from './index';

/** Dashboard words (owned by entrypoints/dashboard and components/dashboard). Shared words live in common.ts. */
export const dashboard = {
  // Page frame and navigation
  'dash.title': { 'zh-CN': '管理中心', en: 'Dashboard' },
  'dash.nav.label': { 'zh-CN': '管理中心导航', en: 'Dashboard sections' },
  'dash.nav.overview': { 'zh-CN': '数据与存储', en: 'Data & storage' },
  'dash.nav.backup': { 'zh-CN': '备份与恢复', en: 'Backup & restore' },
  'dash.nav.settings': { 'zh-CN': '设置', en: 'Settings' },
  'dash.footer.local': {
    'zh-CN': '所有客户数据仅保存在这台电脑上，不会上传到任何服务器。',
    en: 'All customer data stays on this computer and is never uploaded.',
  },
  'dash.loading': { 'zh-CN': '正在加载…', en: 'Loading…' },
  'dash.refresh': { 'zh-CN': '刷新', en: 'Refresh' },

  // Overview
  'overview.title': { 'zh-CN': '数据与存储', en: 'Data & storage' },
  'overview.subtitle': {
    'zh-CN': '本机保存的客户档案与往来记录。',
    en: 'Customer records and history kept on this computer.',
  },
  'overview.records': { 'zh-CN': '记录数量', en: 'Records' },
  'overview.count.customers': { 'zh-CN': '客户', en: 'Customers' },
  'overview.count.contacts': { 'zh-CN': '联系人', en: 'Contacts' },
  'overview.count.interactions': { 'zh-CN': '往来记录', en: 'Interactions' },
  'overview.count.needs': { 'zh-CN': '诉求与投诉', en: 'Needs & complaints' },
  'overview.count.tasks': { 'zh-CN': '待办', en: 'Tasks' },
  'overview.count.pageChoices': { 'zh-CN': '页面选定', en: 'Page choices' },
  'overview.count.inbox': { 'zh-CN': '待归档速记', en: 'Unfiled notes' },
  'overview.count.siteRules': { 'zh-CN': '页面识别规则', en: 'Page rules' },
  'overview.storage': { 'zh-CN': '本机存储', en: 'Storage on this computer' },
  'overview.size': { 'zh-CN': '占用空间（估算）', en: 'Space used (estimate)' },
  'overview.size.value': { 'zh-CN': '{size} MB', en: '{size} MB' },
  'overview.size.unknown': { 'zh-CN': '浏览器未提供', en: 'Not reported by the browser' },
  'overview.persisted': { 'zh-CN': '持久存储', en: 'Persistent storage' },
  'overview.persisted.yes': { 'zh-CN': '已开启', en: 'On' },
  'overview.persisted.no': { 'zh-CN': '未开启', en: 'Off' },
  'overview.persisted.yesHint': {
    'zh-CN': '浏览器在磁盘空间紧张时也不会自动清除这些数据。',
    en: 'The browser will not clear this data when disk space runs low.',
  },
  'overview.persisted.noHint': {
    'zh-CN': '磁盘空间紧张时，浏览器可能清除扩展数据。建议开启持久存储，并定期导出备份。',
    en: 'When disk space runs low the browser may clear extension data. Turn on persistent storage and export backups regularly.',
  },
  'overview.persist.request': { 'zh-CN': '申请持久存储', en: 'Request persistent storage' },
  'overview.persist.granted': { 'zh-CN': '浏览器已同意持久保存数据。', en: 'The browser granted persistent storage.' },
  'overview.persist.denied': {
    'zh-CN': '浏览器暂未同意。数据仍会保存，请定期导出备份。',
    en: 'The browser did not grant it. Your data is still saved; export backups regularly.',
  },
  'overview.backupHint': {
    'zh-CN': '定期导出备份，换电脑或重装浏览器时即可恢复全部数据。',
    en: 'Export a backup regularly so you can restore everything on a new computer or browser.',
  },
  'overview.goBackup': { 'zh-CN': '前往备份与恢复', en: 'Go to backup & restore' },

  // Backup: export
  'backup.title': { 'zh-CN': '备份与恢复', en: 'Backup & restore' },
  'backup.subtitle': {
    'zh-CN': '把本机全部客户数据导出为一个文件，或从备份文件恢复。',
    en: 'Export all customer data on this computer to one file, or restore it from a backup file.',
  },
  'backup.export.title': { 'zh-CN': '导出备份', en: 'Export backup' },
  'backup.export.hint': {
    'zh-CN': '包含客户档案、联系人、往来记录、诉求、待办和页面选定。请妥善保管备份文件，其中含有客户信息。',
    en: 'Includes customer profiles, contacts, interactions, needs, tasks and page choices. Keep the file safe: it contains customer information.',
  },
  'backup.export.button': { 'zh-CN': '导出备份', en: 'Export backup' },
  'backup.export.working': { 'zh-CN': '正在导出…', en: 'Exporting…' },
  'backup.export.done': {
    'zh-CN': '已导出 {customers} 个客户，文件名 {file}。',
    en: 'Exported {customers} customers to {file}.',
  },
  'backup.export.failed': { 'zh-CN': '导出失败：{detail}', en: 'Export failed: {detail}' },

  // Backup: import
  'backup.import.title': { 'zh-CN': '从备份恢复', en: 'Import backup' },
  'backup.import.hint': {
    'zh-CN': '选择由客户经理助手导出的 .json 备份文件。写入之前会先显示文件内容，供您确认。',
    en: 'Choose a .json backup exported by Account Lens. You will see what it contains before anything is written.',
  },
  'backup.drop.title': { 'zh-CN': '将备份文件拖到这里', en: 'Drop a backup file here' },
  'backup.drop.or': { 'zh-CN': '或', en: 'or' },
  'backup.drop.choose': { 'zh-CN': '选择文件', en: 'Choose a file' },
  'backup.drop.limit': { 'zh-CN': '.json 文件，最大 {limit} MB', en: '.json file, up to {limit} MB' },
  'backup.reading': { 'zh-CN': '正在读取并检查 {file}…', en: 'Reading and checking {file}…' },
  'backup.preview.title': { 'zh-CN': '备份内容', en: 'In this backup' },
  'backup.preview.file': { 'zh-CN': '文件', en: 'File' },
  'backup.preview.exportedAt': { 'zh-CN': '导出时间', en: 'Exported' },
  'backup.preview.format': { 'zh-CN': '格式版本', en: 'Format version' },
  'backup.preview.table': { 'zh-CN': '类别', en: 'Kind' },
  'backup.preview.inBackup': { 'zh-CN': '备份中', en: 'In backup' },
  'backup.preview.onComputer': { 'zh-CN': '本机现有', en: 'On this computer' },
  'backup.mode.title': { 'zh-CN': '导入方式', en: 'How to import' },
  'backup.mode.merge': { 'zh-CN': '合并（保留现有数据，覆盖相同记录）', en: 'Merge (keep existing, overwrite same records)' },
  'backup.mode.mergeHint': {
    'zh-CN': '本机已有的数据保留；与备份中相同的记录以备份为准。',
    en: 'Data already here is kept; records that also exist in the backup take the backup’s version.',
  },
  'backup.mode.replace': { 'zh-CN': '替换本机全部数据', en: 'Replace everything on this computer' },
  'backup.mode.replaceHint': {
    'zh-CN': '先清空本机全部数据，再写入备份。适用于换电脑或恢复到备份时的状态。',
    en: 'Empties this computer’s data first, then writes the backup. For a new computer or returning to the backup’s state.',
  },
  'backup.replace.warning': {
    'zh-CN': '本机现有的 {customers} 个客户及其全部记录将被删除，且无法撤销。建议先导出一份当前数据的备份。',
    en: 'The {customers} customers on this computer and all their records will be deleted. This cannot be undone. Consider exporting a backup of the current data first.',
  },
  'backup.replace.warningEmpty': {
    'zh-CN': '本机目前没有客户数据，替换与合并的结果相同。',
    en: 'There is no customer data on this computer yet, so replacing and merging give the same result.',
  },
  'backup.replace.confirm': {
    'zh-CN': '我已了解，确认删除本机现有数据并用此备份替换',
    en: 'I understand: delete the data on this computer and replace it with this backup',
  },
  'backup.import.button.merge': { 'zh-CN': '合并导入', en: 'Merge into my data' },
  'backup.import.button.replace': { 'zh-CN': '替换并导入', en: 'Replace and import' },
  'backup.import.working': { 'zh-CN': '正在写入…', en: 'Writing…' },
  'backup.import.cancel': { 'zh-CN': '取消', en: 'Cancel' },
  'backup.result.title.merge': { 'zh-CN': '已合并导入', en: 'Backup merged' },
  'backup.result.title.replace': { 'zh-CN': '已替换为备份数据', en: 'Data replaced with the backup' },
  'backup.result.body': {
    'zh-CN': '已写入 {customers} 个客户、{contacts} 个联系人、{interactions} 条往来记录、{needs} 条诉求、{tasks} 条待办。',
    en: 'Wrote {customers} customers, {contacts} contacts, {interactions} interactions, {needs} needs and {tasks} tasks.',
  },
  'backup.result.again': { 'zh-CN': '导入其他文件', en: 'Import another file' },

  // Backup: errors (one per BackupError code, plus reading the file)
  'backup.error.title': { 'zh-CN': '无法导入此文件', en: 'This file cannot be imported' },
  'backup.error.unchanged': {
    'zh-CN': '未写入任何数据，本机现有数据保持不变。',
    en: 'Nothing was written; the data on this computer is unchanged.',
  },
  'backup.error.unchangedShort': {
    'zh-CN': '本机现有数据保持不变。',
    en: 'The data on this computer is unchanged.',
  },
  'backup.error.notJson': {
    'zh-CN': '这不是有效的备份文件（无法解析 JSON）。',
    en: 'This is not a valid backup file (it is not readable JSON).',
  },
  'backup.error.notBackup': {
    'zh-CN': '这个文件不是客户经理助手的备份（缺少备份格式标记）。',
    en: 'This file is not an Account Lens backup (the backup format marker is missing).',
  },
  'backup.error.newerVersion': {
    'zh-CN': '此备份来自更新版本（格式 v{version}），请先升级客户经理助手。',
    en: 'This backup comes from a newer version (format v{version}). Update Account Lens first.',
  },
  'backup.error.invalid': {
    'zh-CN': '备份内容有误：{detail}；未写入任何数据。',
    en: 'The backup has an error: {detail}; nothing was written.',
  },
  'backup.error.quota': {
    'zh-CN': '磁盘空间不足，导入已取消。请清理磁盘空间后重试。',
    en: 'The disk is full, so the import was cancelled. Free some disk space and try again.',
  },
  'backup.error.writeFailed': {
    'zh-CN': '写入数据库失败（{detail}），导入已整体撤销。',
    en: 'Writing to the database failed ({detail}); the whole import was rolled back.',
  },
  'backup.error.tooLarge': {
    'zh-CN': '文件过大（{size} MB），备份文件最大为 {limit} MB。',
    en: 'The file is too large ({size} MB); backup files may be at most {limit} MB.',
  },
  'backup.error.readFailed': {
    'zh-CN': '无法读取文件（{detail}）。',
    en: 'The file could not be read ({detail}).',
  },

  // Backup: format documentation
  'backup.about.title': { 'zh-CN': '关于备份格式', en: 'About the backup format' },
  'backup.about.body1': {
    'zh-CN': '备份是一个 UTF-8 编码的 JSON 文件，格式名为 “{format}”，当前版本为 {version}。',
    en: 'A backup is one UTF-8 JSON file with the format name “{format}”, currently version {version}.',
  },
  'backup.about.body2': {
    'zh-CN': '文件包含导出时间（exportedAt）和六类记录：customers（客户）、contacts（联系人）、interactions（往来记录）、needs（诉求与投诉）、tasks（待办）、pageChoices（页面选定）。',
    en: 'It holds the export time (exportedAt) and six lists of records: customers, contacts, interactions, needs, tasks and pageChoices.',
  },
  'backup.about.body3': {
    'zh-CN': '用于搜索和识别的索引字段不写入备份，导入时会自动重建。导入前会完整校验文件，任何一处有误都不会写入数据；来自更新版本的备份会被拒绝，不会猜测其含义。',
    en: 'Index fields used for search and recognition are not stored; they are rebuilt on import. The whole file is validated before anything is written; backups from a newer version are refused rather than guessed at.',
  },

  // Settings
  'settings.title': { 'zh-CN': '设置', en: 'Settings' },
  'settings.subtitle': {
    'zh-CN': '界面语言、客户编码规则、助手运行的网站，以及在网页上识别客户的规则。',
    en: 'Interface language, your company’s customer codes, the sites Account Lens runs on, and the rules that find customers on web pages.',
  },
  'settings.language.title': { 'zh-CN': '界面语言', en: 'Language' },
  'settings.language.hint': {
    'zh-CN': '适用于管理中心、侧边面板和弹出窗口。',
    en: 'Applies to the dashboard, the side panel and the popup.',
  },
  'settings.language.auto': { 'zh-CN': '跟随浏览器', en: 'Same as browser' },
  'settings.language.zh': { 'zh-CN': '中文', en: '中文' },
  'settings.language.en': { 'zh-CN': 'English', en: 'English' },
  'settings.pattern.title': { 'zh-CN': '客户编码规则', en: 'Customer code pattern' },
  'settings.pattern.hint': {
    'zh-CN': '贵公司系统中客户编码的格式，用正则表达式描述。留空则不识别客户编码。如果规则中有括号分组，以第一个分组作为编码。',
    en: 'The shape of customer codes in your company’s system, as a regular expression. Leave it empty to not look for codes. If the pattern has a group in brackets, the first group is taken as the code.',
  },
  'settings.pattern.label': { 'zh-CN': '正则表达式', en: 'Regular expression' },
  'settings.pattern.placeholder': { 'zh-CN': '例如 KH\\d{8}', en: 'e.g. KH\\d{8}' },
  'settings.pattern.examples': { 'zh-CN': '示例：', en: 'Examples:' },
  'settings.pattern.example.kh': { 'zh-CN': '“KH”加 8 位数字', en: '“KH” and 8 digits' },
  'settings.pattern.example.area': { 'zh-CN': '以 4403 开头的 12 位数字', en: '12 digits starting with 4403' },
  'settings.pattern.example.label': { 'zh-CN': '“客户编号：”之后的编码', en: 'The code after “客户编号：”' },
  'settings.pattern.useExample': { 'zh-CN': '使用示例 {pattern}', en: 'Use example {pattern}' },
  'settings.pattern.empty': { 'zh-CN': '未设置规则：不会在网页上识别客户编码。', en: 'No pattern: customer codes are not looked for on pages.' },
  'settings.pattern.valid': { 'zh-CN': '规则有效。', en: 'The pattern is valid.' },
  'settings.pattern.error.syntax': { 'zh-CN': '规则无法识别：{detail}', en: 'The pattern is not a valid regular expression: {detail}' },
  'settings.pattern.error.matchesEmpty': {
    'zh-CN': '规则会匹配空内容，请至少要求一个字符（例如把 * 改为 +）。',
    en: 'The pattern can match nothing at all; require at least one character (for example + instead of *).',
  },
  'settings.pattern.error.tooLong': { 'zh-CN': '规则过长，最多 {max} 个字符。', en: 'The pattern is too long; at most {max} characters.' },
  'settings.test.title': { 'zh-CN': '试一试', en: 'Try it' },
  'settings.test.label': { 'zh-CN': '粘贴一段网页文字，查看规则能找到哪些编码', en: 'Paste some page text to see which codes the pattern finds' },
  'settings.test.placeholder': {
    'zh-CN': '例如：客户编号：KH00012345  店名：福田区惠民便利店',
    en: 'e.g. Customer KH00012345, Futian Huimin convenience store',
  },
  'settings.test.found': { 'zh-CN': '找到 {count} 个编码', en: '{count} codes found' },
  'settings.test.none': { 'zh-CN': '未找到编码。', en: 'No codes found.' },
  'settings.test.needPattern': { 'zh-CN': '先填写一个有效的规则。', en: 'Enter a valid pattern first.' },
  'settings.save': { 'zh-CN': '保存', en: 'Save' },
  'settings.saving': { 'zh-CN': '正在保存…', en: 'Saving…' },
  'settings.saved': { 'zh-CN': '已保存，已打开的网页会按新规则重新识别。', en: 'Saved. Open pages will be checked again with the new pattern.' },
  'settings.unsaved': { 'zh-CN': '有未保存的更改', en: 'Unsaved changes' },
  'settings.saveFailed': { 'zh-CN': '保存失败：{detail}', en: 'Could not save: {detail}' },
} satisfies Messages;
