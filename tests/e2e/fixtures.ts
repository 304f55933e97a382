import { test as base, expect, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_SCENARIOS, demoScenarioOrderNo, generateDemoData } from '../sites/data/generate';
import { startDemoServer } from '../sites/server';
import { launchWithExtension, type LaunchOptions } from './browser';
import { findPanelFrame, importThroughDashboard } from './helpers';

export { expect, DEMO_SCENARIOS };

export interface Demo {
  url: string;
  dataFile: string;
  /** The newest order of DEMO_SCENARIOS.orderCustomer. */
  orderNo: string;
}

export interface Extension {
  context: BrowserContext;
  extensionId: string;
  /** Open an extension page (e.g. 'dashboard.html#backup') in a new tab. */
  openPage(pathAndHash: string): Promise<Page>;
}

/** The panel's frame on a host page. */
export const panelFrame = (page: Page, extensionId: string): Promise<Frame> => findPanelFrame(page, extensionId);

export async function expectPanelState(frame: Frame, state: string) {
  await expect(frame.getByTestId('panel-state')).toHaveAttribute('data-state', state, { timeout: 10_000 });
}

type WorkerFixtures = { demo: Demo };
type TestFixtures = { launch: LaunchOptions; ext: Extension; seeded: Extension };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  demo: [
    async ({}, use) => {
      const data = generateDemoData({ now: Date.now() });
      const dir = path.resolve('tests/.tmp');
      await mkdir(dir, { recursive: true });
      const dataFile = path.join(dir, 'e2e-demo-data.json');
      await writeFile(dataFile, JSON.stringify(data));
      const server = await startDemoServer({ port: 0, data });
      await use({ url: server.url.replace(/\/$/, ''), dataFile, orderNo: demoScenarioOrderNo(data) });
      await server.close();
    },
    { scope: 'worker' },
  ],
  launch: [{}, { option: true }],
  ext: async ({ launch }, use) => {
    const { context, extensionId } = await launchWithExtension(launch);
    const openPage = async (p: string) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${p}`);
      return page;
    };
    await use({ context, extensionId, openPage });
    await context.close();
  },
  seeded: async ({ ext, demo }, use) => {
    await importThroughDashboard(ext.context, ext.extensionId, demo.dataFile);
    await use(ext);
  },
});
