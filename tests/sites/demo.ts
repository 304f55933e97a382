/**
 * The demo: demo sites on 127.0.0.1, the demo data imported through the dashboard, and Chromium with
 * the extension on an order page and a mail message. With a display it stays open for you to use;
 * without one it runs headless and writes screenshots to the folder it prints.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launchWithExtension } from '../e2e/browser';
import { findPanelFrame, importThroughDashboard } from '../e2e/helpers';
import { DEMO_SCENARIOS, demoScenarioOrderNo, generateDemoData } from './data/generate';
import { startDemoServer } from './server';

const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';
const outDir = path.resolve('tests/.tmp/demo-screenshots');
const port = Number(process.env.PORT ?? 4173);

const data = generateDemoData({ now: Date.now() });
const dataFile = path.resolve('tests/.tmp/demo-data.json');
await mkdir(outDir, { recursive: true });
await writeFile(dataFile, JSON.stringify(data));
const server = await startDemoServer({ port, data }).catch(() => startDemoServer({ port: 0, data }));
console.log(`Demo ordering system: ${server.url}/ordering/customers`);
console.log(`Demo webmail:         ${server.url}/mail/`);

const { context, extensionId } = await launchWithExtension({ headless, locale: process.env.DEMO_LOCALE ?? 'zh-CN' });
console.log(`Extension loaded (id ${extensionId}); importing ${data.customers.length} customers through the dashboard…`);
await importThroughDashboard(context, extensionId, dataFile);

async function show(url: string, name: string, expectText: string) {
  const page = await context.newPage();
  await page.goto(url);
  const panel = await findPanelFrame(page, extensionId);
  await panel.getByTestId('customer-name').filter({ hasText: expectText }).waitFor({ timeout: 15_000 });
  await page.waitForTimeout(300); // let fonts settle for the picture
  const file = path.join(outDir, name);
  await page.screenshot({ path: file });
  return { page, file };
}

const order = await show(`${server.url}/ordering/orders/${demoScenarioOrderNo(data)}`, 'panel-order-page.png', DEMO_SCENARIOS.orderCustomerName);
const mail = await show(`${server.url}/mail/#msg=${DEMO_SCENARIOS.mailMessageId}`, 'panel-mail-page.png', DEMO_SCENARIOS.mailCustomerName);
// The dashboard: today's agenda, the customer list searched by pinyin initials, and one customer's page.
const dashboard = await context.newPage();
await dashboard.setViewportSize({ width: 1400, height: 900 });
const dashboardShots: string[] = [];
async function dashboardShot(hash: string, name: string, ready: () => Promise<unknown>) {
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#${hash}`);
  await ready();
  await dashboard.waitForTimeout(300);
  const file = path.join(outDir, name);
  await dashboard.screenshot({ path: file });
  dashboardShots.push(file);
}
await dashboardShot('agenda', 'dashboard-agenda.png', () => dashboard.getByTestId('agenda-item').first().waitFor());
await dashboardShot('customers', 'dashboard-customers.png', async () => {
  await dashboard.getByTestId('customer-row').first().waitFor();
  await dashboard.getByTestId('customer-search').fill('xl');
  await dashboard.locator('[data-testid=customer-list][data-query="xl"]').waitFor();
});
await dashboardShot(`customer/${DEMO_SCENARIOS.orderCustomerId}`, 'dashboard-customer.png', () => dashboard.getByTestId('orders-chart').waitFor());

console.log(`Screenshots written to ${outDir}:`);
for (const f of [order.file, mail.file, ...dashboardShots]) console.log(`  ${f}`);

if (headless) {
  await context.close();
  await server.close();
} else {
  await order.page.bringToFront();
  console.log('Chromium is open with the extension. Close the browser window (or press Ctrl+C) to end the demo.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  await server.close();
}
