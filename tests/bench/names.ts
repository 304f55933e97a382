/**
 * Issue 4's fuzzy-name figures, measured in Node (the index is plain library code): the name index over
 * the 100k synthetic customers' names and some aliases, 1,000 mixed page names (exact, suffix changed,
 * region left out, full-width in an email display name, pinyin, initials, alias, a homophone typo,
 * partial, not in the book), p50/p95 per query, retained memory, the stored snapshot's size and the
 * time to read it back (the lower bound of "ready after the service worker starts"); then the same
 * queries through Fuse.js and MiniSearch, configured as fairly as we can for Chinese (same normalised
 * fields and queries, pinyin and initials given to them too; MiniSearch on character bigrams), with
 * their p95, build time and memory, the ratios, and top-1 accuracy of all three.
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { NAME_AUTO_LINK_THRESHOLD, NameIndex, nameWinner, type NameEntry, type NameIndexData } from '../../lib/match/names/name-index';
import { cleanPageName, letters } from '../../lib/match/names/normalise';
import type { Customer } from '../../lib/model';
import { customerSearchText, pinyinKeys } from '../../lib/search/pinyin';
import { Rng } from '../sites/data/generate';
import { median, percentile, round } from './stats';
import { generateSynthetic } from './synthetic';

type RecordFn = (r: { metric: string; value: number; unit: string; target: number | null; n: number; p50?: number; note?: string }) => void;

const QUERIES = 1_000;
const WARMUP = 300;
const ALIAS_SHARE = 0.1;
const DESERIALISE_RUNS = 5;
/**
 * Fuse.js takes seconds and MiniSearch a few hundred ms a query over 100k names, so by default they
 * run every FUSE_EVERY-th and MINI_EVERY-th of the same 1,000 queries (the kinds stay mixed), and our
 * p95 on the same subset gives the ratio. NAMES_BENCH_FULL=1 runs all 1,000 through both (about an hour, mostly Fuse.js).
 */
const FULL = process.env.NAMES_BENCH_FULL === '1';
const FUSE_EVERY = FULL ? 1 : 20;
const MINI_EVERY = FULL ? 1 : 4;
const OTHERS_WARMUP = 10;
/** Names on the largest page (PageSignals allows 20). */
const PAGE_NAMES = 20;

type Kind = 'exact' | 'suffix' | 'region' | 'fullwidth' | 'pinyin' | 'initials' | 'alias' | 'typo' | 'partial' | 'vague' | 'miss';
interface NameQuery {
  kind: Kind;
  text: string;
  /** The customer the name stands for; null when no single customer should be linked. */
  expect: string | null;
}

const MIX: [Kind, number][] = [
  ['exact', 0.15],
  ['suffix', 0.1],
  ['region', 0.1],
  ['fullwidth', 0.1],
  ['pinyin', 0.1],
  ['initials', 0.05],
  ['alias', 0.1],
  ['typo', 0.1],
  ['partial', 0.05],
  ['vague', 0.05],
  ['miss', 0.1],
];

/** The generator's name layout (tests/bench/synthetic.ts): 深圳市 + district + word + kind + n号店. */
const NAME = /^(深圳市)(.{2}区)(.+?)(烟酒商行|便利店|食杂店|超市|烟酒店|商店)(\d+)号店$/;
/** Suffix swaps that keep the trade (or drop the generic word). */
const SWAP: Record<string, string> = { 烟酒商行: '烟酒店', 便利店: '便利', 食杂店: '食杂', 超市: '超市有限公司', 烟酒店: '烟酒商行', 商店: '商行' };
/** Homophones an IME slips to. */
const HOMOPHONE: Record<string, string> = {
  隆: '龙', 福: '富', 佳: '家', 旺: '望', 利: '力', 发: '法', 源: '原', 家: '佳', 兴: '星', 和: '合', 永: '勇', 盛: '胜',
  华: '化', 润: '闰', 天: '添', 邻: '林', 居: '局', 满: '曼', 民: '敏', 顺: '舜', 金: '今', 万: '完', 新: '心', 概: '慨',
  念: '年', 记: '纪', 好: '号', 乐: '勒', 鑫: '新',
};
const ALIAS_ENDINGS = ['小卖部', '烟酒部', '便民店', '杂货铺'];
const OTHER_TRADES = ['五金店', '茶行', '花店', '米铺', '眼镜店', '药房', '书店', '干洗店'];

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Aliases for about ALIAS_SHARE of the customers: the owner's name and a shop word, unique in the book. */
export function addAliases(customers: Customer[], rng: Rng): void {
  const used = new Set<string>();
  for (const c of customers) {
    if (!rng.chance(ALIAS_SHARE) || !c.owner) continue;
    const alias = `${c.owner}${rng.pick(ALIAS_ENDINGS)}`;
    if (used.has(alias)) continue;
    used.add(alias);
    c.aliases = [alias];
  }
}

export function buildQueries(customers: Customer[], count: number, seed: number): NameQuery[] {
  const rng = new Rng(`names-${seed}`);
  const withAlias = customers.filter((c) => c.aliases.length > 0);
  const names = new Set(customers.map((c) => c.name));
  const out: NameQuery[] = [];
  for (const [kind, share] of MIX) {
    for (let k = 0; k < Math.round(share * count); k++) {
      const c = kind === 'alias' ? rng.pick(withAlias) : customers[rng.int(0, customers.length - 1)];
      const m = NAME.exec(c.name);
      if (!m) throw new Error(`unexpected synthetic name ${c.name}`);
      const [, city, district, word, trade, n] = m;
      switch (kind) {
        case 'exact':
          out.push({ kind, text: c.name, expect: c.id });
          break;
        case 'suffix':
          out.push({ kind, text: `${city}${district}${word}${rng.chance(0.5) ? '' : SWAP[trade]}${n}号店`, expect: c.id });
          break;
        case 'region':
          out.push({ kind, text: `${rng.chance(0.5) ? district : ''}${word}${trade}${n}号店`, expect: c.id });
          break;
        case 'fullwidth':
          out.push({ kind, text: `${toFullWidth(`${city}${district}${word}${trade}${n}号店`)} <shop${n}@163.com>`, expect: c.id });
          break;
        case 'pinyin': {
          // As an email signature spells it: "Shenzhenshi Nanshanqu Xinlong Bianlidian 123 Haodian".
          const py = (s: string) => capital(pinyinKeys(s).full);
          out.push({ kind, text: [py(city), py(district), py(word), py(trade), n, 'Haodian'].join(' '), expect: c.id });
          break;
        }
        case 'initials':
          out.push({ kind, text: pinyinKeys(c.name).initials, expect: c.id });
          break;
        case 'alias':
          out.push({ kind, text: c.aliases[0], expect: c.id });
          break;
        case 'typo': {
          const chars = [...word];
          const at = chars.findIndex((ch) => HOMOPHONE[ch]);
          if (at >= 0) chars[at] = HOMOPHONE[chars[at]];
          else chars.splice(rng.int(0, chars.length - 1), 1);
          out.push({ kind, text: `${city}${district}${chars.join('')}${trade}${n}号店`, expect: c.id });
          break;
        }
        case 'partial':
          // Region and the last 店 left out, the number kept: still one shop.
          out.push({ kind, text: `${word}${trade}${n}号`, expect: c.id });
          break;
        case 'vague':
          // No number: a hundred shops share it, so none may be linked.
          out.push({ kind, text: `${district}${word}${trade}`, expect: null });
          break;
        case 'miss': {
          let text: string;
          do {
            // The same shop word, trade and number in another city, or a shop of another trade.
            text = rng.chance(0.5) ? `北京市朝阳区${word}${trade}${n}号店` : `${rng.pick(['老张', '王氏', '李家', '赵记', '钱记', '孙氏'])}${rng.pick(OTHER_TRADES)}`;
          } while (names.has(text));
          out.push({ kind, text, expect: null });
          break;
        }
      }
    }
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** global.gc, reached without restarting Node with --expose-gc. */
function getGc(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/**
 * JS heap plus ArrayBuffer backing stores (typed arrays live outside the heap but count all the same),
 * after a full GC. The timer turn first lets go of what the current job still holds (WeakRef targets).
 */
async function memoryNow(gc: () => void): Promise<number> {
  await new Promise((r) => setTimeout(r, 0));
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

interface Prepared {
  customers: Customer[];
  /** What the customer rows hold: name, aliases and the stored search text (pinyin computed when written). */
  entries: NameEntry[];
  /** For Fuse.js and MiniSearch: the same normalised name and aliases, with pinyin and initials. */
  docs: { id: string; name: string; aliases: string[]; py: string; ini: string }[];
}

function prepare(): Prepared {
  const { customers } = generateSynthetic({ contacts: 0 });
  addAliases(customers, new Rng('names-aliases'));
  const entries = customers.map((c) => ({ id: c.id, name: c.name, aliases: c.aliases, search: customerSearchText(c) }));
  const docs = customers.map((c) => {
    const k = pinyinKeys(c.name);
    return { id: c.id, name: letters(c.name), aliases: c.aliases.map(letters), py: k.full, ini: k.initials };
  });
  // Fresh flat strings: names and pinyin built piece by piece are V8 cons strings, which an engine
  // flattens (shrinks) as it reads them, making its own memory look smaller, even negative.
  return JSON.parse(JSON.stringify({ customers, entries, docs })) as Prepared;
}

const bigrams = (s: string): string[] => {
  if (s.length < 2) return s ? [s] : [];
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
};

const makeOurs = (p: Prepared) => NameIndex.build(p.entries, { pinyin: pinyinKeys });

/** Fuse.js on the same normalised fields (name, aliases, pinyin, initials), given normalised queries. */
const makeFuse = (p: Prepared) =>
  new Fuse(
    p.docs.map((d) => ({ ...d })),
    { keys: [{ name: 'name', weight: 2 }, 'aliases', 'py', 'ini'], includeScore: true, ignoreLocation: true, threshold: 0.4 },
  );

/** MiniSearch: character bigrams for name and aliases, whole terms for pinyin and initials. */
function makeMini(p: Prepared) {
  const ms = new MiniSearch<{ id: string; name: string; aliases: string; py: string; ini: string }>({
    fields: ['name', 'aliases', 'py', 'ini'],
    storeFields: [],
    tokenize: (text, field) => (field === 'py' || field === 'ini' ? [text] : text.split(' ').flatMap(bigrams)),
    processTerm: (t) => t,
    searchOptions: {
      tokenize: (text) => [...new Set([...bigrams(text), text])],
      boost: { name: 2 },
      combineWith: 'OR',
      prefix: (term) => term.length > 4,
      fuzzy: (term) => (term.length > 4 ? 0.1 : false),
    },
  });
  ms.addAll(p.docs.map((d) => ({ ...d, aliases: d.aliases.join(' ') })));
  return ms;
}

/** The snapshot as IndexedDB gives it back: V8's deserialisation, typed arrays in buffers of their own. */
function readSnapshot(bytes: Uint8Array): NameIndex {
  const data = v8.deserialize(bytes) as NameIndexData;
  // Node's deserialiser leaves typed arrays as views into `bytes`; Chromium's copies them out.
  for (const [k, v] of Object.entries(data)) if (ArrayBuffer.isView(v)) (data as unknown as { [key: string]: unknown })[k] = (v as Uint8Array).slice();
  return NameIndex.deserialise(data, { pinyin: pinyinKeys });
}

type MemoryOf = 'ours' | 'ours-loaded' | 'fuse' | 'minisearch';
const MEMORY_ARG = '--names-memory=';
const SNAPSHOT_FILE = path.resolve('tests/.tmp/bench-names-snapshot.bin');

/**
 * Memory is measured in a fresh Node process per engine: in one long process, what an earlier step
 * left (an async frame's dead locals, a job's WeakRef targets) is freed in the middle of a later
 * measurement and shows up as negative sizes.
 */
function memoryOf(what: MemoryOf): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), `${MEMORY_ARG}${what}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = out.trim().split('\n').pop() ?? '';
  try {
    return (JSON.parse(line) as { mb: number }).mb;
  } catch {
    console.warn(`names: the memory child for ${what} answered ${JSON.stringify(out)}`);
    return Number.NaN;
  }
}

/** The child side of memoryOf: inputs ready and measured, then the engine made, then measured again. */
async function memoryChild(what: MemoryOf): Promise<void> {
  const gc = getGc();
  const keep: unknown[] = [];
  let before: number;
  if (what === 'ours-loaded') {
    before = await memoryNow(gc);
    // Read as the background does: file bytes in, index out, the bytes let go.
    const index = readSnapshot(await readFile(SNAPSHOT_FILE));
    index.match(['深圳市南山区鑫隆便利店']); // its scratch space (about 10 bytes a form) counts too
    keep.push(index);
  } else {
    const p = prepare();
    keep.push(p);
    before = await memoryNow(gc);
    const engine = what === 'ours' ? makeOurs(p) : what === 'fuse' ? makeFuse(p) : makeMini(p);
    if (engine instanceof NameIndex) engine.match(['深圳市南山区鑫隆便利店']);
    keep.push(engine);
  }
  const after = await memoryNow(gc);
  console.log(JSON.stringify({ mb: (after - before) / 1e6, n: keep.length }));
}

interface Engine {
  /** Best customer id first. */
  search: (q: string) => string[];
}

function timeQueries(engine: Engine, queries: NameQuery[], warmup: NameQuery[]) {
  for (const q of warmup) engine.search(q.text);
  const times: number[] = [];
  const tops: (string | undefined)[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    const ids = engine.search(q.text);
    times.push(performance.now() - t0);
    tops.push(ids[0]);
  }
  const known = queries.map((q, i) => ({ q, top: tops[i] })).filter(({ q }) => q.expect !== null);
  const right = known.filter(({ q, top }) => top === q.expect).length;
  return { times, tops, accuracy: (100 * right) / known.length, known: known.length };
}

function timed<T>(make: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = make();
  return { value, ms: performance.now() - t0 };
}

export async function namesBench(record: RecordFn, log: (msg: string) => void): Promise<void> {
  const gc = getGc();
  log('names: generating 100k customers with aliases, their stored search texts, and the pinyin given to Fuse.js and MiniSearch…');
  const prepared = prepare();
  const { customers } = prepared;
  const aliasCount = customers.reduce((n, c) => n + c.aliases.length, 0);
  const queries = buildQueries(customers, QUERIES, 2);
  const warmup = buildQueries(customers, WARMUP, 1);

  // ---- ours
  log('names: building the name index…');
  const built = timed(() => makeOurs(prepared));
  const bytes = v8.serialize(built.value.serialise());
  await mkdir(path.dirname(SNAPSHOT_FILE), { recursive: true });
  await writeFile(SNAPSHOT_FILE, bytes);
  // Reading the stored snapshot back and a first query: the lower bound of "ready after the service
  // worker starts" (the browser adds IndexedDB's read).
  const loadTimes: number[] = [];
  for (let i = 0; i < DESERIALISE_RUNS; i++) {
    gc();
    const t0 = performance.now();
    readSnapshot(bytes).match(['深圳市南山区']);
    loadTimes.push(performance.now() - t0);
  }
  const index = readSnapshot(bytes);

  log('names: 1,000 queries through the name index…');
  gc();
  const mine = timeQueries({ search: (q) => index.match([q], { limit: 10 }).map((c) => c.customerId) }, queries, warmup);
  // The most a page may send: 20 names at once (the same queries, twenty to a page).
  const pageTimes: number[] = [];
  for (let i = 0; i + PAGE_NAMES <= queries.length; i += PAGE_NAMES) {
    const page = queries.slice(i, i + PAGE_NAMES).map((q) => q.text);
    const t0 = performance.now();
    index.match(page);
    pageTimes.push(performance.now() - t0);
  }
  // Automatic links: right ones on queries with an answer, wrong ones anywhere (the figure that matters most).
  let autoRight = 0;
  let autoWrong = 0;
  for (const q of queries) {
    const w = nameWinner(index.match([q.text]));
    if (w && w.customerId === q.expect) autoRight++;
    else if (w) autoWrong++;
  }
  const byKind = new Map<Kind, { t: number[]; right: number; n: number }>();
  queries.forEach((q, i) => {
    const k = byKind.get(q.kind) ?? { t: [], right: 0, n: 0 };
    k.t.push(mine.times[i]);
    if (q.expect !== null) {
      k.n++;
      if (mine.tops[i] === q.expect) k.right++;
    }
    byKind.set(q.kind, k);
  });
  const kinds = [...byKind]
    .map(([k, v]) => `${k} ${round(median(v.t))}/${round(percentile(v.t, 95))}${v.n ? ` (top-1 ${v.right}/${v.n})` : ''}`)
    .join(', ');

  // ---- Fuse.js
  log('names: building Fuse.js…');
  const fuseBuilt = timed(() => makeFuse(prepared));
  const fuseAt = queries.map((_, i) => i).filter((i) => i % FUSE_EVERY === 0);
  log(`names: ${fuseAt.length} of the queries through Fuse.js…`);
  gc();
  const fuseRun = timeQueries(
    { search: (q) => fuseBuilt.value.search(letters(cleanPageName(q)), { limit: 10 }).map((r) => r.item.id) },
    fuseAt.map((i) => queries[i]),
    warmup.slice(0, OTHERS_WARMUP),
  );

  // ---- MiniSearch
  log('names: building MiniSearch…');
  const miniBuilt = timed(() => makeMini(prepared));
  const miniAt = queries.map((_, i) => i).filter((i) => i % MINI_EVERY === 0);
  log(`names: ${miniAt.length} of the queries through MiniSearch…`);
  gc();
  const miniRun = timeQueries(
    { search: (q) => miniBuilt.value.search(letters(cleanPageName(q))).slice(0, 10).map((r) => String(r.id)) },
    miniAt.map((i) => queries[i]),
    warmup.slice(0, OTHERS_WARMUP),
  );

  log('names: memory, one fresh Node process per engine…');
  const mem = { ours: memoryOf('ours'), loaded: memoryOf('ours-loaded'), fuse: memoryOf('fuse'), mini: memoryOf('minisearch') };

  // Ours on the same subsets, for the ratios and top-1 agreement.
  const oursOn = (at: number[]) => ({ times: at.map((i) => mine.times[i]), tops: at.map((i) => mine.tops[i]) });
  const mineFuse = oursOn(fuseAt);
  const mineMini = oursOn(miniAt);
  const sameTop = (a: (string | undefined)[], b: (string | undefined)[]) => {
    let n = 0;
    for (let i = 0; i < b.length; i++) if (a[i] === b[i]) n++;
    return round((100 * n) / b.length, 1);
  };
  const p95 = (t: number[]) => percentile(t, 95);
  const ratio = (a: number, b: number) => `×${round(a / b, 1)}`;
  const subset = (n: number, ours: number[]) =>
    n < queries.length ? ` (every ${queries.length / n}th query, ${n} in all; ours on the same: p95 ${round(p95(ours))} ms)` : '';
  const fuseNote = subset(fuseAt.length, mineFuse.times);
  const miniNote = subset(miniAt.length, mineMini.times);

  record({
    metric: 'names_match_100k_p95',
    value: p95(mine.times),
    unit: 'ms',
    target: 20,
    n: mine.times.length,
    p50: median(mine.times),
    note: `${customers.length} customers + ${aliasCount} aliases, Node ${process.version}; p50/p95 by kind (ms): ${kinds}; max ${round(Math.max(...mine.times))}`,
  });
  record({
    metric: 'names_match_page20_100k_p95',
    value: p95(pageTimes),
    unit: 'ms',
    target: null,
    n: pageTimes.length,
    p50: median(pageTimes),
    note: `one match() call with ${PAGE_NAMES} page names (the most a page sends), the 1,000 queries twenty at a time; max ${round(Math.max(...pageTimes))}`,
  });
  record({
    metric: 'names_index_memory_100k',
    value: mem.loaded,
    unit: 'MB',
    target: 50,
    n: 1,
    note: `JS heap + ArrayBuffers retained after GC by the index as loaded from its snapshot (fresh process); as built ${round(mem.ours, 1)} MB`,
  });
  record({
    metric: 'names_snapshot_load_100k',
    value: median(loadTimes),
    unit: 'ms',
    target: null,
    n: loadTimes.length,
    note: `Node: V8 deserialisation of the stored ${round(bytes.length / 1e6, 1)} MB with its typed arrays copied out (as IndexedDB hands values back) + NameIndex.deserialise + a first query; max ${round(Math.max(...loadTimes))}. Lower bound of "ready after the service worker starts" (≤ 1 s, to be measured in the browser)`,
  });
  record({ metric: 'names_snapshot_bytes_100k', value: bytes.length, unit: 'bytes', target: null, n: 1, note: 'v8.serialize of NameIndex.serialise(), as IndexedDB stores it' });
  record({ metric: 'names_build_100k', value: built.ms, unit: 'ms', target: null, n: 1, note: 'from name, aliases and the stored search text (pinyin read, not recomputed): the rebuild path when the snapshot is stale' });
  record({
    metric: 'names_top1_miss_100k',
    value: 100 - mine.accuracy,
    unit: '%',
    target: null,
    n: mine.known,
    note: `top-1 wrong on queries with a known answer: ours ${round(100 - mine.accuracy, 1)}%, Fuse.js ${round(100 - fuseRun.accuracy, 1)}% (of ${fuseRun.known}), MiniSearch ${round(100 - miniRun.accuracy, 1)}% (of ${miniRun.known}); top-1 agreement with ours on all queries each ran: Fuse.js ${sameTop(mineFuse.tops, fuseRun.tops)}%, MiniSearch ${sameTop(mineMini.tops, miniRun.tops)}%`,
  });
  record({
    metric: 'names_false_autolinks_100k',
    value: autoWrong,
    unit: 'queries',
    target: 0,
    n: queries.length,
    note: `linked automatically (≥ ${NAME_AUTO_LINK_THRESHOLD} and a clear winner) to the wrong customer, or when none should be; right automatic links: ${autoRight} of ${mine.known} queries with an answer (typos, initials and partial names are asked, by design)`,
  });
  record({
    metric: 'names_fuse_match_100k_p95',
    value: p95(fuseRun.times),
    unit: 'ms',
    target: null,
    n: fuseRun.times.length,
    p50: median(fuseRun.times),
    note: `Fuse.js ${ratio(p95(fuseRun.times), p95(mineFuse.times))} ours at p95; build ${round(fuseBuilt.ms, 0)} ms (${ratio(fuseBuilt.ms, built.ms)} ours), memory ${round(mem.fuse, 1)} MB (${ratio(mem.fuse, mem.loaded)}); keys name (×2), aliases, pinyin, initials; threshold 0.4, ignoreLocation${fuseNote}`,
  });
  record({
    metric: 'names_minisearch_match_100k_p95',
    value: p95(miniRun.times),
    unit: 'ms',
    target: null,
    n: miniRun.times.length,
    p50: median(miniRun.times),
    note: `MiniSearch ${ratio(p95(miniRun.times), p95(mineMini.times))} ours at p95; build ${round(miniBuilt.ms, 0)} ms (${ratio(miniBuilt.ms, built.ms)} ours), memory ${round(mem.mini, 1)} MB (${ratio(mem.mini, mem.loaded)}); character bigrams for name and aliases, whole terms for pinyin and initials (prefix and fuzzy 0.1 past 4 letters), OR, name boosted ×2${miniNote}`,
  });

  console.log('');
  console.log('names: ours vs Fuse.js vs MiniSearch (100k customers)');
  const rows = [
    ['', 'ours', 'Fuse.js', 'MiniSearch'],
    ['queries', mine.times.length, fuseRun.times.length, miniRun.times.length],
    ['p50 ms', round(median(mine.times)), round(median(fuseRun.times)), round(median(miniRun.times))],
    ['p95 ms', round(p95(mine.times)), round(p95(fuseRun.times)), round(p95(miniRun.times))],
    ['p95 ratio to ours (same queries)', 1, round(p95(fuseRun.times) / p95(mineFuse.times), 1), round(p95(miniRun.times) / p95(mineMini.times), 1)],
    ['build ms', round(built.ms, 0), round(fuseBuilt.ms, 0), round(miniBuilt.ms, 0)],
    ['memory MB (ours: as loaded)', round(mem.loaded, 1), round(mem.fuse, 1), round(mem.mini, 1)],
    ['memory ratio to ours', 1, round(mem.fuse / mem.loaded, 1), round(mem.mini / mem.loaded, 1)],
    ['top-1 right % (known answers)', round(mine.accuracy, 1), round(fuseRun.accuracy, 1), round(miniRun.accuracy, 1)],
  ].map((r) => r.map(String));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(`  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`);
  if (!FULL) console.log(`  Fuse.js ran every ${FUSE_EVERY}th and MiniSearch every ${MINI_EVERY}th of the ${queries.length} queries (NAMES_BENCH_FULL=1 for all)`);
}

const memoryArg = process.argv.find((a) => a.startsWith(MEMORY_ARG));
if (memoryArg) await memoryChild(memoryArg.slice(MEMORY_ARG.length) as MemoryOf);
