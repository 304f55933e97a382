import { describe, expect, it } from 'vitest';
import { isPlaceholder, isScientific, parseDateCell, parseNumberCell, parseQuantityCell, splitList, toEpochMs } from '../../../lib/io/import/values';

describe('parseDateCell', () => {
  it.each([
    ['2024-05-01', '2024-05-01'],
    ['2024/5/1', '2024-05-01'],
    ['2024.5.1', '2024-05-01'],
    ['2024-5-1', '2024-05-01'],
    ['20240501', '2024-05-01'],
    ['2024年5月1日', '2024-05-01'],
    ['2024 年 05 月 01 日', '2024-05-01'],
    ['2024年5月1号', '2024-05-01'],
    ['２０２４－０５－０１', '2024-05-01'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['2024-05-01 13:45', '2024-05-01'],
    ['2024/5/1 8:05:09', '2024-05-01'],
    ['2024-05-01T13:45:00', '2024-05-01'],
    ['2024年5月1日 13时45分', '2024-05-01'],
    ['202405011345', '2024-05-01'],
  ])('%s → %s', (raw, date) => {
    expect(parseDateCell(raw)?.date).toBe(date);
  });

  it.each([
    ['2024-05-01 13:45', { h: 13, m: 45, s: 0 }],
    ['2024/5/1 8:05:09', { h: 8, m: 5, s: 9 }],
    ['2024年5月1日 13时45分', { h: 13, m: 45, s: 0 }],
    ['2024-05-01', undefined],
  ])('time of %s', (raw, time) => {
    expect(parseDateCell(raw)?.time).toEqual(time);
  });

  it.each([
    ['2023-02-29'], // not a leap year
    ['1900-02-29'],
    ['2024-13-01'],
    ['2024-04-31'],
    ['2024-00-10'],
    ['24-05-01'], // two-digit year: refused, not guessed
    ['01/05/2024'], // day-first or month-first: refused
    ['45413'], // an Excel serial number in a CSV
    ['2024-05-01 25:00'],
    ['昨天'],
    ['5月1日'], // no year where a year is needed
    [''],
  ])('%s is not a date', (raw) => {
    expect(parseDateCell(raw)).toBeNull();
  });

  it.each([
    ['5月1日', '--05-01'],
    ['05-01', '--05-01'],
    ['5/1', '--05-01'],
    ['12.31', '--12-31'],
    ['--02-29', '--02-29'],
    ['2月29日', '--02-29'], // a birthday on 29 February is fine without a year
    ['1985-03-02', '1985-03-02'],
    ['1985年3月2日', '1985-03-02'],
  ])('birthday %s → %s', (raw, date) => {
    expect(parseDateCell(raw, { allowNoYear: true })?.date).toBe(date);
  });

  it.each([['2月30日'], ['13-01'], ['0/1']])('birthday %s is not a date', (raw) => {
    expect(parseDateCell(raw, { allowNoYear: true })).toBeNull();
  });

  it('toEpochMs: local midnight, or the local time', () => {
    expect(toEpochMs(parseDateCell('2024-05-01')!)).toBe(new Date(2024, 4, 1).getTime());
    expect(toEpochMs(parseDateCell('2024-05-01 13:45:10')!)).toBe(new Date(2024, 4, 1, 13, 45, 10).getTime());
  });

  it('a zoned ISO timestamp becomes the local day and time', () => {
    const d = parseDateCell('2024-05-01T05:00:00Z')!;
    expect(toEpochMs(d)).toBe(Date.UTC(2024, 4, 1, 5));
  });
});

describe('parseNumberCell', () => {
  it.each([
    ['1234', 1234],
    ['1,234.50', 1234.5],
    ['￥1234', 1234],
    ['¥1,234', 1234],
    ['¥ 1,234.5', 1234.5],
    ['1234元', 1234],
    ['RMB 99.9', 99.9],
    ['１２３４．５', 1234.5],
    ['１，２３４', 1234],
    ['-12.5', -12.5],
    ['－12', -12],
    ['-￥1,234', -1234],
    ['￥-1,234', -1234],
    ['(1,234.00)', -1234],
    ['+5', 5],
    ['0', 0],
    ['.5', 0.5],
    ['1 234', 1234],
    ['1,234,567.89', 1234567.89],
  ])('%s → %d', (raw, n) => {
    expect(parseNumberCell(raw)).toBe(n);
  });

  it.each([[''], ['-'], ['abc'], ['12,5'], ['1,23,456'], ['1.2.3'], ['12abc'], ['1e5x'], ['¥'], ['--5']])('%s is not a number', (raw) => {
    expect(parseNumberCell(raw)).toBeNull();
  });

  it.each([
    ['10', { value: 10 }],
    ['10条', { value: 10, unit: '条' }],
    ['2.5 kg', { value: 2.5, unit: 'kg' }],
    ['-3条', { value: -3, unit: '条' }],
  ])('quantity %s', (raw, q) => {
    expect(parseQuantityCell(raw)).toEqual(q);
  });

  it.each([['十条'], ['10条条条条条条条'], ['条']])('quantity %s is not a number', (raw) => {
    expect(parseQuantityCell(raw)).toBeNull();
  });
});

describe('lists and placeholders', () => {
  it.each([
    ['13800138000、13900139000', ['13800138000', '13900139000']],
    ['a;b；c，d,e/f|g', ['a', 'b', 'c', 'd', 'e', 'f', 'g']],
    [' a 、、 b ', ['a', 'b']],
    ['a\nb', ['a', 'b']],
    ['a、无、-', ['a']],
  ])('splitList %j', (raw, list) => {
    expect(splitList(raw)).toEqual(list);
  });

  it.each([['无', true], ['-', true], ['NULL', true], ['N/A', true], ['暂无', true], ['张无忌', false], ['0', false]])('placeholder %s: %s', (s, yes) => {
    expect(isPlaceholder(s)).toBe(yes);
  });

  it.each([['4.40301E+11', true], ['1.38e+10', true], ['440300123456', false], ['1E5', false]])('scientific %s: %s', (s, yes) => {
    expect(isScientific(s)).toBe(yes);
  });
});
