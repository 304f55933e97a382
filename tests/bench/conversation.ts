/**
 * Issue 5's panel figure, measured in Chromium with the demo build: the demo order customer given the
 * talking-points bench's 5,000 interactions (orders with lines over three years, visits, calls, notes),
 * its needs, tasks and contacts, imported through the dashboard; then its order page loaded 20 times.
 * Per load, inside the panel frame: the state reply's arrival (mark `early:reply`, which includes the
 * background reading the history and running the talking points) to the first paint of the whole
 * conversation view (`data-profile-at`, the frame after React committed it).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { launchWithExtension } from '../e2e/browser';
import { findPanelFrame, importThroughDashboard } from '../e2e/helpers';
import { DEMO_SCENARIOS, demoScenarioOrderNo, generateDemoData } from '../sites/data/generate';
import { startDemoServer } from '../sites/server';
import { median, percentile, round } from './stats';
import { buildTalkingContext } from './talking';

type RecordFn = (r: { metric: string; value: number; unit: string; target: number | null; n: number; p50?: number; note?: string }) => void;

const LOADS = 20;
const WARMUP = 3;

async function measure(context: BrowserContext, extensionId: string, url: string) {
  const page = await context.newPage();
  const afterReply: number[] = [];
  const roundTrip: number[] = [];
  const afterApp: number[] = [];
  const bundle: number[] = [];
  let points = 0;
  try {
    for (let i = 0; i < WARMUP + LOADS; i++) {
      await page.goto(`${url}?bench=${i}`, { waitUntil: 'domcontentloaded' });
      const frame = await findPanelFrame(page, extensionId);
      await frame.waitForFunction(() => document.documentElement.dataset.profileAt, undefined, { timeout: 15_000, polling: 20 });
      // A string, so that tsx's helpers (__name) do not leak into the page.
      const m = await frame.evaluate<{ profileAt: number; origin: number; sent?: number; reply?: number; appStart?: number; appState?: number; points: number }>(`(() => {
        const mark = (name) => performance.getEntriesByName(name)[0]?.startTime;
        const more = document.querySelector('[data-testid=talking-more]')?.textContent?.match(/\\d+/)?.[0];
        return {
          profileAt: Number(document.documentElement.dataset.profileAt),
          origin: performance.timeOrigin,
          sent: mark('early:sent'),
          reply: mark('early:reply'),
          appStart: mark('panel:start'),
          appState: mark('panel:state'),
          points: document.querySelectorAll('[data-testid=talking-point]').length + Number(more ?? 0),
        };
      })()`);
      if (m.reply === undefined || m.sent === undefined) throw new Error('the panel frame has no early:reply mark');
      if (i < WARMUP) continue;
      afterReply.push(m.profileAt - (m.origin + m.reply));
      afterApp.push(m.profileAt - (m.origin + Math.max(m.reply, m.appState ?? m.reply)));
      bundle.push((m.appStart ?? m.reply) - m.reply);
      roundTrip.push(m.reply - m.sent);
      points = m.points;
    }
  } finally {
    await page.close();
  }
  return { afterReply, roundTrip, points, afterApp, bundle };
}

export async function conversationBench(tmpDir: string, record: RecordFn, log: (msg: string) => void): Promise<void> {
  const now = Date.now();
  const data = generateDemoData({ now });
  const ctx = buildTalkingContext(now);
  const customerId = DEMO_SCENARIOS.orderCustomerId;
  const mine = <T extends { id: string; customerId: string }>(rows: readonly T[]) => rows.map((r) => ({ ...r, id: `bench-${r.id}`, customerId }));
  data.interactions.push(...mine(ctx.interactions));
  data.needs.push(...mine(ctx.needs));
  data.tasks.push(...mine(ctx.tasks));
  data.contacts.push(...mine(ctx.contacts));
  const file = path.join(tmpDir, 'bench-conversation-data.json');
  await writeFile(file, JSON.stringify(data));

  const server = await startDemoServer({ port: 0, data });
  const { context, extensionId } = await launchWithExtension();
  try {
    log('importing the demo data with a 5,000-interaction customer…');
    await importThroughDashboard(context, extensionId, file);
    log('panel first paint with that customer…');
    const r = await measure(context, extensionId, `${server.url}/ordering/orders/${demoScenarioOrderNo(data)}`);
    record({
      metric: 'panel_conversation_paint_after_state_p95',
      value: round(percentile(r.afterReply, 95)),
      unit: 'ms',
      target: 100,
      n: r.afterReply.length,
      p50: round(median(r.afterReply)),
      note: `customer with ${ctx.interactions.length.toLocaleString('en')} interactions, ${r.points} talking points: the panel's state reply → the conversation view painted (talking points, tasks, needs, profile). The reply itself (background reads the history and runs the talking points) took p50 ${round(median(r.roundTrip))}, p95 ${round(percentile(r.roundTrip, 95))} ms from the request. Of the time after the reply, the React bundle starting took p50 ${round(median(r.bundle))} ms; from the moment the React view had the state: p50 ${round(median(r.afterApp))}, p95 ${round(percentile(r.afterApp, 95))} ms`,
    });
  } finally {
    await context.close();
    await server.close();
  }
}
