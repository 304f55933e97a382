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
const dashboard = await context.newPage();
await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
await dashboard.waitForTimeout(500);
await dashboard.screenshot({ path: path.join(outDir, 'dashboard.png') });

console.log(`Screenshots written to ${outDir}:`);
for (const f of [order.file, mail.file, path.join(outDir, 'dashboard.png')]) console.log(`  ${f}`);

if (headless) {
  await context.close();
  await server.close();
} else {
  await order.page.bringToFront();
  console.log('Chromium is open with the extension. Close the browser window (or press Ctrl+C) to end the demo.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  await server.close();
}
