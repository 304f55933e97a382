import type { Page } from '@playwright/test';
import { DEMO_SCENARIOS as S, expect, expectPanelState, panelFrame, test, type Extension } from './fixtures';

/** Stop the extension's service worker, as Chrome does after 30 s idle, and wait until it has stopped. */
async function stopServiceWorker(ext: Extension): Promise<void> {
  const page = await ext.openPage('dashboard.html');
  const cdp = await ext.context.newCDPSession(page);
  type Version = { versionId: string; scriptURL: string; runningStatus: string };
  const status = new Map<string, string>();
  const stoppedSeen = new Set<string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Version[] }) => {
    for (const v of versions) {
      if (!v.scriptURL.includes(ext.extensionId)) continue;
      status.set(v.versionId, v.runningStatus);
      if (v.runningStatus === 'stopped') stoppedSeen.add(v.versionId);
    }
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => [...status.values()]).toContain('running');
  const running = [...status].filter(([, s]) => s === 'running').map(([id]) => id);
  for (const versionId of running) await cdp.send('ServiceWorker.stopWorker', { versionId });
  // The test means nothing unless the worker really went away (an open panel may wake it right after).
  await expect.poll(() => running.every((id) => stoppedSeen.has(id))).toBe(true);
  await cdp.detach();
  await page.close();
}

async function openOrder(ext: Extension, url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  return page;
}

test('a quick note saves with Ctrl+Enter, shows at once, and survives a reload and a service-worker restart', async ({ seeded, demo }) => {
  const url = `${demo.url}/ordering/orders/${demo.orderNo}`;
  const page = await openOrder(seeded, url);
  let panel = await panelFrame(page, seeded.extensionId);
  await expect(panel.getByTestId('customer-name')).toHaveText(S.orderCustomerName);
  const note = `老板说下周要加订中华(硬) 5 条 ${Date.now()}`;
  const box = panel.getByTestId('quick-note');
  await box.fill(note);
  await box.press('Control+Enter');
  await expect(panel.getByTestId('timeline-item').first()).toContainText(note);
  await expect(box).toHaveValue('');

  await page.reload();
  panel = await panelFrame(page, seeded.extensionId);
  await expect(panel.getByTestId('timeline-item').first()).toContainText(note);

  await stopServiceWorker(seeded);
  await page.reload();
  panel = await panelFrame(page, seeded.extensionId);
  await expect(panel.getByTestId('timeline-item').first()).toContainText(note, { timeout: 15_000 });
  // And the restarted worker still takes new notes.
  await panel.getByTestId('quick-note').fill('重启后的第二条速记');
  await panel.getByTestId('quick-note').press('Control+Enter');
  await expect(panel.getByTestId('timeline-item').first()).toContainText('重启后的第二条速记');
});

test('the panel picks up again when the worker stops while it is open', async ({ seeded, demo }) => {
  const page = await openOrder(seeded, `${demo.url}/ordering/orders/${demo.orderNo}`);
  const panel = await panelFrame(page, seeded.extensionId);
  await expect(panel.getByTestId('customer-name')).toHaveText(S.orderCustomerName);
  await stopServiceWorker(seeded);
  // Navigating in the app wakes the worker; the panel must follow without a reload.
  await page.locator('a[href="/ordering/customers"]').first().click();
  await expectPanelState(panel, 'none');
});

test('collapsing the panel leaves a slim tab, and the choice is remembered', async ({ seeded, demo }) => {
  const page = await openOrder(seeded, `${demo.url}/ordering/orders/${demo.orderNo}`);
  const panel = await panelFrame(page, seeded.extensionId);
  await expect(panel.getByTestId('customer-name')).toBeVisible();
  const hostWidth = () => page.evaluate(() => document.querySelector('account-lens-panel')!.getBoundingClientRect().width);
  expect(await hostWidth()).toBeGreaterThan(300);
  await panel.getByTestId('collapse-panel').click();
  await expect.poll(hostWidth).toBe(0);
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!document.querySelector('account-lens-panel'))).toBe(true);
  await expect.poll(hostWidth).toBe(0);
  // Collapsed, the page carries no panel frame at all until the manager opens it.
  await page.waitForTimeout(500);
  expect(page.frames().some((f) => f.url().includes('/panel.html'))).toBe(false);
  // The slim tab lives in the closed shadow root: click where it is drawn.
  const size = await page.evaluate(() => ({ w: window.innerWidth, h: window.innerHeight }));
  await page.mouse.click(size.w - 10, Math.round(size.h * 0.4) + 20);
  await expect.poll(hostWidth).toBeGreaterThan(300);
  await expect((await panelFrame(page, seeded.extensionId)).getByTestId('customer-name')).toHaveText(S.orderCustomerName);
});

test('the interface follows the language setting', async ({ seeded, demo }) => {
  const settings = await seeded.openPage('dashboard.html#settings');
  await settings.getByTestId('settings-locale').selectOption('en');
  // The language applies (and is stored) at once: the dashboard itself turns English.
  await expect(settings.locator('html')).toHaveAttribute('lang', 'en');
  const page = await openOrder(seeded, `${demo.url}/ordering/orders/${demo.orderNo}`);
  const panel = await panelFrame(page, seeded.extensionId);
  await expect(panel.getByTestId('customer-name')).toHaveText(S.orderCustomerName);
  await expect(panel.locator('html')).toHaveAttribute('lang', 'en');
  await expect(panel.getByTestId('timeline')).toContainText(/Order|History/);
});
