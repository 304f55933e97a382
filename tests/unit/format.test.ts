import { describe, expect, it } from 'vitest';
import {
  daysOverdue,
  formatDate,
  formatMobile,
  formatPercent,
  formatShortDate,
  formatWhen,
  formatYuan,
  parseCalendarDate,
} from '../../lib/format';

// Local-time constructors keep the tests independent of the machine's time zone.
const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe('formatYuan', () => {
  it('formats with the yuan sign, grouping and two decimals', () => {
    expect(formatYuan(1234.5, 'zh-CN')).toBe('¥1,234.50');
    expect(formatYuan(1234.5, 'en')).toBe('¥1,234.50');
    expect(formatYuan(0, 'en')).toBe('¥0.00');
  });
  it('keeps the sign of returns', () => {
    expect(formatYuan(-30, 'zh-CN')).toBe('-¥30.00');
  });
});

describe('formatPercent', () => {
  it('rounds a confidence to a whole percent', () => {
    expect(formatPercent(0.873, 'zh-CN')).toBe('87%');
    expect(formatPercent(1, 'en')).toBe('100%');
  });
});

describe('formatMobile', () => {
  it('groups mainland mobiles 3-4-4', () => {
    expect(formatMobile('13800138000')).toBe('138 0013 8000');
  });
  it('accepts spaces, dashes and +86', () => {
    expect(formatMobile('138-0013-8000')).toBe('138 0013 8000');
    expect(formatMobile('+86 138 0013 8000')).toBe('138 0013 8000');
    expect(formatMobile('8613800138000')).toBe('138 0013 8000');
  });
  it('leaves anything else alone', () => {
    expect(formatMobile('0755-83210000')).toBe('0755-83210000');
    expect(formatMobile('12345')).toBe('12345');
  });
});

describe('parseCalendarDate', () => {
  it('reads YYYY-MM-DD as a local date', () => {
    const d = parseCalendarDate('2025-03-04')!;
    expect([d.getFullYear(), d.getMonth(), d.getDate()]).toEqual([2025, 2, 4]);
  });
  it('refuses yearless, impossible and malformed dates', () => {
    expect(parseCalendarDate('--03-04')).toBeUndefined();
    expect(parseCalendarDate('2025-02-30')).toBeUndefined();
    expect(parseCalendarDate('4 March')).toBeUndefined();
  });
});

describe('daysOverdue', () => {
  const now = at(2025, 3, 10, 9);
  it('counts whole local days past the due date', () => {
    expect(daysOverdue('2025-03-07', now)).toBe(3);
    expect(daysOverdue('2025-03-10', now)).toBe(0);
    expect(daysOverdue('2025-03-12', now)).toBe(-2);
  });
  it('does not depend on the time of day', () => {
    expect(daysOverdue('2025-03-09', at(2025, 3, 10, 0, 1))).toBe(1);
    expect(daysOverdue('2025-03-09', at(2025, 3, 10, 23, 59))).toBe(1);
  });
  it('crosses month and year ends', () => {
    expect(daysOverdue('2024-12-31', at(2025, 1, 1))).toBe(1);
    expect(daysOverdue('2024-02-28', at(2024, 3, 1))).toBe(2); // leap year
  });
  it('has no answer for yearless dates', () => {
    expect(daysOverdue('--03-04', now)).toBeUndefined();
  });
});

describe('formatDate / formatShortDate', () => {
  it('formats calendar dates and timestamps per locale', () => {
    expect(formatDate('2025-03-04', 'zh-CN')).toBe('2025年3月4日');
    expect(formatDate('2025-03-04', 'en')).toBe('Mar 4, 2025');
    expect(formatDate(at(2025, 3, 4), 'zh-CN')).toBe('2025年3月4日');
  });
  it('drops the year of yearless birthdays', () => {
    expect(formatDate('--03-04', 'zh-CN')).toBe('3月4日');
    expect(formatDate('--03-04', 'en')).toBe('Mar 4');
  });
  it('shows the year only when it is not this year', () => {
    const now = at(2025, 6, 1);
    expect(formatShortDate('2025-03-04', 'zh-CN', now)).toBe('3月4日');
    expect(formatShortDate('2024-03-04', 'en', now)).toBe('Mar 4, 2024');
  });
});

describe('formatWhen', () => {
  const now = at(2025, 3, 10, 16);
  it('says today and yesterday with the time', () => {
    expect(formatWhen(at(2025, 3, 10, 14, 5), 'zh-CN', now)).toBe('今天 14:05');
    expect(formatWhen(at(2025, 3, 9, 9, 30), 'zh-CN', now)).toBe('昨天 09:30');
    expect(formatWhen(at(2025, 3, 10, 14, 5), 'en', now)).toBe('today 2:05 PM');
  });
  it('counts days within the week', () => {
    expect(formatWhen(at(2025, 3, 7), 'zh-CN', now)).toBe('3天前');
    expect(formatWhen(at(2025, 3, 7), 'en', now)).toBe('3 days ago');
  });
  it('uses a short date for older events', () => {
    expect(formatWhen(at(2025, 2, 1), 'zh-CN', now)).toBe('2月1日');
    expect(formatWhen(at(2024, 12, 1), 'en', now)).toBe('Dec 1, 2024');
  });
});
