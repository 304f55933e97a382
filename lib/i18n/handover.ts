import type { Messages } from './index';

/**
 * Handover words (交接, domain.md §9; owned by lib/io/handover): error messages of the encrypted
 * handover file, the passphrase rule and the printable checklist. Shared words (need status, need kind,
 * interaction kinds) come from common.ts.
 */
export const handoverMessages = {
  // Errors of the encrypted handover file (HandoverError.code → handover.error.<code>)
  'handover.error.notHandover': {
    'zh-CN': '这不是客户交接文件。请选择扩展导出的交接文件（.alho）。',
    en: 'This is not a handover file. Choose a handover file (.alho) exported by the extension.',
  },
  'handover.error.newerVersion': {
    'zh-CN': '此交接文件由更新版本的客户经理助手生成，请先升级扩展后再导入。未导入任何内容。',
    en: 'This handover file was made by a newer version of Account Lens. Update the extension first; nothing was imported.',
  },
  'handover.error.damaged': {
    'zh-CN': '交接文件已损坏或不完整，无法读取。请让移交人重新导出并发送。',
    en: 'The handover file is damaged or incomplete and cannot be read. Ask the sender to export and send it again.',
  },
  'handover.error.wrongPassphrase': {
    'zh-CN': '口令错误，或文件已被改动。请核对口令；如口令无误，请让移交人重新发送文件。',
    en: 'Wrong passphrase, or the file was altered. Check the passphrase; if it is right, ask the sender to send the file again.',
  },
  'handover.error.weakPassphrase': {
    'zh-CN': '口令至少需要 {min} 个字符。',
    en: 'The passphrase needs at least {min} characters.',
  },
  'handover.passphrase.hint': {
    'zh-CN': '口令至少 {min} 个字符，建议用一句好记的话。请当面或电话告知接收人，不要与文件一起发送。口令遗失后文件无法恢复。',
    en: 'At least {min} characters; a memorable sentence works well. Tell the recipient in person or by phone, never with the file. A lost passphrase cannot be recovered.',
  },

  // Printable checklist
  'handover.checklist.title': { 'zh-CN': '客户交接清单', en: 'Customer handover checklist' },
  'handover.checklist.from': { 'zh-CN': '移交人', en: 'Handed over by' },
  'handover.checklist.to': { 'zh-CN': '接收人', en: 'Received by' },
  'handover.checklist.supervisor': { 'zh-CN': '监交人', en: 'Supervised by' },
  'handover.checklist.createdAt': { 'zh-CN': '生成时间', en: 'Prepared' },
  'handover.checklist.asOf': { 'zh-CN': '基准日期', en: 'As of' },
  'handover.checklist.horizon': { 'zh-CN': '列出 {days} 天内到期及已逾期的事项', en: 'Lists what falls due within {days} days and what is overdue' },
  'handover.checklist.totals': { 'zh-CN': '汇总', en: 'Totals' },
  'handover.checklist.total.customers': { 'zh-CN': '客户', en: 'Customers' },
  'handover.checklist.total.contacts': { 'zh-CN': '联系人', en: 'Contacts' },
  'handover.checklist.total.interactions': { 'zh-CN': '往来记录', en: 'Interactions' },
  'handover.checklist.total.openNeeds': { 'zh-CN': '未闭环诉求', en: 'Open needs' },
  'handover.checklist.total.openComplaints': { 'zh-CN': '其中投诉', en: 'of which complaints' },
  'handover.checklist.total.openTasks': { 'zh-CN': '未完成待办', en: 'Open tasks' },
  'handover.checklist.total.dueSoon': { 'zh-CN': '{days} 天内到期', en: 'Due within {days} days' },
  'handover.checklist.total.overdue': { 'zh-CN': '已逾期', en: 'Overdue' },
  'handover.checklist.inventory': { 'zh-CN': '移交客户一览', en: 'Customers handed over' },
  'handover.checklist.col.no': { 'zh-CN': '序号', en: 'No.' },
  'handover.checklist.col.name': { 'zh-CN': '客户名称', en: 'Customer' },
  'handover.checklist.col.code': { 'zh-CN': '客户编码 / 许可证号', en: 'Code / licence no.' },
  'handover.checklist.col.class': { 'zh-CN': '档位 / 分类', en: 'Class / segment' },
  'handover.checklist.col.contacts': { 'zh-CN': '联系人', en: 'Contacts' },
  'handover.checklist.col.interactions': { 'zh-CN': '往来记录', en: 'History' },
  'handover.checklist.col.openNeeds': { 'zh-CN': '未闭环诉求', en: 'Open needs' },
  'handover.checklist.col.openTasks': { 'zh-CN': '待办', en: 'Tasks' },
  'handover.checklist.col.dueSoon': { 'zh-CN': '近期到期', en: 'Due soon' },
  'handover.checklist.col.checked': { 'zh-CN': '核对', en: 'Checked' },
  'handover.checklist.details': { 'zh-CN': '逐户待跟进事项', en: 'Open items, customer by customer' },
  'handover.checklist.noOpenItems': {
    'zh-CN': '所列客户均无未闭环诉求、未完成待办或近期到期事项。',
    en: 'None of these customers has an open need, an open task or anything falling due soon.',
  },
  'handover.checklist.noCustomers': { 'zh-CN': '本次交接未包含任何客户。', en: 'This handover contains no customers.' },
  'handover.checklist.openNeeds': { 'zh-CN': '未闭环诉求与投诉', en: 'Open needs and complaints' },
  'handover.checklist.openTasks': { 'zh-CN': '未完成待办', en: 'Open tasks' },
  'handover.checklist.dueSoon': { 'zh-CN': '{days} 天内到期及已逾期', en: 'Due within {days} days or overdue' },
  'handover.checklist.raisedOn': { 'zh-CN': '登记于 {date}', en: 'raised {date}' },
  'handover.checklist.dueOn': { 'zh-CN': '到期 {date}', en: 'due {date}' },
  'handover.checklist.noDue': { 'zh-CN': '未设到期日', en: 'no due date' },
  'handover.checklist.overdueDays': { 'zh-CN': '已逾期 {days} 天', en: '{days} days overdue' },
  'handover.checklist.dueToday': { 'zh-CN': '今天到期', en: 'due today' },
  'handover.checklist.inDays': { 'zh-CN': '{days} 天后', en: 'in {days} days' },
  'handover.checklist.kind.task': { 'zh-CN': '待办', en: 'Task' },
  'handover.checklist.kind.birthday': { 'zh-CN': '生日', en: 'Birthday' },
  'handover.checklist.kind.importantDate': { 'zh-CN': '重要日期', en: 'Important date' },
  'handover.checklist.age': { 'zh-CN': '{years} 岁', en: 'turns {years}' },
  'handover.checklist.anniversary': { 'zh-CN': '{years} 周年', en: '{years} years' },
  'handover.checklist.declaration': {
    'zh-CN': '上列客户档案、联系人、往来记录、未闭环诉求与待办已全部移交，双方已核对数量无误。接收人应在一个月内逐户核查，并跟进上列到期事项。',
    en: 'The customer records, contacts, history, open needs and tasks listed above have been handed over and both parties have checked the counts. The recipient checks every customer within a month and follows up the dates listed above.',
  },
  'handover.checklist.signature': { 'zh-CN': '签字', en: 'Signature' },
  'handover.checklist.date': { 'zh-CN': '日期', en: 'Date' },
} satisfies Messages;

export type HandoverMessageKey = keyof typeof handoverMessages;
