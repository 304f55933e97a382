// Relative imports: vitest has no `@/` alias, and this file is unit-tested (tests/unit/rules/rule-form.test.ts).
import type { MessageKey } from '../../../lib/i18n';
import { SiteRule, type RuleTarget } from '../../../lib/model/rules';
import { regexProblem } from '../../../lib/rules/regex';
import { isValidSelector } from '../../../lib/rules/selector';
import { isValidPattern } from '../../../lib/rules/url-pattern';

/** The fields the dashboard lets a manager edit. */
export interface RuleFormValues {
  label: string;
  urlPattern: string;
  selector: string;
  target: RuleTarget;
  extract: string;
  enabled: boolean;
}
export type RuleFormField = keyof RuleFormValues;
export interface FieldError {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export const RULE_TARGETS: RuleTarget[] = ['customerCode', 'licence', 'uscc', 'mobile', 'email', 'name'];

export const targetLabel = (target: RuleTarget): MessageKey => (target === 'name' ? 'rules.kind.name' : `kind.${target}`);

export const formValues = (r: SiteRule): RuleFormValues => ({
  label: r.label,
  urlPattern: r.urlPattern,
  selector: r.selector,
  target: r.target,
  extract: r.extract ?? '',
  enabled: r.enabled,
});

const MAX: Partial<Record<RuleFormField, number>> = { label: 200, urlPattern: 500, selector: 1_000, extract: 300 };

/**
 * Checks an edited rule field by field, in words the manager can act on. The model (SiteRule) has the last
 * word: anything it refuses that the checks above did not name is reported on its field.
 */
export function validateRuleForm(rule: SiteRule, v: RuleFormValues): { errors: Partial<Record<RuleFormField, FieldError>>; rule?: SiteRule } {
  const errors: Partial<Record<RuleFormField, FieldError>> = {};
  for (const f of ['label', 'urlPattern', 'selector'] as const) if (!v[f].trim()) errors[f] = { key: 'rules.invalid.required' };
  for (const [f, max] of Object.entries(MAX) as [RuleFormField, number][])
    if (!errors[f] && String(v[f]).trim().length > max) errors[f] = { key: 'rules.invalid.tooLong', params: { max } };
  if (!errors.urlPattern && !isValidPattern(v.urlPattern)) errors.urlPattern = { key: 'rules.invalid.urlPattern' };
  if (!errors.selector && !isValidSelector(v.selector.trim())) errors.selector = { key: 'rules.invalid.selector' };
  const extract = v.extract.trim();
  const problem = extract && !errors.extract ? regexProblem(extract) : null;
  if (problem) errors.extract = { key: problem === 'nested' ? 'rules.invalid.extract.nested' : 'rules.invalid.extract.syntax' };

  const next = { ...rule, label: v.label, urlPattern: v.urlPattern, selector: v.selector, target: v.target, enabled: v.enabled, extract: extract || undefined };
  if (!extract) delete next.extract;
  const parsed = SiteRule.safeParse(next);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const f = issue.path[0] as RuleFormField;
      if (!errors[f]) errors[f] = { key: 'rules.invalid.other', params: { detail: issue.message } };
    }
  }
  return Object.keys(errors).length === 0 && parsed.success ? { errors, rule: parsed.data } : { errors };
}
