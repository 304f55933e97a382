import { describe, expect, it } from 'vitest';
import { isValidUscc } from '../../lib/match/uscc';
import { Backup } from '../../lib/model/backup';
import { DEMO_SCENARIOS, demoScenarioOrderNo, generateDemoData, orderNoOf } from '../sites/data/generate';

const NOW = Date.UTC(2025, 10, 24, 16); // 2025-11-25 00:00 China time
const data = generateDemoData({ now: NOW });

describe('demo data set', () => {
  it('is a valid backup, deterministic for the same now, and under 8 MB', () => {
    expect(() => Backup.parse(data)).not.toThrow();
    const json = JSON.stringify(data);
    expect(JSON.stringify(generateDemoData({ now: NOW }))).toBe(json);
    expect(Buffer.byteLength(json)).toBeLessThan(8_000_000);
  });

  it('has ~300 shops and ~40 bank clients', () => {
    const shops = data.customers.filter((c) => c.licenceNo);
    const banks = data.customers.filter((c) => c.uscc);
    expect(shops).toHaveLength(300);
    expect(banks).toHaveLength(40);
    const core = shops.filter((c) => Number(c.class) >= 25).length;
    expect(core).toBeGreaterThanOrEqual(5);
    expect(core).toBeLessThanOrEqual(30);
    for (const c of shops) {
      expect(c.licenceNo).toMatch(/^44\d{10}$/);
      expect(c.customerCode).toMatch(new RegExp(`^${DEMO_SCENARIOS.customerCodePattern}$`));
      expect(c.birthday).toMatch(/^\d{4}-\d\d-\d\d$/);
    }
  });

  it('every credit code is valid, identifiers and ids are unique', () => {
    const banks = data.customers.filter((c) => c.uscc);
    for (const c of banks) expect(isValidUscc(c.uscc!), c.uscc).toBe(true);
    const unique = (xs: unknown[]) => expect(new Set(xs).size).toBe(xs.length);
    unique(banks.map((c) => c.uscc));
    unique(data.customers.flatMap((c) => [c.licenceNo, c.customerCode]).filter(Boolean));
    unique(banks.map((c) => c.emails[0].split('@')[1]));
    unique([...data.customers, ...data.contacts, ...data.interactions, ...data.needs, ...data.tasks].map((r) => r.id));
    unique(data.interactions.map(orderNoOf).filter(Boolean));
    for (const c of banks) {
      const contacts = data.contacts.filter((k) => k.customerId === c.id);
      expect(contacts.length).toBeGreaterThanOrEqual(3);
      expect(contacts.length).toBeLessThanOrEqual(5);
    }
  });

  it('every referenced customer and need exists, and nothing happens after now', () => {
    const ids = new Set(data.customers.map((c) => c.id));
    const needs = new Set(data.needs.map((n) => n.id));
    for (const r of [...data.contacts, ...data.interactions, ...data.needs, ...data.tasks]) expect(ids.has(r.customerId)).toBe(true);
    for (const t of data.tasks) if (t.needId) expect(needs.has(t.needId)).toBe(true);
    for (const i of data.interactions) expect(i.at).toBeLessThanOrEqual(NOW);
    expect(new Set(data.needs.map((n) => n.status))).toEqual(new Set(['raised', 'in_progress', 'resolved', 'informed']));
    expect(data.tasks.some((t) => t.status === 'open')).toBe(true);
  });

  it('the ambiguous mobile is shared by exactly the two scenario customers, other mobiles are unique', () => {
    const owners = data.customers.filter((c) => c.mobiles.includes(DEMO_SCENARIOS.ambiguousMobile)).map((c) => c.id);
    expect(owners.sort()).toEqual([...DEMO_SCENARIOS.ambiguousCustomerIds].sort());
    const mobiles = [...data.customers, ...data.contacts].flatMap((c) => c.mobiles).filter((m) => m !== DEMO_SCENARIOS.ambiguousMobile);
    expect(new Set(mobiles).size).toBe(mobiles.length);
  });

  it('the scenario customers exist as DEMO_SCENARIOS says, whatever now is', () => {
    for (const d of [data, generateDemoData({ now: NOW + 40 * 86_400_000 })]) {
      const byId = new Map(d.customers.map((c) => [c.id, c]));
      const order = byId.get(DEMO_SCENARIOS.orderCustomerId)!;
      expect([order.name, order.customerCode, order.licenceNo]).toEqual([
        DEMO_SCENARIOS.orderCustomerName, DEMO_SCENARIOS.orderCustomerCode, DEMO_SCENARIOS.orderCustomerLicence,
      ]);
      expect(byId.get(DEMO_SCENARIOS.mailCustomerId)!.name).toBe(DEMO_SCENARIOS.mailCustomerName);
      expect(d.contacts.find((c) => c.id === DEMO_SCENARIOS.mailContactId)!.emails).toEqual([DEMO_SCENARIOS.mailFromEmail]);
      expect(d.interactions.find((i) => i.id === DEMO_SCENARIOS.mailMessageId)!.customerId).toBe(DEMO_SCENARIOS.mailCustomerId);
      expect(byId.get(DEMO_SCENARIOS.aliasCustomerId)!.aliases).toEqual(DEMO_SCENARIOS.aliases);
      expect(byId.get(DEMO_SCENARIOS.signatureCustomerId)!.mobiles).toContain(DEMO_SCENARIOS.signatureMobile);
    }
    expect(demoScenarioOrderNo(data)).toMatch(/^DD20251124\d{6}$/);
  });
});
