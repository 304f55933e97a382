import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import type { Customer } from '../../lib/model';
import { generateDemoData } from '../sites/data/generate';
import { DEMO_SCENARIOS as S, expect, expectPanelState, panelFrame, test } from './fixtures';

/** A customer list as the company system exports it: Chinese headers, GBK, CRLF, a quoted line break. */
function gbkCustomerCsv(customers: Customer[]): Buffer {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [['客户名称', '客户编码', '许可证号', '联系电话', '经营地址', '档位', '客户分类', '业态'].join(',')];
  customers.forEach((c, i) =>
    lines.push(
      [c.name, c.customerCode ?? '', c.licenceNo ?? '', c.mobiles[0] ?? '', i === 0 ? `${c.address}\n（近地铁口）` : (c.address ?? ''), c.class ?? '', c.segment ?? '', c.businessType ?? '']
        .map(quote)
        .join(','),
    ),
  );
  return iconv.encode(lines.join('\r\n') + '\r\n', 'gbk');
}

test.describe('importing a customer list and an order history', () => {
  test('a GBK CSV of customers and an XLSX of orders show up in the panel on an order page', async ({ ext, demo }) => {
    const shops = generateDemoData({ now: Date.now() }).customers.filter((c) => c.licenceNo).slice(0, 25);
    const scenario = shops.find((c) => c.licenceNo === S.orderCustomerLicence);
    expect(scenario, 'the order-page customer is among the first shops').toBeTruthy();

    // The order page is already open, with nobody to match yet.
    const page = await ext.context.newPage();
    await page.goto(`${demo.url}/ordering/orders/${demo.orderNo}`);
    const panel = await panelFrame(page, ext.extensionId);
    await expectPanelState(panel, 'none');

    const dash = await ext.openPage('dashboard.html#import');
    await dash.getByTestId('import-file').setInputFiles({ name: '客户名单.csv', mimeType: 'text/csv', buffer: gbkCustomerCsv(shops) });
    await expect(dash.getByTestId('import-preview')).toContainText(S.orderCustomerName); // decoded as GBK, not mojibake
    await expect(dash.getByTestId('import-kind')).toHaveValue('customers');
    await dash.getByTestId('import-plan').click();
    // The husband's and the wife's shops share one mobile: the second one needs the manager's decision.
    await expect(dash.getByTestId('import-count-new')).toHaveAttribute('data-count', String(shops.length - 1));
    await expect(dash.getByTestId('import-count-conflict')).toHaveAttribute('data-count', '1');
    await expect(dash.getByTestId('import-conflict')).toContainText(/手机|mobile/);
    await dash.getByTestId('import-conflicts-new').click();
    await dash.getByTestId('import-start').click();
    await expect(dash.getByTestId('import-result')).toHaveAttribute('data-added', String(shops.length));
    // The open page matches its customer now, without a reload.
    await expectPanelState(panel, 'matched');
    await expect(panel.getByTestId('customer-name')).toHaveText(S.orderCustomerName);

    // Orders: customer code, date, product, quantity, amount; two lines of one order and one more order.
    const header = ['订货日期', '客户编码', '卷烟名称', '订购量(条)', '金额(元)'].map((value) => ({ value }));
    const row = (date: string, product: string, qty: number, amount: number) => [
      { value: date },
      { value: S.orderCustomerCode },
      { value: product },
      { value: qty },
      { value: amount },
    ];
    const xlsx = await writeXlsxFile([header, row('2026-11-02', '导入测试品规甲', 5, 950), row('2026-11-02', '导入测试品规乙', 2, 420), row('2026-11-09', '导入测试品规甲', 3, 570)]).toBuffer();
    await dash.getByRole('button', { name: /再导入一个文件|Import another file/ }).click();
    await dash.getByTestId('import-file').setInputFiles({ name: '订货明细.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
    await expect(dash.getByTestId('import-kind')).toHaveValue('orders');
    await dash.getByTestId('import-plan').click();
    await expect(dash.getByTestId('import-count-orders')).toHaveAttribute('data-count', '2');
    await dash.getByTestId('import-start').click();
    await expect(dash.getByTestId('import-result')).toHaveAttribute('data-added', '3');

    // The open panel shows the imported orders, newest first, without a reload.
    await expect(panel.getByTestId('timeline-item').first()).toContainText('导入测试品规甲');
    await expect(panel.getByTestId('timeline-item').nth(1)).toContainText('导入测试品规乙');
  });

  test('cancelling a large import keeps whole batches, lists the rows not written, and the next import finishes the job', async ({ ext }) => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `取消测试商店${i}号,${String(440300500000 + i)},139${String(i).padStart(8, '0')}`);
    const csv = Buffer.from(['客户名称,许可证号,手机', ...rows].join('\r\n') + '\r\n');
    const dash = await ext.openPage('dashboard.html#import');
    await dash.getByTestId('import-file').setInputFiles({ name: '大名单.csv', mimeType: 'text/csv', buffer: csv });
    await dash.getByTestId('import-plan').click();
    await expect(dash.getByTestId('import-count-new')).toHaveAttribute('data-count', '20000');
    await dash.getByTestId('import-start').click();
    // Cancel once the first batch has been written.
    await expect(dash.getByTestId('import-progress')).not.toHaveAttribute('aria-valuenow', '0');
    await dash.getByTestId('import-cancel').click();
    const result = dash.getByTestId('import-result');
    await expect(result).toHaveAttribute('data-stopped', 'cancelled');
    const added = Number(await result.getAttribute('data-added'));
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThan(20_000);
    expect(added % 2_000, 'only whole batches are written').toBe(0);
    await expect(dash.getByTestId('import-stopped')).toContainText((20_000 - added).toLocaleString('zh-CN'));

    // The same file again: what was written is unchanged, the rest is added.
    await dash.goto(dash.url().replace('#import', '#customers'));
    await expect(dash.getByTestId('customer-count')).toContainText(added.toLocaleString('zh-CN'));
    await dash.goto(dash.url().replace('#customers', '#import'));
    await dash.getByTestId('import-file').setInputFiles({ name: '大名单.csv', mimeType: 'text/csv', buffer: csv });
    await dash.getByTestId('import-plan').click();
    await expect(dash.getByTestId('import-count-new')).toHaveAttribute('data-count', String(20_000 - added));
    await dash.getByTestId('import-start').click();
    await expect(dash.getByTestId('import-result')).toHaveAttribute('data-added', String(20_000 - added));
  });

  test('a bad file gets a clear message and writes nothing', async ({ ext }) => {
    const dash = await ext.openPage('dashboard.html#import');
    await dash.getByTestId('import-file').setInputFiles({ name: '客户.csv', mimeType: 'text/csv', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 8, 0, 0x13, 0, 0, 0]) });
    await expect(dash.getByTestId('import-error')).toBeVisible();
    await expect(dash.getByTestId('import-error')).not.toContainText('Error');
    await dash.getByTestId('import-file').setInputFiles({ name: '客户.csv', mimeType: 'text/csv', buffer: Buffer.from('客户名称,许可证号\r\n') });
    await expect(dash.getByTestId('import-error')).toBeVisible();
    await dash.goto(dash.url().replace('#import', '#customers'));
    await expect(dash.getByTestId('customer-count')).toContainText(/共 0 位|of 0/);
  });
});
