import { DEMO_SCENARIOS as S, expect, expectPanelState, panelFrame, test } from './fixtures';

test('a malformed message to the background is refused and the background keeps working', async ({ seeded, demo }) => {
  const page = await seeded.openPage('dashboard.html');
  const replies = await page.evaluate(async () => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime;
    const send = (m: unknown) => runtime.sendMessage(m);
    return Promise.all([
      send({ type: 'page/signals', signals: { identifiers: 42 } }),
      send({ type: 'panel/note', token: 'forged-token-forged-token', customerId: 'x', text: 'hi' }),
      send('just a string'),
      send({ type: 'customers/dump' }),
    ]);
  });
  expect(replies.map((r: { ok: boolean; error?: string }) => r.error)).toEqual(['badRequest', 'forbidden', 'badRequest', 'badRequest']);
  const order = await seeded.context.newPage();
  await order.goto(`${demo.url}/ordering/orders/${demo.orderNo}`);
  await expect((await panelFrame(order, seeded.extensionId)).getByTestId('customer-name')).toHaveText(S.orderCustomerName);
});

test('the host page’s own script cannot read customer data from the panel', async ({ seeded, demo }) => {
  const page = await seeded.context.newPage();
  await page.goto(`${demo.url}/ordering/orders/${demo.orderNo}`);
  const panel = await panelFrame(page, seeded.extensionId);
  await expect(panel.getByTestId('customer-name')).toHaveText(S.orderCustomerName);
  // Something only the panel knows: a note saved in it.
  const owner = `私密速记-${Date.now()}`;
  await panel.getByTestId('quick-note').fill(owner);
  await panel.getByTestId('quick-note').press('Control+Enter');
  await expect(panel.getByTestId('timeline-item').first()).toContainText(owner);

  const probe = await page.evaluate(async () => {
    const host = document.querySelector('account-lens-panel') as HTMLElement & { shadowRoot: ShadowRoot | null };
    let frameRead = 'no frame';
    try {
      frameRead = String(window.frames[0]?.document.body.textContent ?? 'no frame');
    } catch (e) {
      frameRead = `blocked: ${(e as Error).name}`;
    }
    const dbs = (await indexedDB.databases()).map((d) => d.name);
    return {
      shadowRoot: host.shadowRoot === null,
      frameRead,
      dbs,
      pageText: document.documentElement.textContent ?? '',
      storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
      runtime: typeof (window as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
    };
  });
  expect(probe.shadowRoot).toBe(true);
  expect(probe.frameRead).toMatch(/^blocked: SecurityError|^no frame$/);
  expect(probe.dbs).not.toContain('account-lens');
  expect(probe.pageText).not.toContain(owner);
  expect(probe.storage).not.toContain(owner);
  expect(probe.runtime).toBe('undefined');

  // A page that frames the panel itself (without the content script's token) learns nothing.
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src;
    f.id = 'stolen';
    document.body.append(f);
  }, `chrome-extension://${seeded.extensionId}/panel.html#${'A'.repeat(32)}`);
  await expect
    .poll(async () => {
      const stolen = page.frames().find((f) => f.url().endsWith('A'.repeat(32)));
      return stolen ? stolen.getByTestId('panel-state').getAttribute('data-state').catch(() => null) : 'not loaded';
    })
    .toMatch(/error|not loaded/);
});

test.describe('when the browser denies storage to extension frames (Playwright default, some enterprise policies)', () => {
  test.use({ launch: { chromeLikeStorage: false } });
  test('the panel still shows the customer through the background', async ({ seeded, demo }) => {
    const page = await seeded.context.newPage();
    await page.goto(`${demo.url}/ordering/orders/${demo.orderNo}`);
    const panel = await panelFrame(page, seeded.extensionId);
    // Prove the condition: this frame really is denied IndexedDB.
    const denied = await panel.evaluate(
      () =>
        new Promise<string>((resolve) => {
          try {
            const r = indexedDB.open('probe');
            r.onsuccess = () => resolve('allowed');
            r.onerror = () => resolve(`denied: ${r.error?.message}`);
          } catch (e) {
            resolve(`denied: ${(e as Error).message}`);
          }
        }),
    );
    expect(denied).toMatch(/^denied/);
    await expectPanelState(panel, 'matched');
    await expect(panel.getByTestId('customer-name')).toHaveText(S.orderCustomerName);
  });
});
