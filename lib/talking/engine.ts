import { addDaysYmd, toYmd, type Ymd } from '../dates';
import { prepare } from './prepare';
import { RULES } from './registry';
import type { TalkingContext, TalkingPoint, TalkingRule } from './types';

export type RuleError = (ruleId: string, error: unknown) => void;

const warn: RuleError = (ruleId, error) => console.warn(`talking points: rule ${ruleId} failed and was skipped`, error);

const byPriorityThenRecency = (a: TalkingPoint, b: TalkingPoint): number =>
  b.priority - a.priority || (b.at ?? -Infinity) - (a.at ?? -Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The talking points for one customer: every rule run over data derived once, dismissed points left out,
 * highest priority first, then the most recent evidence. A rule that throws or returns something that is
 * not a point is skipped (reported to `onError`), never the whole list.
 */
export function talkingPoints(ctx: TalkingContext, options: { rules?: readonly TalkingRule[]; onError?: RuleError } = {}): TalkingPoint[] {
  const { rules = RULES, onError = warn } = options;
  let prepared;
  try {
    prepared = prepare(ctx);
  } catch (err) {
    onError('prepare', err);
    return [];
  }
  const dismissed = ctx.dismissed;
  const seen = new Set<string>();
  const points: TalkingPoint[] = [];
  for (const rule of rules) {
    if (dismissed?.has(rule.id)) continue;
    let out: TalkingPoint[];
    try {
      out = rule.evaluate(ctx, prepared);
      if (!Array.isArray(out)) throw new Error('evaluate did not return an array');
    } catch (err) {
      onError(rule.id, err);
      continue;
    }
    for (const point of out) {
      if (!isPoint(point)) {
        onError(rule.id, new Error(`not a talking point: ${JSON.stringify(point)}`));
        continue;
      }
      if (seen.has(point.id) || dismissed?.has(point.id)) continue;
      seen.add(point.id);
      points.push(point);
    }
  }
  return points.sort(byPriorityThenRecency);
}

const isText = (t: unknown): boolean =>
  !!t && typeof (t as Record<string, unknown>)['zh-CN'] === 'string' && typeof (t as Record<string, unknown>).en === 'string';
const isPoint = (p: unknown): p is TalkingPoint => {
  const q = p as TalkingPoint | null;
  return !!q && typeof q.id === 'string' && typeof q.priority === 'number' && Number.isFinite(q.priority) && isText(q.text) && isText(q.because);
};

// ---------------------------------------------------------------------------------------------------------
// Dismissal: "not today" for one point of one customer. The caller stores these; everything here is pure.

export interface Dismissal {
  customerId: string;
  /** A point id, or a rule id to hide all of that rule's points. */
  pointId: string;
  /** The last calendar day it stays hidden (inclusive). */
  until: Ymd;
}

/** Dismissing on `today` hides the point for the rest of that day; it comes back tomorrow. */
export function dismiss(customerId: string, point: Pick<TalkingPoint, 'id'>, today: Ymd, days = 1): Dismissal {
  return { customerId, pointId: point.id, until: addDaysYmd(today, days - 1) };
}

/** Whether a stored dismissal still hides its point on `today`. Also accepts `until` as a timestamp (its calendar day). */
export function dismissalApplies(d: { until: Ymd | number }, today: Ymd): boolean {
  const until = typeof d.until === 'number' ? toYmd(d.until) : d.until;
  return today <= until;
}

/** The ids to pass as `ctx.dismissed` for one customer: its dismissals that still apply today. */
export function activeDismissals(stored: Iterable<Dismissal>, customerId: string, today: Ymd): Set<string> {
  const ids = new Set<string>();
  for (const d of stored) if (d.customerId === customerId && dismissalApplies(d, today)) ids.add(d.pointId);
  return ids;
}
