import type { Messages } from './index';

/** Customer list and order history import (lib/io/import). Placeholders: {limit} {ext} {fields} {field} {value} {max} {row} {names} {name} {key} {lines}. */
export const importMessages = {
  // What is being imported
  'import.kind.customers': { 'zh-CN': '客户名单', en: 'Customer list' },
  'import.kind.orders': { 'zh-CN': '订货记录', en: 'Order history' },
  'import.encoding.utf-8': { 'zh-CN': 'UTF-8', en: 'UTF-8' },
  'import.encoding.utf-8-bom': { 'zh-CN': 'UTF-8（带 BOM）', en: 'UTF-8 (with BOM)' },
  'import.encoding.utf-16le': { 'zh-CN': 'UTF-16', en: 'UTF-16' },
  'import.encoding.utf-16be': { 'zh-CN': 'UTF-16（大端）', en: 'UTF-16 (big-endian)' },
  'import.encoding.gb18030': { 'zh-CN': 'GBK / GB18030（中文 Windows 默认）', en: 'GBK / GB18030 (Chinese Windows)' },
  'import.column.untitled': { 'zh-CN': '第 {column} 列（无表头）', en: 'Column {column} (no header)' },

  // File-level errors
  'import.error.empty': {
    'zh-CN': '文件是空的，没有可导入的内容。',
    en: 'The file is empty; there is nothing to import.',
  },
  'import.error.headerOnly': {
    'zh-CN': '文件只有表头，没有数据行。请确认导出时选中了数据。',
    en: 'The file has a header row but no data rows. Check that the export included the data.',
  },
  'import.error.binary': {
    'zh-CN': '这个文件不是文本表格，无法按 CSV 读取。请从系统重新导出为 CSV 或 Excel（.xlsx）格式。',
    en: 'This file is not a text table and cannot be read as CSV. Export it again as CSV or Excel (.xlsx).',
  },
  'import.error.binary.xlsx': {
    'zh-CN': '这个文件其实是 Excel 工作簿，只是扩展名写成了 .csv。请把扩展名改为 .xlsx 后再导入。',
    en: 'This file is really an Excel workbook named .csv. Rename it to .xlsx and import it again.',
  },
  'import.error.binary.zip': {
    'zh-CN': '这是一个压缩包，不是表格。请先解压，再导入其中的 CSV 或 Excel 文件。',
    en: 'This is a zip archive, not a table. Unzip it and import the CSV or Excel file inside.',
  },
  'import.error.binary.pdf': {
    'zh-CN': '这是 PDF 文件，无法导入。请从系统导出 CSV 或 Excel（.xlsx）格式。',
    en: 'This is a PDF and cannot be imported. Export the list from the system as CSV or Excel (.xlsx).',
  },
  'import.error.binary.ole': {
    'zh-CN': '这是旧版 Excel（.xls）文件。请在 Excel 中“另存为”.xlsx 格式后再导入。',
    en: 'This is an old-style Excel (.xls) file. Open it in Excel, save it as .xlsx and import that.',
  },
  'import.error.binary.image': {
    'zh-CN': '这是图片文件，无法导入。请从系统导出 CSV 或 Excel（.xlsx）格式。',
    en: 'This is an image and cannot be imported. Export the list as CSV or Excel (.xlsx).',
  },
  'import.error.tooLarge': {
    'zh-CN': '文件超过 {limit} MB 上限，请拆分后再导入。',
    en: 'The file is larger than the {limit} MB limit; split it and import the parts.',
  },
  'import.error.badXlsx': {
    'zh-CN': 'Excel 文件已损坏或不完整（可能没有下载完），无法读取。请重新导出或重新下载后再试。',
    en: 'The Excel file is damaged or incomplete (perhaps not fully downloaded). Export or download it again and retry.',
  },
  'import.error.badXlsx.xls': {
    'zh-CN': '这是旧版 Excel（.xls）文件。请在 Excel 中“另存为”.xlsx 格式后再导入。',
    en: 'This is an old-style Excel (.xls) file. Open it in Excel, save it as .xlsx and import that.',
  },
  'import.error.badXlsx.notZip': {
    'zh-CN': '文件扩展名是 .xlsx，但内容不是 Excel 工作簿。请在系统中改为导出 CSV 后再导入。',
    en: 'The file is named .xlsx but is not an Excel workbook. Export it from the system as CSV instead.',
  },
  'import.error.unsupported': {
    'zh-CN': '不支持 .{ext} 文件。请导入 CSV（.csv、.tsv、.txt）或 Excel（.xlsx）文件。',
    en: '.{ext} files are not supported. Import a CSV (.csv, .tsv, .txt) or Excel (.xlsx) file.',
  },
  'import.error.unsupported.none': {
    'zh-CN': '无法判断文件类型（文件名没有扩展名）。请导入 .csv 或 .xlsx 文件。',
    en: 'The file name has no extension, so its type is unknown. Import a .csv or .xlsx file.',
  },
  'import.error.unsupported.xls': {
    'zh-CN': '不支持旧版 Excel（.xls）文件。请在 Excel 中“另存为”.xlsx 格式后再导入。',
    en: 'Old-style Excel (.xls) files are not supported. Open it in Excel, save it as .xlsx and import that.',
  },
  'import.error.noRecognisedColumns': {
    'zh-CN': '没有识别出任何列。请确认第一行是表头（如“客户名称”“许可证号”“手机”），或为各列手动选择对应的字段。',
    en: 'No column was recognised. Check that the first row holds the headers (such as "Customer name", "Licence no.", "Mobile"), or choose a field for each column.',
  },
  'import.error.missingColumns': {
    'zh-CN': '缺少必需的列：{fields}。请为它们各选择一列。',
    en: 'Required columns are missing: {fields}. Choose a column for each.',
  },
  'import.error.missingColumns.customerKey': {
    'zh-CN': '客户（名称、编码、许可证号或手机任选一列）',
    en: 'customer (name, code, licence no. or mobile)',
  },
  'import.error.missingColumns.amountOrPrice': {
    'zh-CN': '金额（或单价）',
    en: 'amount (or unit price)',
  },

  // Fields (column mapping)
  'import.field.ignore': { 'zh-CN': '不导入此列', en: "Don't import" },
  'import.field.name': { 'zh-CN': '客户名称', en: 'Customer name' },
  'import.field.customerCode': { 'zh-CN': '客户编码', en: 'Customer code' },
  'import.field.licenceNo': { 'zh-CN': '许可证号', en: 'Licence no.' },
  'import.field.uscc': { 'zh-CN': '统一社会信用代码', en: 'Credit code (USCC)' },
  'import.field.mobiles': { 'zh-CN': '手机', en: 'Mobile' },
  'import.field.phones': { 'zh-CN': '电话（座机）', en: 'Phone (landline)' },
  'import.field.emails': { 'zh-CN': '邮箱', en: 'Email' },
  'import.field.address': { 'zh-CN': '经营地址', en: 'Address' },
  'import.field.owner': { 'zh-CN': '负责人（户主）', en: 'Owner' },
  'import.field.class': { 'zh-CN': '档位 / 等级', en: 'Class / grade' },
  'import.field.segment': { 'zh-CN': '客户分类', en: 'Segment' },
  'import.field.businessType': { 'zh-CN': '业态', en: 'Business type' },
  'import.field.marketType': { 'zh-CN': '市场类型', en: 'Market type' },
  'import.field.birthday': { 'zh-CN': '生日', en: 'Birthday' },
  'import.field.aliases': { 'zh-CN': '别名', en: 'Other names' },
  'import.field.note': { 'zh-CN': '备注', en: 'Note' },
  'import.field.importantDates': { 'zh-CN': '重要日期', en: 'Important dates' },
  'import.field.custom': { 'zh-CN': '自定义字段（保留列名）', en: 'Custom field (keeps the column name)' },
  'import.field.date': { 'zh-CN': '订货日期', en: 'Order date' },
  'import.field.product': { 'zh-CN': '商品', en: 'Product' },
  'import.field.quantity': { 'zh-CN': '数量', en: 'Quantity' },
  'import.field.unit': { 'zh-CN': '单位', en: 'Unit' },
  'import.field.unitPrice': { 'zh-CN': '单价', en: 'Unit price' },
  'import.field.amount': { 'zh-CN': '金额', en: 'Amount' },
  'import.field.orderNo': { 'zh-CN': '订单号', en: 'Order no.' },

  // Row problems
  'import.rowError.required': { 'zh-CN': '缺少{field}', en: '{field} is missing' },
  'import.rowError.badLicence': {
    'zh-CN': '{field}“{value}”不是 12 位数字',
    en: '{field} "{value}" is not a 12-digit number',
  },
  'import.rowError.badUscc': {
    'zh-CN': '{field}“{value}”无效（应为 18 位且校验位正确，请核对是否抄错）',
    en: '{field} "{value}" is not valid (18 characters with a correct check character; check for a typo)',
  },
  'import.rowError.badMobile': {
    'zh-CN': '{field}“{value}”不是有效的手机号或电话号码',
    en: '{field} "{value}" is not a valid mobile or phone number',
  },
  'import.rowError.badPhone': {
    'zh-CN': '{field}“{value}”不是有效的电话号码',
    en: '{field} "{value}" is not a valid phone number',
  },
  'import.rowError.badEmail': {
    'zh-CN': '{field}“{value}”不是有效的邮箱地址',
    en: '{field} "{value}" is not a valid email address',
  },
  'import.rowError.badDate': {
    'zh-CN': '{field}“{value}”不是可识别的日期（例如 2024-05-01 或 2024年5月1日）',
    en: '{field} "{value}" is not a date we can read (for example 2024-05-01)',
  },
  'import.rowError.badNumber': {
    'zh-CN': '{field}“{value}”不是有效的数字',
    en: '{field} "{value}" is not a valid number',
  },
  'import.rowError.tooLong': {
    'zh-CN': '{field}太长（最多 {max} 个字）',
    en: '{field} is too long (at most {max} characters)',
  },
  'import.rowError.scientific': {
    'zh-CN': '{field}“{value}”是科学计数法，Excel 已截断了数字。请在原系统重新导出，或把该列设为“文本”格式后重新保存。',
    en: '{field} "{value}" is in scientific notation, so Excel has cut off the digits. Export it again, or format the column as Text and save again.',
  },
  'import.rowWarning.notMobile': {
    'zh-CN': '{field}“{value}”不是手机号，已作为电话（座机）保存',
    en: '{field} "{value}" is not a mobile number; saved as a phone (landline)',
  },
  'import.rowWarning.negativeQuantity': {
    'zh-CN': '{field}“{value}”为负数，已按退货记录（金额记为负数）',
    en: '{field} "{value}" is negative; recorded as a return (negative amount)',
  },

  // Decisions before import (preview) and outcomes after it
  'import.decision.new': { 'zh-CN': '新客户', en: 'New customer' },
  'import.decision.update': { 'zh-CN': '更新现有客户', en: 'Updates a customer' },
  'import.decision.unchanged': { 'zh-CN': '无变化', en: 'No change' },
  'import.decision.conflict': { 'zh-CN': '需要你确认', en: 'Needs your decision' },
  'import.decision.duplicateInFile': { 'zh-CN': '文件内重复', en: 'Repeated in the file' },
  'import.decision.invalid': { 'zh-CN': '有错误', en: 'Has errors' },
  'import.outcome.added': { 'zh-CN': '已新增', en: 'Added' },
  'import.outcome.updated': { 'zh-CN': '已更新', en: 'Updated' },
  'import.outcome.skipped': { 'zh-CN': '未导入', en: 'Skipped' },
  'import.reason.unchanged': {
    'zh-CN': '与现有客户“{name}”的资料一致，无需更新',
    en: 'Same as the existing customer "{name}"; nothing to update',
  },
  'import.reason.updated': { 'zh-CN': '更新了：{fields}', en: 'Changed: {fields}' },
  'import.reason.duplicateInFile': {
    'zh-CN': '与第 {row} 行是同一客户，以第 {row} 行为准',
    en: 'Same customer as row {row}; row {row} was used',
  },
  'import.reason.userSkipped': { 'zh-CN': '你选择了不导入这一行', en: 'You chose not to import this row' },
  'import.reason.resolved': { 'zh-CN': '（已由你确认）', en: '(decided by you)' },
  'import.conflict.multipleMatches': {
    'zh-CN': '标识对应多个现有客户（{names}），请确认是哪一个',
    en: 'The identifiers match several existing customers ({names}); choose the right one',
  },
  'import.conflict.identifiersSplit': {
    'zh-CN': '许可证号、编码或信用代码与手机、邮箱分别对应不同的现有客户（{names}），请确认',
    en: 'The licence no., code or credit code and the mobile or email point at different existing customers ({names}); please check',
  },
  'import.conflict.nameMismatch': {
    'zh-CN': '标识与现有客户“{names}”相同，但名称“{name}”明显不同，请确认是否为同一客户',
    en: 'The identifiers match the existing customer "{names}" but the name "{name}" is quite different; is it the same customer?',
  },
  'import.conflict.sameNameOnly': {
    'zh-CN': '这一行没有许可证号、编码、手机等标识，名称与现有客户“{names}”相同，请确认是否为同一客户',
    en: 'This row has no licence no., code, mobile or other identifier and its name matches the existing customer "{names}"; is it the same customer?',
  },
  'import.conflict.sharesContactInFile': {
    'zh-CN': '与第 {row} 行的手机或邮箱相同，但许可证号、编码或信用代码不同，请确认',
    en: 'Shares a mobile or email with row {row} but has a different licence no., code or credit code; please check',
  },
  'import.order.unknownCustomer': {
    'zh-CN': '找不到对应的客户（{key}），请先导入或新建该客户',
    en: 'No customer matches ({key}); import or create the customer first',
  },
  'import.order.ambiguousCustomer': {
    'zh-CN': '{key} 对应多个客户，无法确定是哪一个',
    en: '{key} matches several customers, so the order cannot be assigned',
  },
  'import.order.added': {
    'zh-CN': '已并入订单（{lines} 行商品）',
    en: 'Added to an order ({lines} lines)',
  },

  // Downloadable report
  'import.report.row': { 'zh-CN': '行号', en: 'Row' },
  'import.report.outcome': { 'zh-CN': '结果', en: 'Outcome' },
  'import.report.name': { 'zh-CN': '客户', en: 'Customer' },
  'import.report.reason': { 'zh-CN': '说明', en: 'Details' },
  'import.report.warning': { 'zh-CN': '提醒：{value}', en: 'Note: {value}' },
  'import.report.separator': { 'zh-CN': '；', en: '; ' },
} satisfies Messages;
