import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_SCENARIOS as S, expect, expectPanelState, panelFrame, test } from './fixtures';

/** A company web system on a real host (routed to this page): no adapter knows it, the generic one reads it. */
const CRM = 'https://crm.example-bank.cn';
const crmPage = (title: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1><table><tr><th>客户名称</th><td>${S.orderCustomerName}</td></tr>
<tr><th>许可证号</th><td>${S.orderCustomerLicence}</td></tr></table></body></html>`;

async function routeCrm(context: BrowserContext) {
  await context.route(`${CRM}/**`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: crmPage('客户详情') }));
}

/** The toolbar popup for a tab, opened as a page (Playwright cannot click the toolbar). */
async function openPopupFor(context: BrowserContext, extensionId: string, page: Page): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const url = page.url();
  // A string, so the test's TypeScript needs no chrome types (it runs in the extension page).
  const tabId = await popup.evaluate<number | undefined>(`chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(url)})?.id)`);
  expect(tabId, `tab of ${url}`).toBeTruthy();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

const hasPanelHost = (page: Page) => page.evaluate(() => document.querySelector('account-lens-panel') !== null);

test.describe('per-site enablement', () => {
  test('a site not turned on gets no content script; turning it on from the popup runs it there and on later pages; turning it off stops it', async ({ seeded }) => {
    const { context, extensionId } = seeded;
    await routeCrm(context);
    const page = await context.newPage();
    await page.goto(`${CRM}/customer/view?id=88`);
    // The build holds this host's permission (demo build), yet nothing runs until the manager turns it on.
    await page.waitForTimeout(1_500);
    expect(await hasPanelHost(page)).toBe(false);

    let popup = await openPopupFor(context, extensionId, page);
    await expect(popup.getByTestId('popup')).toHaveAttribute('data-site-state', 'disabled');
    await expect(popup.getByTestId('popup-site')).toHaveText('crm.example-bank.cn');
    await popup.getByTestId('popup-enable').click();
    await expect(popup.getByTestId('popup')).toHaveAttribute('data-site-state', 'enabled');

    // This page, without a reload.
    let panel = await panelFrame(page, extensionId);
    await expectPanelState(panel, 'matched');
    await expect(panel.getByTestId('customer-name')).toHaveText(S.orderCustomerName);

    // A later page of the same site: the registered content script.
    const later = await context.newPage();
    await later.goto(`${CRM}/customer/view?id=89`);
    panel = await panelFrame(later, extensionId);
    await expectPanelState(panel, 'matched');

    // Settings list the site; the popup turns it off.
    const settings = await context.newPage();
    await settings.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
    await expect(settings.getByTestId('enabled-site')).toHaveCount(1);
    await expect(settings.getByTestId('enabled-site')).toContainText('crm.example-bank.cn');

    popup = await openPopupFor(context, extensionId, later);
    await expect(popup.getByTestId('popup-match')).toHaveAttribute('data-state', 'matched');
    await popup.getByTestId('popup-disable').click();
    await expect(popup.getByTestId('popup')).toHaveAttribute('data-site-state', 'disabled');
    await later.goto(`${CRM}/customer/view?id=90`);
    await later.waitForTimeout(1_500);
    expect(await hasPanelHost(later)).toBe(false);
    await settings.reload();
    await expect(settings.getByTestId('enabled-sites-empty')).toBeVisible();
  });
});
