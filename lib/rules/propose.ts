import { detectIdentifiers } from '../match/detect';
import type { RuleTarget } from '../model/rules';
import { elementText, evaluateRule, normaliseFor, readValues, ruleText, type RuleResult, type RuleSpec } from './apply';
import { regexProblem, type RegexProblem } from './regex';
import { proposeSelector, type SelectorProposal } from './selector';
import { isValidPattern, matchesPattern, proposePattern } from './url-pattern';

/**
 * From the element the manager clicked to a proposed rule: what kind of value it shows, the selector, the
 * address pattern, an extraction pattern when the element shows more than the value, and what the rule
 * finds on this page. Pure DOM reading; the picker (entrypoints/teach-picker) shows and edits the result.
 */

/** A rule as the picker edits it: SiteRule without id and dates (the `rules/save` message). */
export interface RuleDraft {
  label: string;
  urlPattern: string;
  selector: string;
  target: RuleTarget;
  extract?: string;
  enabled: boolean;
}

export interface TargetGuess {
  target: RuleTarget;
  /** The value as the rule would read it, or null when the text does not hold one of that kind. */
  value: string | null;
  /** What decided: the label next to it, an identifier detected in it, its shape, or nothing (a name). */
  by: 'label' | 'detected' | 'shape' | 'default';
}

/** Kinds named by a label's words; order matters ("信用代码" before "代码", "许可证号" before "号"). */
const LABEL_HINTS: [RegExp, RuleTarget][] = [
  [/许可证|专卖证|licen[cs]e/i, 'licence'],
  [/信用代码|社会信用|uscc|credit/i, 'uscc'],
  [/邮箱|邮件|e-?mail/i, 'email'],
  [/手机|电话|联系方式|mobile|phone|\btel\b|cell/i, 'mobile'],
  [/编码|编号|代码|客户号|code|\bno\b|\bid\b|number/i, 'customerCode'],
  [/名称|店名|户名|客户名|商户|企业|公司|姓名|name/i, 'name'],
];

export function targetFromLabel(label: string | undefined): RuleTarget | null {
  if (!label) return null;
  for (const [re, target] of LABEL_HINTS) if (re.test(label)) return target;
  return null;
}

/** What a rule of this kind reads from the text: the whole text, or what follows "客户编码：". */
const valueAs = (target: RuleTarget, text: string): string | null => readValues(text, target)[0] ?? null;

/** Dates, amounts and small numbers pass the customer-code check but are not what a code looks like. */
function looksLikeCode(v: string): boolean {
  if (v.length > 30 || /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(v) || /^\d{1,3}(,\d{3})*(\.\d+)?$/.test(v)) return false;
  return !/^\d+$/.test(v) || v.length >= 6;
}

/** The kind of value a text shows: named by its label, else the identifier detected in it, else its shape. */
export function guessTarget(text: string, labelText?: string, options: { customerCodePattern?: string } = {}): TargetGuess {
  const t = ruleText(text);
  const fromLabel = targetFromLabel(labelText) ?? targetFromLabel(/^[^:：]{1,16}(?=[:：])/.exec(t)?.[0]);
  if (fromLabel) return { target: fromLabel, value: valueAs(fromLabel, t), by: 'label' };
  const detected = detectIdentifiers(t, { customerCodePattern: options.customerCodePattern });
  if (detected.length > 0) return { target: detected[0].kind, value: detected[0].value, by: 'detected' };
  const code = normaliseFor('customerCode', t);
  if (code && looksLikeCode(code)) return { target: 'customerCode', value: code, by: 'shape' };
  return { target: 'name', value: valueAs('name', t), by: 'default' };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A pattern for values shaped like this code: its leading letters kept (KH), digit runs as \d+. */
export function codeShape(value: string): string {
  let out = '';
  let first = true;
  for (const run of value.match(/\d+|[A-Za-z]+|[^\x00-\x7f]+|[^A-Za-z\d\x80-\uffff]+/g) ?? []) {
    if (/^\d/.test(run)) out += '\\d+';
    else if (/^[A-Za-z]/.test(run)) out += first && run.length <= 4 ? run : '[A-Za-z]+';
    else if (/^[^\x00-\x7f]/.test(run)) out += '\\p{L}+';
    else out += escapeRe(run);
    first = false;
  }
  return out;
}

/** The label word just before the value ("客户编码：" → 客户编码), and whether a colon follows it. */
const LABEL_BEFORE = /([^\s:：|/;；,，]{1,12})\s*([:：])?\s*$/;

/**
 * An extraction pattern for an element that shows more than the value ("客户编码：KH00012345"), or undefined
 * when none is needed. Identifiers that describe themselves (licence, credit code, mobile, email) are
 * found in longer text without one, so only codes and names get a pattern. The proposal is checked: it
 * must read back exactly the value from this text.
 */
export function proposeExtract(text: string, target: RuleTarget, value: string | null): string | undefined {
  if (!value || (target !== 'customerCode' && target !== 'name')) return undefined;
  const t = ruleText(text);
  if (t === value) return undefined;
  const at = t.indexOf(value);
  if (at < 0) return undefined;
  const prefix = t.slice(0, at);
  const suffix = t.slice(at + value.length).trim();
  let before = '';
  const label = LABEL_BEFORE.exec(prefix);
  if (label && !/^\d+$/.test(label[1])) before = `${escapeRe(label[1])}${label[2] ? '[:：]' : ''}\\s*`;
  else if (!prefix.trim()) before = '^';
  let group: string;
  if (target === 'customerCode') group = `(${codeShape(value)})`;
  else if (!suffix) group = '(.+)';
  else group = `(.+?)\\s*${escapeRe(suffix[0])}`;
  const source = `${before}${group}`;
  if (regexProblem(source)) return undefined;
  const back = readValues(t, target, source);
  return back.length === 1 && back[0] === value ? source : undefined;
}

/**
 * The element the rule should read: when the manager clicked a block that shows more than one identifier's
 * worth of text, the deepest element inside it that still holds the identifier (the span with the number).
 */
export function narrowTarget(el: Element, options: { customerCodePattern?: string } = {}): Element {
  const text = ruleText(elementText(el));
  const first = detectIdentifiers(text, { customerCodePattern: options.customerCodePattern })[0];
  if (!first || ruleText(first.raw) === text) return el;
  const raw = ruleText(first.raw);
  let current = el;
  for (;;) {
    const child = Array.from(current.children).find((c) => ruleText(c.textContent ?? '').includes(raw));
    if (!child) return current;
    current = child;
  }
}

/** A short name for the site: the system's name from the title ("… - 网上订货系统"), else the host. */
export function siteName(title: string, host: string): string {
  const parts = title.split(/\s+[-|–—·_]\s+|\s*[|｜]\s*/).map((p) => p.trim()).filter(Boolean);
  const last = parts.length > 1 ? parts[parts.length - 1] : '';
  return last && last.length <= 24 ? last : host;
}

export interface RuleProposal {
  draft: RuleDraft;
  /** The element the rule reads (the clicked one, or narrowed to the value inside it). */
  element: Element;
  selector: SelectorProposal;
  guess: TargetGuess;
  /** What the proposed rule finds on this page. */
  preview: RuleResult;
}

export interface ProposeOptions {
  /** The page's address (location.href). */
  url: string;
  /** The settings' customer-code pattern, so such codes are recognised. */
  customerCodePattern?: string;
  /** Words for a kind, for the default label ("网上订货系统 · 客户编码"). */
  kindName?: (target: RuleTarget) => string;
  /** The picker's own element, never matched. */
  skip?: Element;
}

/** A whole rule proposal from the clicked element. */
export function proposeRule(clicked: Element, options: ProposeOptions): RuleProposal {
  const doc = clicked.ownerDocument;
  const element = narrowTarget(clicked, options);
  const selector = proposeSelector(element, doc);
  const text = elementText(element);
  const guess = guessTarget(text, selector.labelText, options);
  const extract = proposeExtract(text, guess.target, guess.value);
  const url = new URL(options.url);
  const what = selector.labelText || options.kindName?.(guess.target) || guess.target;
  const draft: RuleDraft = {
    label: `${siteName(doc.title ?? '', url.hostname)} · ${what}`.slice(0, 200),
    urlPattern: proposePattern(url),
    selector: selector.selector,
    target: guess.target,
    ...(extract ? { extract } : {}),
    enabled: true,
  };
  return { draft, element, selector, guess, preview: evaluateRule(doc, draft, options.skip) };
}

export interface DraftCheck extends RuleResult {
  /** The address pattern is well formed. */
  patternValid: boolean;
  /** It claims the page the manager is on (a rule that does not is almost always a mistake). */
  urlMatches: boolean;
  extractProblem: RegexProblem | null;
}

/** What a (possibly edited) draft finds on this page, and what is wrong with it. */
export function checkDraft(doc: Document, url: string, draft: RuleSpec & { urlPattern: string }, skip?: Element): DraftCheck {
  const extract = draft.extract?.trim() || undefined;
  const extractProblem = extract ? regexProblem(extract) : null;
  const result = evaluateRule(doc, { selector: draft.selector, target: draft.target, extract }, skip);
  return { ...result, patternValid: isValidPattern(draft.urlPattern), urlMatches: matchesPattern(draft.urlPattern, url), extractProblem };
}
