import { detectIdentifiers } from '../match/detect';
import { identKey, normaliseEmail, normaliseLicence, normaliseMobile, normaliseUscc, toHalfWidth } from '../match/identifiers';
import type { IdentifierKindT, PageIdentifier } from '../model/match';
import type { RuleTarget, SiteRule } from '../model/rules';
import { compileExtract } from './regex';
import { matchesPattern } from './url-pattern';

/**
 * Runs taught rules on a page. This is part of the content script and runs on every scan, so it imports
 * types only from lib/model (no zod at run time), reads with textContent / form values, and caps both the
 * elements per rule and the text a rule's pattern sees.
 */

/** The fields of a rule that applying it needs (a saved SiteRule, or the picker's draft). */
export type RuleSpec = Pick<SiteRule, 'selector' | 'target'> & { extract?: string };
export type AppliedRule = RuleSpec & Pick<SiteRule, 'id' | 'label' | 'urlPattern'> & { enabled?: boolean };

/** Elements read per rule: a rule meant for one field that matches a whole list is still cheap. */
export const MAX_ELEMENTS = 20;
/** Characters of one element's text a rule reads (and its pattern runs on). */
export const MAX_TEXT = 2_000;

export interface RuleResult {
  /** Elements the selector found (up to MAX_ELEMENTS are read). */
  elements: number;
  /** Normalised values that passed the check for the rule's kind, de-duplicated, in page order. */
  values: string[];
  /** What stopped the rule from running at all. */
  invalid?: 'selector' | 'extract';
}

export interface Applied {
  identifiers: PageIdentifier[];
  names: string[];
  /** Rules that claim this address but found nothing valid: the panel reports them (issue 4). */
  misses: { ruleId: string; label: string }[];
}

/** Enabled rules whose address pattern claims `url`. */
export function rulesForUrl<R extends { urlPattern: string; enabled?: boolean }>(rules: readonly R[], url: string | URL): R[] {
  // Rules arrive by message: a malformed one is skipped, never allowed to break the scan.
  return rules.filter((r) => r && typeof r.urlPattern === 'string' && r.enabled !== false && matchesPattern(r.urlPattern, url));
}

/** What an element shows: form fields by their value, a select by its chosen option, others by textContent. */
export function elementText(el: Element): string {
  const tag = el.localName;
  if (tag === 'input' || tag === 'textarea') return String((el as HTMLInputElement).value ?? '');
  if (tag === 'select') {
    const s = el as HTMLSelectElement;
    const o = s.options?.[s.selectedIndex];
    return o?.textContent ?? '';
  }
  return el.textContent ?? '';
}

/** Full-width folded, whitespace collapsed and capped: the text rules see, in the picker and on every scan. */
export const ruleText = (raw: string) => toHalfWidth(raw.slice(0, MAX_TEXT)).replace(/\s+/g, ' ').trim();

const EMAIL_SHAPE = /^[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
const CODE_SHAPE = /^[\p{L}\p{N}][\p{L}\p{N}._/-]{2,59}$/u;
const PLACEHOLDER = /^(暂无|无|空|未知|未填写?|未设置|未登记|加载中|正在加载|请选择|loading|null|undefined|none|n\/?a|unknown|-+|—+|\.+|…+|\*+)$/i;
/** "客户编码：" at the start of a text that also holds the value. */
const LEADING_LABEL = /^[^:：]{1,16}[:：]\s*/;

/** One value as the rule's kind: normalised, or null when it is not one (junk, a placeholder, a label). */
export function normaliseFor(target: RuleTarget, raw: string): string | null {
  const v = raw.trim();
  if (!v) return null;
  switch (target) {
    case 'licence':
      return normaliseLicence(v);
    case 'mobile':
      return normaliseMobile(v);
    case 'uscc':
      return normaliseUscc(v);
    case 'email': {
      const e = normaliseEmail(v.replace(/^mailto:/i, ''));
      return EMAIL_SHAPE.test(e) ? e : null;
    }
    case 'customerCode': {
      const c = v.replace(/^[\s"'“”‘’([{<【（]+|[\s"'“”‘’)\]}>】）.,;，；。]+$/gu, '');
      // Codes carry a digit: this rejects placeholders like "N/A" and "暂无" as well as labels.
      return CODE_SHAPE.test(c) && /\d/.test(c) ? c : null;
    }
    case 'name': {
      // Quotes and trailing punctuation only: brackets belong to names such as "鑫隆商行（南山店）".
      const n = v.replace(/^[\s"'“”‘’]+|[\s"'“”‘’,.;，；。]+$/gu, '').slice(0, 200);
      if (n.length < 2 || PLACEHOLDER.test(n) || !/\p{L}/u.test(n)) return null;
      // A name element that shows an identifier or a bare number is not showing a name.
      if (/^[\d\s+().-]+$/.test(n) || /^[\w.%+-]+@/.test(n)) return null;
      return n;
    }
  }
}

const wrap = (v: string | null) => (v ? [v] : []);

/** Values of one element's (already prepared) text for the rule's kind. */
function valuesOf(text: string, target: RuleTarget, re: RegExp | null): string[] {
  if (!text) return [];
  if (re) {
    const m = re.exec(text);
    if (!m) return [];
    return wrap(normaliseFor(target, (m.length > 1 ? m[1] : m[0]) ?? ''));
  }
  // "客户编码：KH00012345" without a pattern: what follows the label (a code never holds a colon, and a
  // name hardly ever does in its first words).
  if (target === 'name') return wrap(normaliseFor(target, text.replace(LEADING_LABEL, '')));
  if (target === 'customerCode') return wrap(normaliseFor(target, text) ?? normaliseFor(target, text.replace(LEADING_LABEL, '')));
  const whole = normaliseFor(target, text);
  if (whole) return [whole];
  // Self-describing kinds inside more text ("电话：138 2551 8866（微信同号）"): the detector finds them.
  return detectIdentifiers(text)
    .filter((d) => d.kind === target)
    .map((d) => d.value);
}

/** The values a rule of this kind (and optional pattern) reads from one text; [] when the pattern is refused. */
export function readValues(text: string, target: RuleTarget, extract?: string): string[] {
  const re = extract ? compileExtract(extract) : null;
  if (extract && !re) return [];
  return valuesOf(ruleText(text), target, re);
}

/** Runs one rule on the document (address not checked). `skip` leaves out an element (the picker's own UI). */
export function evaluateRule(doc: ParentNode, rule: RuleSpec, skip?: Element): RuleResult {
  let re: RegExp | null = null;
  if (rule.extract) {
    re = compileExtract(rule.extract);
    if (!re) return { elements: 0, values: [], invalid: 'extract' };
  }
  let found: NodeListOf<Element>;
  if (typeof rule.selector !== 'string') return { elements: 0, values: [], invalid: 'selector' };
  try {
    found = doc.querySelectorAll(rule.selector);
  } catch {
    return { elements: 0, values: [], invalid: 'selector' };
  }
  const values: string[] = [];
  let elements = 0;
  for (const el of Array.from(found)) {
    if (skip && (el === skip || skip.contains(el))) continue;
    if (++elements > MAX_ELEMENTS) continue; // keep counting, stop reading
    for (const v of valuesOf(ruleText(elementText(el)), rule.target, re)) if (!values.includes(v)) values.push(v);
  }
  return { elements, values };
}

/** Every enabled rule for `url` on `doc`: identifiers (role 'field'), names, and the rules that found nothing. */
export function applyRules(doc: ParentNode, url: string | URL, rules: readonly AppliedRule[]): Applied {
  const identifiers: PageIdentifier[] = [];
  const names: string[] = [];
  const misses: Applied['misses'] = [];
  const seen = new Set<string>();
  for (const rule of rulesForUrl(rules, url)) {
    const { values } = evaluateRule(doc, rule);
    if (values.length === 0) {
      misses.push({ ruleId: String(rule.id), label: String(rule.label ?? '').slice(0, 200) });
      continue;
    }
    for (const value of values) {
      if (rule.target === 'name') {
        if (!names.includes(value)) names.push(value);
        continue;
      }
      const kind = rule.target as IdentifierKindT;
      const key = identKey(kind, value);
      if (seen.has(key)) continue;
      seen.add(key);
      identifiers.push({ kind, value, role: 'field' });
    }
  }
  return { identifiers, names, misses };
}
