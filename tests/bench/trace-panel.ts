/**
 * Diagnostics for the panel and main-thread figures (not part of `npm run bench`):
 * `npx tsx tests/bench/trace-panel.ts [--loads=6] [--plain] [--bench-like] [--dump]`
 * - default: the panel benchmark's loads (same tab, index page first) under a CDP trace; prints per load
 *   a time line in ms after navigation start (page DCL/load, marks with * are in another process: the
 *   panel's commit, early:sent/early:reply, its first paint) and main-thread time by top-level event;
 * - --bench-like: exactly the traced loads of the CPU metric (fresh tab, until load + 1 s), dumped;
 * - --plain: the same in a browser without the extension; --dump writes tests/.tmp/trace-{ext,plain}-N.json
 *   (Chrome trace format, for chrome://tracing or Perfetto). TRACE_CATS overrides the categories;
 *   EXTENSION_DIR picks another build.
 */
import type { BrowserContext, CDPSession } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { CHROMIUM, chromiumArgs, launchWithExtension } from '../e2e/browser';
import { findPanelFrame, importThroughDashboard } from '../e2e/helpers';
import { demoScenarioOrderNo, generateDemoData } from '../sites/data/generate';
import { startDemoServer } from '../sites/server';

interface Ev {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: Record<string, any>;
}

const arg = (k: string, d: string) => process.argv.find((a) => a.startsWith(`--${k}=`))?.split('=')[1] ?? d;
const LOADS = Number(arg('loads', '6'));
const PLAIN = process.argv.includes('--plain');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function trace(cdp: CDPSession, body: () => Promise<void>): Promise<Ev[]> {
  const events: Ev[] = [];
  const onData = (e: { value: unknown }) => events.push(...(e.value as Ev[]));
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', {
    categories: process.env.TRACE_CATS ?? 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,loading,blink',
    transferMode: 'ReportEvents',
  });
  await body();
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', onData);
  return events;
}

function analyse(events: Ev[], url: string, label: string) {
  const threadName = new Map<string, string>();
  const procName = new Map<number, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name);
    if (e.ph === 'M' && e.name === 'process_labels') procName.set(e.pid, e.args?.labels);
  }
  const commit = events.find((e) => e.name === 'FrameCommittedInBrowser' && e.args?.data?.url === url);
  const pagePid = commit?.args?.data?.processId;
  const navStart = events.find((e) => e.name === 'navigationStart' && e.pid === pagePid && e.args?.data?.documentLoaderURL === url)?.ts;
  const t0 = navStart ?? Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  const rel = (ts: number) => ((ts - t0) / 1000).toFixed(1);
  const line: string[] = [];
  const marks = events.filter(
    (e) =>
      ['domContentLoadedEventEnd', 'domContentLoadedEventStart', 'loadEventEnd', 'firstContentfulPaint', 'early:sent', 'early:reply', 'MarkDOMContent', 'MarkLoad'].includes(e.name) ||
      (e.name === 'FrameCommittedInBrowser' && e.args?.data?.url?.includes('panel.html')) ||
      (e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.includes('panel.html')),
  );
  for (const m of marks.sort((a, b) => a.ts - b.ts)) line.push(`${m.name}${m.pid === pagePid ? '' : '*'}@${rel(m.ts)}`);
  console.log(`\n== ${label}: ${line.join('  ')}`);
  // Main-thread time by cause, per renderer main thread.
  const mains = [...threadName].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k);
  for (const key of mains) {
    const [pid, tid] = key.split(':').map(Number);
    const evs = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= t0 - 50_000).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const tasks = evs.filter((e) => e.name === 'RunTask');
    let end = -Infinity;
    const top: Ev[] = [];
    for (const t of tasks) {
      if (t.ts < end) continue;
      end = t.ts + (t.dur ?? 0);
      top.push(t);
    }
    if (!top.length) continue;
    const byCause = new Map<string, { wall: number; cpu: number; n: number }>();
    let wall = 0;
    let cpu = 0;
    let ti = 0;
    for (const t of top) {
      wall += t.dur ?? 0;
      cpu += t.tdur ?? 0;
      // Children: the non-RunTask events inside this task, at nesting depth 1 (not inside another child).
      const kids = evs.filter((e) => e !== t && e.name !== 'RunTask' && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0));
      let kend = -Infinity;
      let covered = 0;
      for (const k of kids) {
        if (k.ts < kend) continue;
        kend = k.ts + (k.dur ?? 0);
        let name = k.name;
        const d = k.args?.data;
        if (name === 'FunctionCall' || name === 'EvaluateScript' || name === 'v8.compile' || name === 'TimerFire') name += ` ${String(d?.url ?? d?.functionName ?? '').replace(/.*\//, '').slice(0, 40)}`;
        if (name === 'EventDispatch') name += ` ${d?.type}`;
        const c = byCause.get(name) ?? { wall: 0, cpu: 0, n: 0 };
        c.wall += k.dur ?? 0;
        c.cpu += k.tdur ?? 0;
        c.n++;
        byCause.set(name, c);
        covered += k.dur ?? 0;
      }
      const other = byCause.get('(task, no child)') ?? { wall: 0, cpu: 0, n: 0 };
      other.wall += (t.dur ?? 0) - covered;
      other.n++;
      byCause.set('(task, no child)', other);
      ti++;
    }
    const who = pid === pagePid ? 'PAGE' : `other pid ${pid}`;
    console.log(`  ${who}: ${top.length} tasks, wall ${(wall / 1000).toFixed(1)} ms, cpu ${(cpu / 1000).toFixed(1)} ms`);
    for (const [n, c] of [...byCause].sort((a, b) => b[1].wall - a[1].wall).slice(0, 14))
      console.log(`     ${(c.wall / 1000).toFixed(1).padStart(7)} wall ${(c.cpu / 1000).toFixed(1).padStart(6)} cpu ×${String(c.n).padStart(3)}  ${n}`);
  }
}

async function launchPlain(): Promise<{ context: BrowserContext; extensionId: string }> {
  const profile = await mkdtemp(path.join(tmpdir(), 'account-lens-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 860 },
    args: chromiumArgs({ extension: false, locale: 'zh-CN' }),
  });
  return { context, extensionId: '' };
}

async function main() {
  const data = generateDemoData({ now: Date.now() });
  const file = path.resolve('tests/.tmp/trace-demo-data.json');
  await writeFile(file, JSON.stringify(data));
  const orderNo = demoScenarioOrderNo(data);
  const server = await startDemoServer({ port: 0, data });
  const { context, extensionId } = PLAIN ? await launchPlain() : await launchWithExtension();
  try {
    if (!PLAIN) await importThroughDashboard(context, extensionId, file);
    if (process.argv.includes('--bench-like')) {
      // Exactly tracedLoad of run.ts: a fresh tab per load, goto until load, 1 s, no evaluation in the page.
      for (let i = 0; i < LOADS; i++) {
        const p = await context.newPage();
        const cdp = await context.newCDPSession(p);
        const url = `${server.url}/ordering/orders/${orderNo}?bl=${i}`;
        const events = await trace(cdp, async () => {
          await p.goto(url, { waitUntil: 'load' });
          await sleep(1_000);
        });
        await p.close();
        await writeFile(`tests/.tmp/trace-${PLAIN ? 'plain' : 'ext'}-${i}.json`, JSON.stringify({ url, traceEvents: events }));
      }
      return;
    }
    const page = await context.newPage();
    for (let i = 0; i < LOADS; i++) {
      await page.goto(`${server.url}/?reset=${i}`);
      if (!PLAIN) {
        const idle = await findPanelFrame(page, extensionId);
        await idle.locator('[data-testid="panel-state"][data-state="none"]').waitFor({ timeout: 10_000 });
      } else await sleep(1_500);
      const cdp = await context.newCDPSession(page);
      const url = `${server.url}/ordering/orders/${orderNo}?diag=${i}`;
      let shown = 0;
      let dcl = 0;
      const events = await trace(cdp, async () => {
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        if (!PLAIN) {
          const frame = await findPanelFrame(page, extensionId);
          shown = Number(await (await frame.waitForFunction(() => document.documentElement.dataset.shownAt, undefined, { timeout: 10_000, polling: 20 })).jsonValue());
        }
        await page.waitForFunction(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd, undefined, { polling: 20 });
        dcl = await page.evaluate(() => performance.timeOrigin + (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
        await sleep(1_000);
      });
      await cdp.detach();
      analyse(events, url, `load ${i}: shown - dcl = ${(shown - dcl).toFixed(0)} ms`);
      if (process.argv.includes('--dump')) await writeFile(`tests/.tmp/trace-${PLAIN ? 'plain' : 'ext'}-${i}.json`, JSON.stringify({ url, shownMinusDcl: shown - dcl, traceEvents: events }));
    }
  } finally {
    await context.close();
    await server.close();
  }
}

await main();
