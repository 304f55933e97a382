// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { RULES_FORMAT, SiteRule, type SiteRule as SiteRuleT } from '../../../lib/model';
import { exportRules, mergeRules, parseRulesFile, ruleKey, rulesFileName } from '../../../lib/rules/share';

const T0 = 1_760_000_000_000;
const make = (over: Partial<SiteRuleT> = {}): SiteRuleT =>
  SiteRule.parse({
    id: crypto.randomUUID(),
    label: '订货系统 · 客户编码',
    urlPattern: 'https://order.example.com/cust/*',
    selector: 'form[name="custForm"] td:nth-of-type(2)',
    target: 'customerCode',
    createdAt: T0,
    updatedAt: T0,
    ...over,
  });
const file = (rules: unknown[], over: Record<string, unknown> = {}) => JSON.stringify({ format: RULES_FORMAT, version: 1, exportedAt: T0, rules, ...over });

describe('export and parse', () => {
  it('round-trips every field', () => {
    const rules = [make(), make({ target: 'name', selector: 'h1.shop', extract: '名称[:：](.+)', enabled: false, label: '名称' })];
    const text = exportRules(rules, T0 + 5);
    expect(JSON.parse(text)).toMatchObject({ format: RULES_FORMAT, version: 1, exportedAt: T0 + 5 });
    expect(parseRulesFile(text)).toEqual({ rules });
    expect(rulesFileName(new Date(2025, 10, 3))).toBe('account-lens-rules-20251103.json');
  });

  it('fills in id and dates a hand-written rule leaves out, and reads a BOM', () => {
    const parsed = parseRulesFile(`\uFEFF${file([{ label: '编码', urlPattern: 'https://a.example.com/*', selector: '#code', target: 'customerCode' }])}`, T0);
    expect('rules' in parsed && parsed.rules[0]).toMatchObject({ label: '编码', enabled: true, createdAt: T0, updatedAt: T0 });
    expect('rules' in parsed && parsed.rules[0].id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['not JSON', '{ rules: [', 'rules.file.notJson', {}],
    ['an array', '[]', 'rules.file.notRules', {}],
    ['another program', JSON.stringify({ format: 'something-else', rules: [] }), 'rules.file.notRules', {}],
    ['a backup', JSON.stringify({ format: 'account-lens-backup', version: 1 }), 'rules.file.otherFormat', { format: 'account-lens-backup' }],
    ['a newer version', file([], { version: 2 }), 'rules.file.version', { version: '2', supported: 1 }],
    ['no version', file([], { version: undefined }), 'rules.file.version', { version: '?', supported: 1 }],
    ['no list', file([], { rules: 'x' }), 'rules.file.noList', {}],
    ['too many', file(Array.from({ length: 1001 }, () => ({}))), 'rules.file.tooMany', { count: 1001, max: 1000 }],
    ['a rule that is not an object', file([make(), 'x']), 'rules.file.notObject', { n: 2 }],
    ['a bad address pattern', file([make(), make(), { ...make(), urlPattern: 'https://*/x' }]), 'rules.file.invalidRule', { n: 3, field: 'urlPattern' }],
    ['a host wildcard in the middle', file([{ ...make(), urlPattern: 'https://order.*.com/*' }]), 'rules.file.invalidRule', { n: 1, field: 'urlPattern' }],
    ['an unknown kind', file([{ ...make(), target: 'wechat' }]), 'rules.file.invalidRule', { n: 1, field: 'target' }],
    ['an empty label', file([{ ...make(), label: '  ' }]), 'rules.file.invalidRule', { n: 1, field: 'label' }],
    ['a broken pattern', file([{ ...make(), extract: '(' }]), 'rules.file.invalidRule', { n: 1, field: 'extract' }],
    ['a freezing pattern', file([{ ...make(), extract: '(a+)+b' }]), 'rules.file.invalidRule', { n: 1, field: 'extract' }],
    ['a broken selector', file([{ ...make(), selector: 'td[' }]), 'rules.file.invalidRule', { n: 1, field: 'selector' }],
    ['enabled as text', file([{ ...make(), enabled: 'yes' }]), 'rules.file.invalidRule', { n: 1, field: 'enabled' }],
  ])('%s → %s', (_what, text, error, params) => {
    const parsed = parseRulesFile(text);
    expect(parsed).toMatchObject({ error, params });
    expect('error' in parsed && typeof parsed.detail).toBe('string');
  });
});

describe('mergeRules', () => {
  it('adds new rules with fresh ids and updates the same rule in place', () => {
    const mine = make({ label: '旧名称', enabled: false });
    const other = make({ target: 'licence', selector: 'td.lic' });
    const incomingSame = make({ label: '新名称', extract: 'KH\\d+', urlPattern: 'https://ORDER.example.com/cust/*', enabled: true });
    const incomingNew = make({ target: 'name', selector: 'h1' });
    const incomingUnchanged = { ...other, id: 'someone-elses-id' };
    const plan = mergeRules([mine, other], [incomingSame, incomingNew, incomingUnchanged], T0 + 100);

    expect(plan.updated).toHaveLength(1);
    expect(plan.updated[0].before).toBe(mine);
    // Same id and creation date; label and pattern from the file; switched off stays off.
    expect(plan.updated[0].after).toEqual({ ...mine, label: '新名称', extract: 'KH\\d+', updatedAt: T0 + 100 });

    expect(plan.added).toHaveLength(1);
    expect(plan.added[0]).toMatchObject({ target: 'name', selector: 'h1', createdAt: T0 + 100 });
    expect(plan.added[0].id).not.toBe(incomingNew.id);

    expect(plan.unchanged).toEqual([other]);
    expect(plan.toWrite).toEqual([...plan.added, plan.updated[0].after]);
  });

  it('an extraction pattern removed in the file is removed here; twins in one file become one rule', () => {
    const mine = make({ extract: 'KH\\d+' });
    const plan = mergeRules([mine], [make({ label: mine.label })], T0 + 1);
    expect(plan.updated[0].after.extract).toBeUndefined();
    const twins = mergeRules([], [make({ label: 'a' }), make({ label: 'b' })], T0);
    expect(twins.added).toHaveLength(1);
    expect(twins.added[0].label).toBe('b');
  });

  it('a rule is the same rule by pattern (host case aside), selector and kind', () => {
    expect(ruleKey(make({ urlPattern: 'https://Order.Example.com/cust/*' }))).toBe(ruleKey(make()));
    expect(ruleKey(make({ urlPattern: 'https://order.example.com/Cust/*' }))).not.toBe(ruleKey(make()));
    expect(ruleKey(make({ target: 'name' }))).not.toBe(ruleKey(make()));
  });
});
