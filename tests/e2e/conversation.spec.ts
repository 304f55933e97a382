import { DEMO_SCENARIOS as S, expect, expectPanelState, panelFrame, test } from './fixtures';

test.describe('the conversation panel', () => {
  test('a resolved need yields the "tell the customer" point, which goes once the customer is marked informed', async ({ seeded, demo }) => {
    const page = await seeded.context.newPage();
    await page.goto(`${demo.url}/ordering/orders/${demo.orderNo}`);
    const panel = await panelFrame(page, seeded.extensionId);
    await expect(panel.getByTestId('customer-name')).toHaveText(S.orderCustomerName);

    await panel.getByTestId('need-add').click();
    await panel.getByTestId('need-kind').getByText('投诉').click();
    await panel.getByTestId('need-description').fill('上周到货两条破损');
    await panel.getByTestId('need-save').click();
    const need = panel.getByTestId('need').filter({ hasText: '上周到货两条破损' });
    await expect(need).toHaveAttribute('data-status', 'raised');

    await need.locator('[data-testid=need-advance][data-to=resolved]').click();
    await need.getByTestId('need-resolution').fill('已调换两条，物流已提醒');
    await need.getByTestId('need-confirm').click();
    await expect(need).toHaveAttribute('data-status', 'resolved');
    const tell = panel.locator('[data-testid=talking-point][data-rule=need-tell-customer]');
    await expect(tell).toContainText('上周到货两条破损');

    await need.locator('[data-testid=need-advance][data-to=informed]').click();
    await need.getByTestId('need-confirm').click();
    await expect(panel.getByTestId('need').filter({ hasText: '上周到货两条破损' })).toHaveCount(0);
    await expect(tell).toHaveCount(0);
  });

  test('with a stricter cadence set in settings the visit is due; logging a visit clears it and moves the next visit', async ({ seeded, demo }) => {
    // Core customers every 3 days instead of 14: the demo order customer, visited about a week ago, is overdue.
    const settings = await seeded.context.newPage();
    await settings.goto(`chrome-extension://${seeded.extensionId}/dashboard.html#settings`);
    const core = settings.getByTestId('cadence-row').filter({ has: settings.locator('[data-testid=cadence-segments][value*="核心"]') });
    await core.getByTestId('cadence-interval').fill('3');
    await settings.getByTestId('settings-conversation-save').click();
    await expect(settings.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();

    const page = await seeded.context.newPage();
    await page.goto(`${demo.url}/ordering/orders/${demo.orderNo}`);
    const panel = await panelFrame(page, seeded.extensionId);
    await expectPanelState(panel, 'matched');
    await expect(panel.getByTestId('visit-due')).toBeVisible();
    await expect(panel.locator('[data-testid=talking-point][data-rule=visit-due]')).toHaveCount(1);

    await panel.getByTestId('visit-due-log').click();
    await panel.getByTestId('visit-summary').fill('巡店：陈列整改完成，老板想要新品');
    await panel.getByTestId('visit-add-need').click();
    await panel.getByTestId('visit-need-description').fill('申请新品试销');
    await panel.getByTestId('visit-save').click();

    await expect(panel.getByTestId('visit-due')).toHaveCount(0);
    await expect(panel.locator('[data-testid=talking-point][data-rule=visit-due]')).toHaveCount(0);
    await expect(panel.getByTestId('need').filter({ hasText: '申请新品试销' })).toBeVisible();
    await expect(panel.getByTestId('timeline-item').first()).toContainText('陈列整改完成');
  });

  test('a reminder notification fires for a task due now', async ({ seeded, demo }) => {
    const page = await seeded.context.newPage();
    await page.goto(`${demo.url}/ordering/orders/${demo.orderNo}`);
    const panel = await panelFrame(page, seeded.extensionId);
    await expect(panel.getByTestId('customer-name')).toHaveText(S.orderCustomerName);

    // A task reminded a minute ago: the background checks on every task write and shows what is due.
    const dashboard = await seeded.context.newPage();
    await dashboard.goto(`chrome-extension://${seeded.extensionId}/dashboard.html#agenda`);
    await panel.getByTestId('task-add').click();
    await panel.getByTestId('task-title').fill('给老板回电话确认到货');
    await panel.getByTestId('task-save').click();
    const task = panel.getByTestId('task').filter({ hasText: '给老板回电话确认到货' });
    await expect(task).toBeVisible();
    // The reminder time is set to a minute ago through the message the snooze menu sends (the menu
    // only offers later times).
    const notifiedFor = async (id: string) =>
      (await dashboard.evaluate<string[]>(`chrome.notifications.getAll().then((all) => Object.keys(all))`)).filter((n) => n.startsWith('reminder:task') && n.includes(id));
    const taskId = await dashboard.evaluate<string>(`new Promise((resolve) => {
      const open = indexedDB.open('account-lens');
      open.onsuccess = () => {
        const req = open.result.transaction('tasks').objectStore('tasks').getAll();
        req.onsuccess = () => resolve(req.result.find((t) => t.title === '给老板回电话确认到货').id);
      };
    })`);
    expect(await notifiedFor(taskId)).toEqual([]);
    const token = await panel.evaluate(() => location.hash.slice(1));
    const reply = await panel.evaluate<{ ok: boolean }>(
      `chrome.runtime.sendMessage({ type: 'panel/task/update', token: ${JSON.stringify(token)}, taskId: ${JSON.stringify(taskId)}, remindAt: Date.now() - 60000 })`,
    );
    expect(reply.ok).toBe(true);
    await expect.poll(() => notifiedFor(taskId), { timeout: 10_000 }).toHaveLength(1);
  });
});

test('on a webmail reply, clicking a talking point’s insert puts its words at the caret of the reply box', async ({ seeded, demo }) => {
  const page = await seeded.context.newPage();
  await page.goto(`${demo.url}/mail/#msg=${S.mailMessageId}`);
  const panel = await panelFrame(page, seeded.extensionId);
  await expect(panel.getByTestId('customer-name')).toHaveText(S.mailCustomerName);
  await page.locator('#replyBtn').click();
  const body = page.locator('textarea.compose-body');
  await body.fill('马总您好，\n\n祝好');
  await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(7, 7)); // after the greeting line and a blank line

  const point = panel.getByTestId('talking-point').first();
  await expect(point).toBeVisible();
  const words = (await point.getByTestId('talking-text').textContent()) ?? '';
  expect(words.length).toBeGreaterThan(0);
  await point.getByTestId('talking-insert').click();
  await expect(body).toHaveValue(`马总您好，\n\n${words}祝好`);
});
