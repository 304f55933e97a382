import { describe, expect, it } from 'vitest';
import { parseCadenceRow, toCadenceRow } from '../../lib/cadence-form';
import { DEFAULT_CADENCE } from '../../lib/cadence';

const row = (over: Partial<Parameters<typeof parseCadenceRow>[0]>) => ({ segments: '', from: '', to: '', intervalDays: '30', method: 'visit' as const, ...over });

describe('the cadence table in settings', () => {
  it('reads segment words in any separator, a class range, one class, and the method', () => {
    expect(parseCadenceRow(row({ segments: '核心、战略, core', intervalDays: '14' }))).toEqual({ rule: { segments: ['核心', '战略', 'core'], intervalDays: 14, method: 'visit' } });
    expect(parseCadenceRow(row({ from: '25', to: '30', method: 'call' }))).toEqual({ rule: { classRange: [25, 30], intervalDays: 30, method: 'call' } });
    expect(parseCadenceRow(row({ from: '28' }))).toEqual({ rule: { classRange: [28, 28], intervalDays: 30, method: 'visit' } });
  });

  it.each([
    [row({ segments: '核心', intervalDays: '0' }), 'settings.cadence.error.interval'],
    [row({ segments: '核心', intervalDays: '7.5' }), 'settings.cadence.error.interval'],
    [row({ segments: '核心', intervalDays: '366' }), 'settings.cadence.error.interval'],
    [row({ from: '30', to: '25' }), 'settings.cadence.error.range'],
    [row({ from: 'A', to: '5' }), 'settings.cadence.error.range'],
    [row({}), 'settings.cadence.error.match'],
  ])('refuses %j with %s', (r, error) => {
    expect(parseCadenceRow(r)).toEqual({ error });
  });

  it('the defaults survive a round trip through the table', () => {
    expect(DEFAULT_CADENCE.map((r) => parseCadenceRow(toCadenceRow(r)))).toEqual(DEFAULT_CADENCE.map((rule) => ({ rule })));
  });
});
