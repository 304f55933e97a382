import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError, MAX_IMPORT_BYTES } from '../../../lib/io/import/errors';
import { columnLetter, formatXlsxDate, formatXlsxNumber, readTable } from '../../../lib/io/import/read-table';
import { ab, encodeGbk, utf8, xlsx } from './helpers';

const csv = (text: string, name = 'list.csv') => readTable({ name, bytes: ab(utf8(text)) });

async function failure(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('readTable: CSV', () => {
  it('reads the committed GBK fixture (Excel "CSV" on Chinese Windows: GBK, CRLF, quoted comma)', async () => {
    const bytes = readFileSync(new URL('../../fixtures/import/customers-gbk.csv', import.meta.url));
    const t = await readTable({ name: '客户名单.CSV', bytes: ab(bytes) });
    expect(t.format).toBe('csv');
    expect(t.encoding).toBe('gb18030');
    expect(t.headers.slice(0, 3)).toEqual(['客户编码', '客户名称', '许可证号']);
    expect(t.rows).toHaveLength(3);
    expect(t.rows[0][1]).toBe('张三便利店');
    expect(t.rows[0][6]).toBe('深圳市南山区科技园路1号,101');
    expect(t.rows[2][5]).toBe('13900139000、13700137000');
    expect(t.rows[1][10]).toBe('');
    expect(t.rowNumbers).toEqual([2, 3, 4]);
  });

  it.each([
    ['UTF-8', utf8('名称,手机\n张三,13800138000\n'), 'utf-8'],
    ['UTF-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('名称,手机\n张三,13800138000\n')]), 'utf-8-bom'],
    ['GBK', encodeGbk('名称,手机\n张三,13800138000\n'), 'gb18030'],
  ])('%s: same table', async (_, bytes, encoding) => {
    const t = await readTable({ name: 'a.csv', bytes: ab(bytes) });
    expect(t.encoding).toBe(encoding);
    expect(t.headers).toEqual(['名称', '手机']);
    expect(t.rows).toEqual([['张三', '13800138000']]);
  });

  it.each([
    ['comma', 'a,b,c\n1,2,3\n'],
    ['tab', 'a\tb\tc\n1\t2\t3\n'],
    ['semicolon', 'a;b;c\n1;2;3\n'],
    ['tab in a .tsv', 'a\tb\tc\n1\t2\t3\n'],
  ])('delimiter: %s', async (_, text) => {
    const t = await csv(text, _ === 'tab in a .tsv' ? 'x.tsv' : 'x.csv');
    expect(t.headers).toEqual(['a', 'b', 'c']);
    expect(t.rows).toEqual([['1', '2', '3']]);
  });

  it('a comma inside a tab-separated file stays in its cell', async () => {
    const t = await csv('名称\t地址\n张三\t南山区, 1 号\n李四\t福田区\n', 'x.txt');
    expect(t.rows).toEqual([
      ['张三', '南山区, 1 号'],
      ['李四', '福田区'],
    ]);
  });

  it('CRLF, quoted newlines and quotes; row numbers count records like Excel rows', async () => {
    const t = await csv('名称,备注\r\n"张三","第一行\r\n第二行"\r\n"李""四",ok\r\n');
    expect(t.rows).toEqual([
      ['张三', '第一行\r\n第二行'],
      ['李"四', 'ok'],
    ]);
    expect(t.rowNumbers).toEqual([2, 3]);
  });

  it('skips empty lines and rows of empty cells but keeps counting them', async () => {
    const t = await csv('\n\n名称,手机\n张三,1\n\n,\n  ,  \n李四,2\n\n');
    expect(t.headers).toEqual(['名称', '手机']);
    expect(t.rows).toEqual([
      ['张三', '1'],
      ['李四', '2'],
    ]);
    expect(t.firstRowNumber).toBe(4);
    expect(t.rowNumbers).toEqual([4, 8]);
  });

  it('trims cells, drops trailing empty columns, pads short rows and keeps data beyond the header', async () => {
    const t = await csv(' 名称 , 手机 ,,,\n 张三 ,1,,,\n李四\n王五,3,x,,\n');
    expect(t.headers).toEqual(['名称', '手机', '']);
    expect(t.rows).toEqual([
      ['张三', '1', ''],
      ['李四', '', ''],
      ['王五', '3', 'x'],
    ]);
  });

  it('unwraps ="00123" cells (how some systems keep leading zeros in Excel)', async () => {
    const t = await csv('编码,名称\n="00123",A\n=SUM(1),B\n');
    expect(t.rows.map((r) => r[0])).toEqual(['00123', '=SUM(1)']);
  });

  it.each([
    ['0 bytes', new Uint8Array(0), 'empty'],
    ['only blank lines', utf8('\r\n\r\n  \n'), 'empty'],
    ['only a BOM', new Uint8Array([0xef, 0xbb, 0xbf]), 'empty'],
    ['only commas', utf8(',,,\n,,\n'), 'empty'],
    ['header only', utf8('客户名称,手机\r\n'), 'headerOnly'],
    ['header and empty rows', utf8('客户名称,手机\n,\n\n'), 'headerOnly'],
  ])('%s → %s', async (_, bytes, code) => {
    expect((await failure(readTable({ name: 'x.csv', bytes: ab(bytes) }))).code).toBe(code);
  });

  it('binary data named .csv → binary', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 131) % 256);
    expect((await failure(readTable({ name: 'x.csv', bytes: ab(junk) }))).code).toBe('binary');
  });

  it('an xlsx named .csv → binary, detail xlsx (so the message can say "rename it")', async () => {
    const book = await xlsx([['名称'], ['张三']]);
    const e = await failure(readTable({ name: 'x.csv', bytes: book }));
    expect([e.code, e.detail]).toEqual(['binary', 'xlsx']);
  });

  it('over the limit → tooLarge naming the limit in MB; the default limit is 50 MB', async () => {
    expect(MAX_IMPORT_BYTES).toBe(50 * 1024 * 1024);
    const MB = 1024 * 1024;
    const e = await failure(readTable({ name: 'x.csv', bytes: new ArrayBuffer(2 * MB + 1) }, { maxBytes: 2 * MB }));
    expect([e.code, e.params]).toEqual(['tooLarge', { limit: 2 }]);
    // Checked before anything is parsed: an over-size .xlsx that is not even a workbook says tooLarge.
    expect((await failure(readTable({ name: 'x.xlsx', bytes: new ArrayBuffer(11) }, { maxBytes: 10 }))).code).toBe('tooLarge');
    // Exactly at the limit is fine.
    const bytes = ab(utf8('名称\n' + '张三\n'.repeat(1000)));
    await expect(readTable({ name: 'x.csv', bytes }, { maxBytes: bytes.byteLength })).resolves.toMatchObject({ rows: expect.any(Array) });
    expect((await failure(readTable({ name: 'x.csv', bytes }, { maxBytes: bytes.byteLength - 1 }))).code).toBe('tooLarge');
  });

  it.each([
    ['list.xls', 'xls'],
    ['list.numbers', 'numbers'],
    ['list.json', 'json'],
    ['list', undefined],
  ])('%s → unsupported', async (name, detail) => {
    const e = await failure(readTable({ name, bytes: ab(utf8('a,b\n1,2\n')) }));
    expect([e.code, e.detail]).toEqual(['unsupported', detail]);
  });
});

describe('readTable: XLSX', () => {
  it('numbers come back as their digits, dates as YYYY-MM-DD, booleans as true/false', async () => {
    const book = await xlsx([
      ['客户名称', '许可证号', '手机', '开户日期', '订货时间', '金额', '比例', '大数', '小数', '是否核心', null],
      [
        '张三便利店',
        440300123456,
        13800000000,
        { value: new Date(Date.UTC(2024, 4, 1)), format: 'yyyy-mm-dd' },
        { value: new Date(Date.UTC(2024, 11, 31, 23, 45)), format: 'yyyy-mm-dd hh:mm' },
        0.1 + 0.2,
        1234.5,
        1e21,
        1.5e-7,
        true,
        null,
      ],
      ['李四', 440300000001, 13900139000, { value: new Date(Date.UTC(1999, 0, 1)), format: 'dd/mm/yyyy' }, null, -12, 100, 123456789012, 0.000123, false, null],
    ]);
    const t = await readTable({ name: 'list.xlsx', bytes: book });
    expect(t.format).toBe('xlsx');
    expect(t.encoding).toBeUndefined();
    expect(t.headers).toHaveLength(10); // the empty last column is dropped
    expect(t.rows).toEqual([
      ['张三便利店', '440300123456', '13800000000', '2024-05-01', '2024-12-31 23:45', '0.3', '1234.5', '1000000000000000000000', '0.00000015', 'true'],
      ['李四', '440300000001', '13900139000', '1999-01-01', '', '-12', '100', '123456789012', '0.000123', 'false'],
    ]);
    expect(t.rowNumbers).toEqual([2, 3]);
  });

  it('the header is the first non-empty row; empty rows are skipped but counted', async () => {
    const book = await xlsx([[null, null], ['名称', '手机'], ['张三', 1], [null, null], ['李四', 2]]);
    const t = await readTable({ name: 'x.XLSX', bytes: book });
    expect(t.headers).toEqual(['名称', '手机']);
    expect(t.rows).toEqual([
      ['张三', '1'],
      ['李四', '2'],
    ]);
    expect(t.rowNumbers).toEqual([3, 5]);
  });

  it('a truncated workbook → badXlsx', async () => {
    const book = await xlsx([['名称', '手机'], ...Array.from({ length: 200 }, (_, i) => [`客户${i}`, 13800000000 + i])]);
    const e = await failure(readTable({ name: 'x.xlsx', bytes: book.slice(0, Math.floor(book.byteLength / 2)) }));
    expect([e.code, e.detail]).toEqual(['badXlsx', 'corrupt']);
  });

  it('a zip that is not a workbook → badXlsx', async () => {
    // A minimal empty zip archive (end-of-central-directory record only) is still "PK…".
    const zip = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Uint8Array(18)]);
    expect((await failure(readTable({ name: 'x.xlsx', bytes: ab(zip) }))).code).toBe('badXlsx');
  });

  it.each([
    ['CSV text named .xlsx', utf8('名称,手机\n张三,1\n'), 'notZip'],
    ['legacy .xls named .xlsx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'xls'],
  ])('%s → badXlsx/%s', async (_, bytes, detail) => {
    const e = await failure(readTable({ name: 'x.xlsx', bytes: ab(bytes) }));
    expect([e.code, e.detail]).toEqual(['badXlsx', detail]);
  });

  it('a workbook with nothing in it → empty; with a header only → headerOnly', async () => {
    expect((await failure(readTable({ name: 'x.xlsx', bytes: await xlsx([[null]]) }))).code).toBe('empty');
    expect((await failure(readTable({ name: 'x.xlsx', bytes: await xlsx([['名称', '手机']]) }))).code).toBe('headerOnly');
  });
});

describe('cell formatting', () => {
  it.each([
    ['440300123456', '440300123456'],
    ['13800000000', '13800000000'],
    ['1.38E+10', '13800000000'],
    ['4.40300123456E+11', '440300123456'],
    ['0.30000000000000004', '0.3'],
    ['1234.5', '1234.5'],
    ['-0.1', '-0.1'],
    ['1.1000000000000001', '1.1'],
    ['1e21', '1000000000000000000000'],
    ['1.5e-7', '0.00000015'],
    ['0', '0'],
  ])('number %s → %s', (raw, expected) => {
    expect(formatXlsxNumber(raw)).toBe(expected);
  });

  it.each([
    [Date.UTC(2024, 4, 1), '2024-05-01'],
    [Date.UTC(2024, 4, 1, 13, 45), '2024-05-01 13:45'],
    [Date.UTC(2024, 4, 1, 13, 45, 7), '2024-05-01 13:45:07'],
    [Date.UTC(2024, 4, 1, 13, 44, 59, 999), '2024-05-01 13:45'], // serial-number rounding
    [Date.UTC(2024, 4, 1) - 1, '2024-05-01'], // a millisecond short of midnight is still that day
    [Date.UTC(1899, 11, 30, 8, 30), '08:30'], // a time-only cell
  ])('date %s → %s', (t, expected) => {
    expect(formatXlsxDate(new Date(t))).toBe(expected);
  });

  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i → %s', (i, letter) => {
    expect(columnLetter(i)).toBe(letter);
  });
});
