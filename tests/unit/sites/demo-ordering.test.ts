// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import adapter from '../../../lib/sites/demo-ordering';
import { savedPages } from './saved-pages';
import { DEMO_SCENARIOS } from '../../sites/data/generate';

const ctx = { customerCodePattern: DEMO_SCENARIOS.customerCodePattern };
const load = savedPages('demo-ordering');

const orderCustomer = [
  { kind: 'customerCode', value: DEMO_SCENARIOS.orderCustomerCode, role: 'field' },
  { kind: 'licence', value: DEMO_SCENARIOS.orderCustomerLicence, role: 'field' },
  { kind: 'mobile', value: '13825518866', role: 'field' },
];

describe('demo-ordering adapter', () => {
  it('claims only the demo ordering system on local hosts', () => {
    const yes = ['http://127.0.0.1:5178/ordering/customers', 'http://localhost:3000/ordering/orders/DD20251124000233', 'http://127.0.0.1/ordering'];
    const no = ['http://127.0.0.1:5178/mail/', 'https://example.com/ordering/customers', 'http://127.0.0.1/orderingx', 'http://10.0.0.1/ordering/customers', 'http://127.0.0.1/'];
    for (const u of yes) expect(adapter.matches(new URL(u)), u).toBe(true);
    for (const u of no) expect(adapter.matches(new URL(u)), u).toBe(false);
  });

  it('reads the customer block of a customer page', () => {
    expect(adapter.extract(load('customer.html'), ctx)).toEqual({ identifiers: orderCustomer, names: [DEMO_SCENARIOS.orderCustomerName] });
  });

  it('reads every mobile of a customer with two', () => {
    expect(adapter.extract(load('customer-two-mobiles.html'), ctx)).toEqual({
      identifiers: [
        { kind: 'customerCode', value: 'KH30411003', role: 'field' },
        { kind: 'licence', value: '440304200457', role: 'field' },
        { kind: 'mobile', value: DEMO_SCENARIOS.ambiguousMobile, role: 'field' },
        { kind: 'mobile', value: '15012345679', role: 'field' },
      ],
      names: ['深圳市福田区佳乐食杂店'],
    });
  });

  it('reads the customer block of an order page, not the order number or amounts', () => {
    expect(adapter.extract(load('order.html'), ctx)).toEqual({ identifiers: orderCustomer, names: [DEMO_SCENARIOS.orderCustomerName] });
  });

  it('yields nothing on list pages and unknown pages', () => {
    for (const name of ['customer-list.html', 'not-found.html'])
      expect(adapter.extract(load(name), ctx), name).toEqual({ identifiers: [], names: [] });
  });

  // 2,000 rows of order numbers and amounts (the page the generic detector must not misread either).
  it('yields nothing on the order list', { timeout: 20_000 }, () => {
    const doc = load('order-list.html');
    expect(doc.querySelectorAll('.order-list .chunk .row')).toHaveLength(2000);
    expect(adapter.extract(doc, ctx)).toEqual({ identifiers: [], names: [] });
  });

  it('follows the single-page app: watches #app, and a view change changes the result', () => {
    const doc = load('customer.html');
    const root = adapter.watchRoot!(doc) as Element;
    expect(root.id).toBe('app');
    root.innerHTML = load('customer-list.html').getElementById('app')!.innerHTML;
    expect(adapter.extract(doc, ctx).identifiers).toEqual([]);
  });

  it('normalises full-width and spaced values', () => {
    const doc = load('customer.html');
    doc.querySelector('.cust-code')!.textContent = ' ＫＨ３０５１２００１ ';
    doc.querySelector('.cust-licence')!.textContent = '4403 0510 0123';
    doc.querySelector('.cust-phone .tel')!.textContent = '+86 138-2551-8866';
    expect(adapter.extract(doc, ctx).identifiers).toEqual(orderCustomer);
  });
});
