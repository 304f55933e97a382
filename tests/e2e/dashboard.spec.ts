import { DEMO_SCENARIOS as S, expect, test } from './fixtures';

test.describe('the dashboard book', () => {
  test('the customer list finds a shop by pinyin initials, by part of a mobile, and filters by class', async ({ seeded }) => {
    const dash = await seeded.openPage('dashboard.html#customers');
    const rows = dash.getByTestId('customer-row');
    await expect(rows.first()).toBeVisible();
    await dash.getByTestId('customer-search').fill('szsnsqxlyjsh'); // 深圳市南山区鑫隆烟酒商行
    await expect(rows.first()).toContainText(S.orderCustomerName);
    await dash.getByTestId('customer-search').fill('1382551');
    await expect(rows.first()).toContainText(S.orderCustomerName);
    await dash.getByTestId('customer-search').fill('');
    await dash.getByTestId('filter-class').selectOption('28');
    await expect(dash.getByTestId('customer-count')).not.toContainText('340 位，共 340');
    for (const text of await rows.allInnerTexts()) expect(text).toMatch(/\n28\n/);
  });

  test('a customer page refuses a bad licence number with a message, saves a good edit, and the agenda links to it', async ({ seeded }) => {
    const dash = await seeded.openPage(`dashboard.html#customer/${S.orderCustomerId}`);
    await expect(dash.getByTestId('customer-name')).toHaveText(S.orderCustomerName);
    await expect(dash.getByTestId('orders-chart')).toBeVisible();
    await dash.getByTestId('field-licenceNo').fill('44030510012');
    await dash.getByTestId('customer-save').click();
    await expect(dash.getByTestId('field-error')).toContainText('12 位');
    await dash.getByTestId('field-licenceNo').fill(S.orderCustomerLicence);
    await dash.getByTestId('field-owner').fill('陈建华（已核实）');
    await dash.getByTestId('customer-save').click();
    await expect(dash.getByTestId('customer-save-result')).toContainText('已保存');
    await dash.reload();
    await expect(dash.getByTestId('field-owner')).toHaveValue('陈建华（已核实）');

    await dash.goto(dash.url().replace(/#.*/, '#agenda'));
    const item = dash.getByTestId('agenda-item').first();
    await expect(item).toBeVisible();
    await item.click();
    await expect(dash.getByTestId('customer-page')).toBeVisible();
  });
});
