import { DEMO_SCENARIOS as S, expect, expectPanelState, panelFrame, test } from './fixtures';

test.describe('recognising the customer on a page', () => {
  test('an order page shows its customer with identifiers, history, tasks and needs', async ({ seeded, demo }) => {
    const page = await seeded.context.newPage();
    await page.goto(`${demo.url}/ordering/orders/${demo.orderNo}`);
    const panel = await panelFrame(page, seeded.extensionId);
    await expectPanelState(panel, 'matched');
    await expect(panel.getByTestId('customer-name')).toHaveText(S.orderCustomerName);
    await expect(panel.getByText(S.orderCustomerLicence).first()).toBeVisible();
    // History newest first: the order open on the page is the newest item.
    await expect(panel.getByTestId('timeline-item').first()).toContainText(demo.orderNo);
    await expect(panel.getByTestId('open-tasks')).toBeVisible();
    await expect(panel.getByTestId('open-needs')).toBeVisible();
  });

  test('single-page navigation switches the customer', async ({ seeded, demo }) => {
    const page = await seeded.context.newPage();
    await page.goto(`${demo.url}/ordering/orders/${demo.orderNo}`);
    const panel = await panelFrame(page, seeded.extensionId);
    await expect(panel.getByTestId('customer-name')).toHaveText(S.orderCustomerName);
    const documentsLoaded = await page.evaluate(() => performance.getEntriesByType('navigation').length);
    // In-app links: to the customer list, then to another customer's page (history.pushState, no reload).
    await page.locator('a[href="/ordering/customers"]').first().click();
    await expectPanelState(panel, 'none');
    await page.getByRole('link', { name: '深圳市福田区好邻居便利店' }).click();
    await expect(panel.getByTestId('customer-name')).toHaveText('深圳市福田区好邻居便利店');
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(documentsLoaded);
    await page.goBack();
    await expectPanelState(panel, 'none');
  });

  test('a mail message shows the sender’s company, also for a mobile in the signature', async ({ seeded, demo }) => {
    const page = await seeded.context.newPage();
    await page.goto(`${demo.url}/mail/#msg=${S.mailMessageId}`);
    const panel = await panelFrame(page, seeded.extensionId);
    await expect(panel.getByTestId('customer-name')).toHaveText(S.mailCustomerName);
    await expect(panel.getByTestId('panel-match-reason')).toContainText(S.mailFromEmail);
    // Another message, opened in the reading-pane frame: a stranger whose signature carries a known mobile.
    await page.goto(`${demo.url}/mail/#msg=${S.signatureMessageId}`);
    const panel2 = await panelFrame(page, seeded.extensionId);
    await expect(panel2.getByTestId('customer-name')).toHaveText('深圳市宝安区旺佳超市');
  });

  test('no match: says so, lists what it saw, and creates the customer from the page', async ({ seeded, demo }) => {
    const page = await seeded.context.newPage();
    // A page of a system without an adapter (the generic adapter reads it), served on a demo host.
    await page.route(`${demo.url}/other-system/shop/9`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><title>零售户信息</title><h1>光明区新开烟酒行</h1>
          <p>许可证号：440311998877</p><p>联系电话：139-2233-4455</p><p>订单金额：440311998877.50 元</p>`,
      }),
    );
    await page.goto(`${demo.url}/other-system/shop/9`);
    const panel = await panelFrame(page, seeded.extensionId);
    await expectPanelState(panel, 'none');
    const seen = panel.getByTestId('identifier-seen');
    await expect(seen).toHaveCount(2);
    await expect(seen.filter({ hasText: '440311998877' })).toHaveCount(1);
    await expect(seen.filter({ hasText: '139' })).toHaveCount(1);
    const form = panel.getByTestId('create-customer');
    await form.getByLabel(/客户名称|名称/).first().fill('光明区新开烟酒行');
    await form.getByRole('button', { name: '新建客户' }).click();
    await expect(panel.getByTestId('customer-name')).toHaveText('光明区新开烟酒行');
    await page.reload();
    const again = await panelFrame(page, seeded.extensionId);
    await expect(again.getByTestId('customer-name')).toHaveText('光明区新开烟酒行');
  });

  test('several candidates: the panel asks, and remembers the answer for that page', async ({ seeded, demo }) => {
    const page = await seeded.context.newPage();
    await page.goto(`${demo.url}/mail/#msg=ext-ambiguous`);
    const panel = await panelFrame(page, seeded.extensionId);
    await expectPanelState(panel, 'ambiguous');
    const candidates = panel.getByTestId('candidate');
    await expect(candidates).toHaveCount(2);
    await candidates.filter({ hasText: '深圳市福田区佳乐食杂店' }).click();
    await expect(panel.getByTestId('customer-name')).toHaveText('深圳市福田区佳乐食杂店');
    await page.reload();
    const again = await panelFrame(page, seeded.extensionId);
    await expect(again.getByTestId('customer-name')).toHaveText('深圳市福田区佳乐食杂店');
    // Another message with the same shared mobile is a different page: it still asks.
    await page.goto(`${demo.url}/mail/#msg=${S.mailMessageId}`);
    await page.goto(`${demo.url}/ordering/customers`);
    await expectPanelState(await panelFrame(page, seeded.extensionId), 'none');
  });
});
