import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_SCENARIOS as S, expect, expectPanelState, panelFrame, test } from './fixtures';

/**
 * Each webmail, served from its saved pages at its real addresses (tests/fixtures/sites/<id>/routes.json),
 * so the real match patterns fire: the site is turned on from the popup, then each scenario's page must
 * show the customer whose address is the sender.
 */
const FIXTURES = path.resolve('tests/fixtures/sites');
interface Routes {
  routes: { url: string; file: string }[];
  scenarios: { open: string; sender: string; note: string }[];
}
const WEBMAILS = readdirSync(FIXTURES).filter((id) => existsSync(path.join(FIXTURES, id, 'routes.json')));

async function serve(context: BrowserContext, id: string, routes: Routes) {
  // Later entries are more specific in these files; Playwright tries the last registered route first.
  for (const r of routes.routes) {
    const body = readFileSync(path.join(FIXTURES, id, r.file));
    await context.route(r.url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  }
}

async function turnOn(context: BrowserContext, extensionId: string, page: Page) {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const tabId = await popup.evaluate<number | undefined>(`chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(page.url())})?.id)`);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.getByTestId('popup-enable').click();
  await expect(popup.getByTestId('popup')).toHaveAttribute('data-site-state', 'enabled');
  await popup.close();
}

test.describe('webmail', () => {
  for (const id of WEBMAILS) {
    const routes = JSON.parse(readFileSync(path.join(FIXTURES, id, 'routes.json'), 'utf8')) as Routes;
    test(`${id}: the sender of each saved page is recognised at the real address`, async ({ seeded, demo }) => {
      const data = JSON.parse(readFileSync(demo.dataFile, 'utf8')) as { customers: { id: string; name: string; emails: string[] }[]; contacts: { customerId: string; emails: string[] }[] };
      /** The demo customer an address belongs to, directly or through one of its contacts. */
      const customerOf = (email: string) => {
        const id = data.customers.find((c) => c.emails.includes(email))?.id ?? data.contacts.find((c) => c.emails.includes(email))?.customerId;
        return data.customers.find((c) => c.id === id)?.name;
      };
      const { context, extensionId } = seeded;
      await serve(context, id, routes);
      const page = await context.newPage();
      let enabled = false;
      for (const s of routes.scenarios) {
        await page.goto(s.open);
        if (!enabled) {
          await turnOn(context, extensionId, page);
          enabled = true;
          await page.reload(); // every frame of the page, with the script registered for the site
        }
        const panel = await panelFrame(page, extensionId);
        const expected = customerOf(s.sender);
        expect(expected, `${s.sender} is a demo customer's address`).toBeTruthy();
        await expect(panel.getByTestId('customer-name'), s.note).toHaveText(expected!);
      }
    });
  }
});

test.describe('fuzzy names', () => {
  /** The saved Gmail message, sent from an address no customer has, under the display name given. */
  const gmailFrom = (address: string, displayName: string) =>
    readFileSync(path.join(FIXTURES, 'gmail', 'message.html'), 'utf8')
      .replaceAll('finance@hnjm-mfg.com', address)
      .replaceAll('马娟', displayName)
      .replace(/<div>手机：[^<]*<\/div><div>电话：[^<]*<\/div>/, '');

  test('an unknown address under a shop’s name: candidates by name, a choice that teaches the alias, then an automatic match', async ({ seeded }) => {
    const { context, extensionId } = seeded;
    const pages: Record<string, string> = {
      '/mail/u/0/': gmailFrom('xinlong.boss@163.com', '鑫隆烟酒商行'),
      '/mail/u/1/': gmailFrom('xl.yanjiu@qq.com', '鑫隆烟酒商行'),
      '/mail/u/2/': gmailFrom('someone@126.com', '深圳市南山区鑫隆烟酒商行'),
    };
    await context.route('https://mail.google.com/mail/**', (route) => {
      const body = pages[new URL(route.request().url()).pathname] ?? '<!doctype html><title>Gmail</title>';
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body });
    });
    const page = await context.newPage();
    await page.goto('https://mail.google.com/mail/u/2/#inbox/FMfcgzQZTzFull');
    await turnOn(context, extensionId, page);
    await page.reload();

    // The full name from an unknown address: linked by name at once, and the panel says why.
    let panel = await panelFrame(page, extensionId);
    await expect(panel.getByTestId('customer-name')).toHaveText(S.orderCustomerName);
    await expect(panel.getByTestId('panel-match-reason')).toContainText('名称相同');

    // A shorter name that fits two shops (鑫隆烟酒商行, 鑫隆名烟名酒): the panel asks, with each one's reason.
    await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzA');
    panel = await panelFrame(page, extensionId);
    await expectPanelState(panel, 'ambiguous');
    const candidate = panel.getByTestId('candidate').filter({ hasText: S.orderCustomerName });
    await expect(candidate.getByTestId('candidate-name-reason')).toBeVisible();
    await candidate.click();
    await expect(panel.getByTestId('customer-name')).toHaveText(S.orderCustomerName);

    // The choice added the page's name as an alias: another sender under that name is now recognised.
    await page.goto('https://mail.google.com/mail/u/1/#inbox/FMfcgzQZTzB');
    panel = await panelFrame(page, extensionId);
    await expect(panel.getByTestId('customer-name')).toHaveText(S.orderCustomerName);
    await expect(panel.getByTestId('panel-match-reason')).toContainText('别名');
  });
});
