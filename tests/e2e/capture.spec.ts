import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_DIR } from './browser';
import { DEMO_SCENARIOS as S, expect, expectPanelState, panelFrame, test } from './fixtures';

/** The popup for a tab, as the toolbar button or the keyboard command opens it (Playwright can press neither). */
async function popupFor(context: BrowserContext, extensionId: string, page: Page): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const tabId = await popup.evaluate<number | undefined>(`chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(page.url())})?.id)`);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

test.describe('quick capture', () => {
  test('the keyboard command opens the note box; on a matched page the note, with the selected text, goes to that customer', async ({ seeded, demo }) => {
    // Alt+Shift+N is the popup's own command, changeable at chrome://extensions/shortcuts.
    const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.commands._execute_action.suggested_key.default).toBe('Alt+Shift+N');

    const { context, extensionId } = seeded;
    const page = await context.newPage();
    await page.goto(`${demo.url}/ordering/orders/${demo.orderNo}`);
    const panel = await panelFrame(page, extensionId);
    await expect(panel.getByTestId('customer-name')).toHaveText(S.orderCustomerName);
    // The manager selects a line of the order page first.
    await page.locator('h1').first().selectText();
    const selected = await page.evaluate(() => String(getSelection()));

    const popup = await popupFor(context, extensionId, page);
    await expect(popup.getByTestId('capture-target')).toHaveText(S.orderCustomerName);
    await expect(popup.getByTestId('capture-selection')).toContainText(selected.trim());
    await expect(popup.getByTestId('capture-text')).toBeFocused();
    await popup.getByTestId('capture-text').fill('老板说下周要加一件软中华');
    await popup.getByTestId('capture-text').press('Control+Enter');
    await expect(popup.getByTestId('capture-saved')).toContainText(S.orderCustomerName);

    // The open panel shows it at the top of the history, with the selection quoted.
    await expect(panel.getByTestId('timeline-item').first()).toContainText('老板说下周要加一件软中华', { timeout: 10_000 });
    await expect(panel.getByTestId('timeline-item').first()).toContainText(selected.trim());
  });

  test('on a page with no customer the note box finds one by pinyin initials, or keeps the note in the inbox', async ({ seeded, demo }) => {
    const { context, extensionId } = seeded;
    const page = await context.newPage();
    await page.goto(`${demo.url}/ordering/customers`);
    let popup = await popupFor(context, extensionId, page);
    await expect(popup.getByTestId('capture-target')).toHaveAttribute('data-target', 'inbox');
    await popup.getByTestId('capture-change').click();
    await popup.getByTestId('capture-search').fill('xl'); // 鑫隆: Xin Long
    await popup.getByTestId('capture-option').filter({ hasText: S.orderCustomerName }).click();
    await expect(popup.getByTestId('capture-target')).toHaveText(S.orderCustomerName);
    await popup.getByTestId('capture-text').fill('电话回访：货已收到');
    await popup.getByTestId('capture-save').click();
    await expect(popup.getByTestId('capture-saved')).toContainText(S.orderCustomerName);

    popup = await popupFor(context, extensionId, page);
    await popup.getByTestId('capture-save').click();
    await expect(popup.getByTestId('capture-error')).toBeVisible(); // nothing written yet
    await popup.getByTestId('capture-text').fill('新品试销名单，回头整理');
    await popup.getByTestId('capture-save').click();
    await expect(popup.getByTestId('capture-saved')).toBeVisible();
  });
});

test('a selection saved from the context menu on a page with no customer lands in the inbox and is filed to a customer from there', async ({ seeded, demo }) => {
  const { context, extensionId } = seeded;
  const page = await context.newPage();
  await page.goto(`${demo.url}/ordering/customers`);
  await page.locator('h1').first().selectText();
  const selected = (await page.evaluate(() => String(getSelection()))).trim();

  // What the menu item does (Playwright cannot open the browser's context menu): the background's
  // handler sends this through the router.
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#inbox`);
  await expect(dashboard.getByTestId('inbox-empty')).toBeVisible();
  const tabId = await dashboard.evaluate<number>(`chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(page.url())}).id)`);
  const reply = await dashboard.evaluate<{ ok: boolean; data: { savedTo: string } }>(
    `chrome.runtime.sendMessage({ type: 'capture/selection', tabId: ${tabId}, selection: ${JSON.stringify(selected)} })`,
  );
  expect(reply).toMatchObject({ ok: true, data: { savedTo: 'inbox' } });

  await dashboard.reload();
  const note = dashboard.getByTestId('inbox-note');
  await expect(note).toHaveCount(1);
  await expect(note).toContainText(selected);
  await expect(dashboard.getByTestId('nav-inbox-count')).toHaveText('1');
  await note.getByTestId('inbox-file').click();
  await dashboard.getByTestId('inbox-picker-search').fill('xl');
  await dashboard.getByTestId('inbox-picker-option').filter({ hasText: S.orderCustomerName }).click();
  await expect(dashboard.getByTestId('inbox-filed')).toContainText(S.orderCustomerName);
  await expect(dashboard.getByTestId('inbox-empty')).toBeVisible();

  // Filed: the customer's history has it, with the page it came from.
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#customer/${S.orderCustomerId}`);
  await expect(dashboard.getByText(selected).first()).toBeVisible();
});
