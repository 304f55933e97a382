/**
 * Writes the adapter fixtures (tests/fixtures/sites/demo-ordering and demo-webmail) from the demo server's own render
 * functions, so the saved pages are exactly what the server sends (for the client-rendered states,
 * what its script produces). Re-run after changing server.ts: tsx tests/sites/write-fixtures.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_SCENARIOS, demoScenarioOrderNo, generateDemoData } from './data/generate';
import { buildMailbox, buildOrderingSite, renderMailMessage, renderMailTop, renderOrderingPage } from './server';

/** Fixed end of history (2025-11-25 00:00 China time), so the fixtures never change by themselves. */
export const FIXTURE_NOW = Date.UTC(2025, 10, 24, 16);

const root = resolve(import.meta.dirname, '../fixtures/sites');
const data = generateDemoData({ now: FIXTURE_NOW });
/**
 * Saved pages are the server's markup as a browser holds it after rendering, minus the inline app
 * script and style: adapters read pages, they never run them, and every page repeated the same 150 lines.
 */
const saved = (html: string) =>
  html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '<script>/* app script: not part of the saved page */</script>')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '<style>/* styles: not part of the saved page */</style>');

const write = (dir: string, name: string, rawHtml: string) => {
  const html = saved(rawHtml);
  mkdirSync(resolve(root, dir), { recursive: true });
  writeFileSync(resolve(root, dir, name), html);
  console.log(`${dir}/${name}  ${(html.length / 1024).toFixed(0)} kB`);
};

const site = buildOrderingSite(data);
const wife = data.customers.find((c) => c.id === DEMO_SCENARIOS.ambiguousCustomerIds[1])!;
const page = (path: string) => renderOrderingPage(site, path).html;
write('demo-ordering', 'customer-list.html', page('/ordering/customers'));
write('demo-ordering', 'customer.html', page(`/ordering/customers/${DEMO_SCENARIOS.orderCustomerCode}`));
write('demo-ordering', 'customer-two-mobiles.html', page(`/ordering/customers/${wife.customerCode}`));
write('demo-ordering', 'order-list.html', page('/ordering/orders'));
write('demo-ordering', 'order.html', page(`/ordering/orders/${demoScenarioOrderNo(data)}`));
write('demo-ordering', 'not-found.html', page('/ordering/customers/KH00000000'));

const mailbox = buildMailbox(data);
const now = data.exportedAt;
const msg = (id: string) => mailbox.find((m) => m.id === id)!;
write('demo-webmail', 'inbox.html', renderMailTop(mailbox, now));
write('demo-webmail', 'inbox-open.html', renderMailTop(mailbox, now, { openId: DEMO_SCENARIOS.mailMessageId }));
write('demo-webmail', 'reply.html', renderMailTop(mailbox, now, { openId: DEMO_SCENARIOS.mailMessageId, composeTo: DEMO_SCENARIOS.mailFromEmail }));
write('demo-webmail', 'message-client.html', renderMailMessage(msg(DEMO_SCENARIOS.mailMessageId)));
write('demo-webmail', 'message-signature.html', renderMailMessage(msg(DEMO_SCENARIOS.signatureMessageId)));
write('demo-webmail', 'message-ambiguous.html', renderMailMessage(msg('ext-ambiguous')));
write('demo-webmail', 'message-newsletter.html', renderMailMessage(msg(DEMO_SCENARIOS.unknownMessageId)));
