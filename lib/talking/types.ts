import type { CadenceRule } from '../cadence';
import type { Ymd } from '../dates';
import type { Locale } from '../i18n';
import type { Contact, Customer, Interaction, InteractionKind, Need, Task } from '../model';

/** Both translations of a line; rule texts live in the rule files (issue 5), not in lib/i18n. */
export type LocalizedText = Record<Locale, string>;

/** The manager's line of work (domain.md "Who uses it"). */
export type Industry = 'tobacco' | 'bank' | 'telecom' | 'other';

export interface TalkingSettings {
  /**
   * One manager works in one industry, so this decides for every customer when set: 'bank' makes each
   * customer a bank customer, anything else makes none. Unset, the bank rule reads the customer's own
   * record (see rules/bank-risk-disclosure.ts).
   */
  industry?: Industry;
}

/** Everything the rules may look at for one customer. Pure data: the caller loads it. */
export interface TalkingContext {
  customer: Customer;
  contacts: readonly Contact[];
  /** All of the customer's interactions, any kind, any order. */
  interactions: readonly Interaction[];
  /** Needs and complaints in any status; informed ones are closed and ignored. */
  needs: readonly Need[];
  /** Tasks in any status; done ones are ignored. */
  tasks: readonly Task[];
  /** Epoch ms; formats dates ("this year" or not). */
  now: number;
  /** The manager's calendar day; defaults to `toYmd(now)`. */
  today?: Ymd;
  /** Visit cadence policy; defaults to DEFAULT_CADENCE. */
  cadence?: readonly CadenceRule[];
  settings?: TalkingSettings;
  /** Point ids (one point) or rule ids (the whole rule) hidden for this customer; see `activeDismissals`. */
  dismissed?: ReadonlySet<string>;
}

/** How the panel may colour a point. */
export type Tone = 'urgent' | 'attention' | 'care' | 'opportunity' | 'info';

export interface TalkingPoint {
  /** `ruleId:evidenceKey`, stable while the evidence is the same, so a dismissal sticks to this point. */
  id: string;
  ruleId: string;
  /**
   * Higher first. The rule's priority, plus a fraction below 1 that orders points of the same rule
   * (more overdue, sooner); so a rule's points never cross into another rule's band.
   */
  priority: number;
  tone: Tone;
  /** What to say or do. */
  text: LocalizedText;
  /** The evidence: names, dates, amounts. */
  because: LocalizedText;
  /** Time of the evidence (epoch ms), the tie-break after priority: more recent first. */
  at?: number;
  /** Ids and values the panel can act on. */
  data?: {
    needId?: string;
    taskId?: string;
    contactId?: string;
    /** A calendar date the point is about (due date, the birthday's day). */
    date?: Ymd;
    products?: string[];
    fields?: string[];
    amounts?: Record<string, number>;
  };
}

/** Derived once per `talkingPoints` call and shared by the rules, so none rescans all interactions. */
export interface Prepared {
  today: Ymd;
  /** Local midnight starting the day `n` days before today (0 = today), epoch ms. Memoised. */
  dayStart(n: number): number;
  /** Whole calendar days from the day of `at` to today. */
  daysSince(at: number): number;
  /** Latest interaction time per kind. */
  lastAt: Partial<Record<InteractionKind, number>>;
  /** The orders, newest first, with their amounts (returns negative). */
  orders: readonly PreparedOrder[];
  /** Needs not yet informed. */
  openNeeds: readonly Need[];
  /** The cadence rule that applies to this customer. */
  cadence: { intervalDays: number; method: 'visit' | 'call' };
}

export interface PreparedOrder {
  at: number;
  amount: number;
  lines: NonNullable<Interaction['lines']>;
}

export interface TalkingRule {
  /** Also the rule's file name under lib/talking/rules (tested). */
  id: string;
  priority: number;
  evaluate(ctx: TalkingContext, prepared: Prepared): TalkingPoint[];
}
