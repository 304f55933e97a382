import type { BrowserContext } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { readSheet } from 'read-excel-file/universal';
import type { Backup, Customer } from '../../lib/model';
import { launchWithExtension } from './browser';
import { expect, test } from './fixtures';

/**
 * The whole database, through the dashboard's own backup export. A page of its own: Chromium holds back
 * a page's later downloads once one came without a fresh click (the Excel export takes a few seconds).
 */
async function backupOf(context: BrowserContext, extensionId: string): Promise<Backup> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#backup`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-export').click()]);
  const backup = JSON.parse(await readFile((await download.path())!, 'utf8'));
  await page.close();
  return backup;
}

/**
 * A backup without its export time and without `remindedAt`: each machine's own record of the reminders
 * it showed (the manager's showed some at start; a handover deliberately leaves them out).
 */
const withoutExportTime = ({ exportedAt: _e, ...rest }: Backup) => ({ ...rest, tasks: rest.tasks.map(({ remindedAt: _r, ...t }) => t) });

test.describe('export and handover', () => {
  // Two browser profiles (the manager's and the successor's) and a 600,000-round key derivation each way.
  test.setTimeout(120_000);

  test('a handover package moves every record to a successor, and a wrong passphrase writes nothing', async ({ seeded }) => {
    const dash = await seeded.openPage('dashboard.html#export');
    await dash.getByTestId('handover-pass').fill('交接口令 2026 冬');
    await dash.getByTestId('handover-pass2').fill('交接口令 2026 冬');
    const [pkg] = await Promise.all([dash.waitForEvent('download'), dash.getByTestId('handover-export').click()]);
    await expect(dash.getByTestId('handover-result')).toBeVisible();
    const file = (await pkg.path())!;
    // The checklist opens as a printable page listing the customers.
    const [checklist] = await Promise.all([dash.waitForEvent('popup'), dash.getByTestId('handover-checklist').click()]);
    await expect(checklist.locator('body')).toContainText('客户交接清单');
    const before = await backupOf(seeded.context, seeded.extensionId);

    // The successor's browser: an empty profile.
    const successor = await launchWithExtension();
    try {
      const page = await successor.context.newPage();
      await page.goto(`chrome-extension://${successor.extensionId}/dashboard.html#export`);
      await page.getByTestId('handover-file').setInputFiles(file);
      await page.getByTestId('handover-in-pass').fill('wrong passphrase');
      await page.getByTestId('handover-open').click();
      await expect(page.getByTestId('handover-in-result')).toContainText('口令错误');
      await expect(page.getByTestId('handover-receive')).toHaveCount(0);

      await page.getByTestId('handover-in-pass').fill('交接口令 2026 冬');
      await page.getByTestId('handover-open').click();
      await expect(page.getByTestId('import-count-new')).toHaveAttribute('data-count', String(before.customers.length));
      await page.getByTestId('handover-receive').click();
      await expect(page.getByTestId('handover-in-result')).toContainText(String(before.customers.length), { timeout: 60_000 });

      const after = await backupOf(successor.context, successor.extensionId);
      expect(withoutExportTime(after)).toEqual(withoutExportTime(before));
    } finally {
      await successor.context.close();
    }
  });

  test('the customers exported to Excel come back unchanged through the import', async ({ seeded }) => {
    const dash = await seeded.openPage('dashboard.html#export');
    const [xlsx] = await Promise.all([dash.waitForEvent('download'), dash.getByTestId('export-xlsx').click()]);
    const bytes = await readFile((await xlsx.path())!);
    const sheet = await readSheet(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(sheet[0]).toContain('客户名称');

    const [csv] = await Promise.all([dash.waitForEvent('download'), dash.getByTestId('export-csv-customers').click()]);
    expect((await readFile((await csv.path())!)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // BOM for Excel

    const before = await backupOf(seeded.context, seeded.extensionId);
    const fresh = await launchWithExtension();
    try {
      const page = await fresh.context.newPage();
      await page.goto(`chrome-extension://${fresh.extensionId}/dashboard.html#import`);
      await page.getByTestId('import-file').setInputFiles({ name: 'export.xlsx', mimeType: 'application/octet-stream', buffer: bytes });
      await page.getByTestId('import-plan').click();
      await page.getByTestId('import-conflicts-new').click({ timeout: 2_000 }).catch(() => {}); // shared mobiles: two shops, both kept
      await page.getByTestId('import-start').click();
      await expect(page.getByTestId('import-result')).toHaveAttribute('data-added', String(before.customers.length));
      const after = await backupOf(fresh.context, fresh.extensionId);
      // Ids and times are the new database's own; every profile field must match.
      const profile = ({ id: _i, createdAt: _c, updatedAt: _u, ...rest }: Customer) => rest;
      const byName = (list: Customer[]) => new Map(list.map((c) => [`${c.name}|${c.licenceNo ?? c.uscc ?? ''}`, profile(c)]));
      expect(byName(after.customers)).toEqual(byName(before.customers));
    } finally {
      await fresh.context.close();
    }
  });
});
