import type { CadenceRule } from './cadence';

// The settings' cadence table (components/dashboard/settings/ConversationCard) as the manager types it.

/** The words or class range a row matches, its interval and method, as typed. */
export interface CadenceRow {
  segments: string;
  from: string;
  to: string;
  intervalDays: string;
  method: 'visit' | 'call';
}
export const toCadenceRow = (r: CadenceRule): CadenceRow => ({
  segments: (r.segments ?? []).join('、'),
  from: r.classRange ? String(r.classRange[0]) : '',
  to: r.classRange ? String(r.classRange[1]) : '',
  intervalDays: String(r.intervalDays),
  method: r.method,
});

export type CadenceRowError = 'settings.cadence.error.match' | 'settings.cadence.error.interval' | 'settings.cadence.error.range';

/** A row as the policy stores it, or the reason it cannot be. Pure (tests/unit/cadence-form.test.ts). */
export function parseCadenceRow(row: CadenceRow): { rule: CadenceRule } | { error: CadenceRowError } {
  const segments = row.segments.split(/[、,，;；\s]+/).map((s) => s.trim()).filter(Boolean);
  const interval = Number(row.intervalDays);
  if (!Number.isInteger(interval) || interval < 1 || interval > 365) return { error: 'settings.cadence.error.interval' };
  let classRange: [number, number] | undefined;
  if (row.from.trim() || row.to.trim()) {
    const [a, b] = [Number(row.from || row.to), Number(row.to || row.from)];
    if (![a, b].every((n) => Number.isInteger(n) && n >= 0 && n <= 999) || a > b) return { error: 'settings.cadence.error.range' };
    classRange = [a, b];
  }
  if (!segments.length && !classRange) return { error: 'settings.cadence.error.match' };
  return { rule: { ...(segments.length && { segments }), ...(classRange && { classRange }), intervalDays: interval, method: row.method } };
}

