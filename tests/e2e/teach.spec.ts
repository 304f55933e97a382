import type { BrowserContext } from '@playwright/test';
import { DEMO_SCENARIOS as S, expect, expectPanelState, panelFrame, test } from './fixtures';

/**
 * The demo ordering system served at a company's real-looking address, which no adapter knows, showing
 * only its own customer code (licence and phones blanked): the generic adapter never reads codes without
 * a code pattern, so a match can only come from the rule the manager teaches here.
 */
const ORDER = 'https://order.example-tobacco.cn';

async function proxyOrderingSystem(context: BrowserContext, demoUrl: string) {
  await context.route(`${ORDER}/**`, async (route) => {
    const u = new URL(route.request().url());
    const response = await route.fetch({ url: `${demoUrl}${u.pathname}${u.search}` });
    let body = await response.text();
    if (u.pathname.startsWith('/ordering/api/')) {
      body = JSON.stringify(JSON.parse(body), (k, v) => (k === 'licence' ? '' : k === 'phones' ? [] : v));
    } else {
      body = body.replace(/(<dd class="cust-licence">)[^<]*/g, '$1').replace(/<span class="tel">[^<]*<\/span>/g, '');
      // The page embeds its first view's data for the client-side router.
      body = body.replace(/"licence":"\d+"/g, '"licence":""').replace(/"phones":\[[^\]]*\]/g, '"phones":[]');
    }
    await route.fulfill({ response, body });
  });
}

test('teaching the customer code on an ordering page by clicking it: the rule matches, survives reload and re-render, and a page it finds nothing on says so', async ({ seeded, demo }) => {
  const { context, extensionId } = seeded;
  await proxyOrderingSystem(context, demo.url);
  const page = await context.newPage();
  await page.goto(`${ORDER}/ordering/customers/${S.orderCustomerCode}`);

  // The popup: the site is off and has no adapter, so it offers teaching (which turns the site on first).
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const tabId = await popup.evaluate<number | undefined>(`chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(page.url())})?.id)`);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.getByTestId('popup')).toHaveAttribute('data-site-state', 'disabled');
  await popup.getByTestId('popup-teach').click();
  await popup.waitForEvent('close'); // the popup closes once the picker is on the page

  // The manager clicks the code; the picker proposes a rule and focuses Save.
  await page.bringToFront();
  await page.locator('.cust-code').click();
  await page.keyboard.press('Enter');

  const panel = await panelFrame(page, extensionId);
  await expectPanelState(panel, 'matched');
  await expect(panel.getByTestId('customer-name')).toHaveText(S.orderCustomerName);
  await expect(panel.getByTestId('panel-match-reason')).toContainText(S.orderCustomerCode);

  // The rule is listed in the dashboard's settings.
  const settings = await context.newPage();
  await settings.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
  await expect(settings.getByTestId('rules-row')).toHaveCount(1);
  await settings.close();

  // Reload: the registered content script and the stored rule.
  await page.reload();
  let reloaded = await panelFrame(page, extensionId);
  await expect(reloaded.getByTestId('panel-match-reason')).toContainText(S.orderCustomerCode);

  // Re-render: in-app navigation away and back rebuilds the customer block.
  await page.locator('a[href="/ordering/customers"]').first().click();
  await expectPanelState(reloaded, 'none');
  await page.getByRole('link', { name: S.orderCustomerName }).first().click();
  await expect(reloaded.getByTestId('panel-match-reason')).toContainText(S.orderCustomerCode);

  // A page the rule claims but where it finds nothing: the panel says so.
  await page.goto(`${ORDER}/ordering/customers/KH00000000`);
  reloaded = await panelFrame(page, extensionId);
  await expect(reloaded.getByTestId('rule-miss')).toBeVisible({ timeout: 10_000 });
});
