import type { BrowserContext, Frame, Page } from '@playwright/test';

/** Import a backup file through the dashboard, exactly as a manager does (the demo loads its data this way too). */
export async function importThroughDashboard(
  context: BrowserContext,
  extensionId: string,
  file: string,
  mode: 'replace' | 'merge' = 'replace',
): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#backup`);
  await page.getByTestId('backup-file').setInputFiles(file);
  await page.getByTestId(`backup-mode-${mode}`).check();
  if (mode === 'replace') await page.getByTestId('backup-replace-confirm').check();
  await page.getByTestId('backup-import').click();
  await page.getByTestId('backup-result').waitFor({ timeout: 60_000 });
  await page.close();
}

/** The panel's frame on a host page, found through the frame tree (its host element is a closed shadow root). */
export async function findPanelFrame(page: Page, extensionId: string, timeout = 10_000): Promise<Frame> {
  const prefix = `chrome-extension://${extensionId}/panel.html`;
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((f) => f.url().startsWith(prefix));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('the panel frame was not mounted');
    await page.waitForTimeout(50);
  }
}
