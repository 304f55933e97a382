import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv, unneutraliseCell } from '../../../lib/io/export/csv';

describe('neutraliseCell (OWASP CSV injection)', () => {
  it.each([
    ['=SUM(1)', "'=SUM(1)"],
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['-12.5', "'-12.5"],
    ['@x', "'@x"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tabc', "'\tabc"],
    ['\rabc', "'\rabc"],
    ['  =1+1', "'  =1+1"],
    ['\n-2', "'\n-2"],
    ['＝1+1', "'＝1+1"],
    ['＋86 138', "'＋86 138"],
    ['－5', "'－5"],
    ['＠x', "'＠x"],
    ["'abc", "''abc"],
    ['normal text', 'normal text'],
    ['张三烟酒店', '张三烟酒店'],
    ['a=b', 'a=b'],
    ['1+1', '1+1'],
    ['440305123456', '440305123456'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
    expect(unneutraliseCell(neutraliseCell(input))).toBe(input);
  });

  it('unneutraliseCell leaves text alone that neutraliseCell would not have produced', () => {
    expect(unneutraliseCell("'abc")).toBe("'abc");
    expect(unneutraliseCell('=1')).toBe('=1');
    expect(unneutraliseCell("''abc")).toBe("'abc");
  });
});

describe('toCsv', () => {
  const body = (csv: string) => csv.slice(1);

  it('starts with one UTF-8 BOM and ends every line with CRLF', () => {
    const csv = toCsv(['客户名称', '手机'], [['张三', '13800138000'], ['李四', undefined]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.charCodeAt(1)).not.toBe(0xfeff);
    expect(body(csv)).toBe('客户名称,手机\r\n张三,13800138000\r\n李四,\r\n');
    expect(new TextEncoder().encode(csv).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    const csv = toCsv(['a'], [['x,y'], ['say "hi"'], ['line1\nline2'], ['cr\rx'], ['plain']]);
    expect(body(csv)).toBe('a\r\n"x,y"\r\n"say ""hi"""\r\n"line1\nline2"\r\n"cr\rx"\r\nplain\r\n');
  });

  it('numbers stay numeric (a return of -12.5 is not neutralised); strings that start a formula are', () => {
    const csv = toCsv(['金额', '备注'], [[-12.5, '-1'], [0, '=SUM(1)'], [Number.NaN, '@x'], [1200, '=1,2']]);
    expect(body(csv)).toBe(`金额,备注\r\n-12.5,'-1\r\n0,'=SUM(1)\r\n,'@x\r\n1200,"'=1,2"\r\n`);
  });

  it('null and undefined are empty fields', () => {
    expect(body(toCsv(['a', 'b', 'c'], [[null, undefined, '']]))).toBe('a,b,c\r\n,,\r\n');
  });

  it('neutralises headers too (custom field names are typed by users)', () => {
    expect(body(toCsv(['=cmd'], []))).toBe(`'=cmd\r\n`);
  });

  it('parses back with papaparse to the same cells, once the quote prefix is removed', () => {
    const rows = [
      ['张三烟酒店', '=SUM(A1)', 'a,"b"\r\nc', '-1', '\tx', "'q"],
      ['李四', '', '＝x', '+86 138 0013 8000', '@home', 'plain'],
    ];
    const parsed = Papa.parse<string[]>(toCsv(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'], rows).slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.slice(1).map((r) => r.map(unneutraliseCell))).toEqual(rows);
  });
});
