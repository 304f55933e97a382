import { chromium, type BrowserContext } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const EXTENSION_DIR = path.resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3-demo');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  /**
   * Playwright turns ThirdPartyStoragePartitioning off, and then Chromium denies IndexedDB to an
   * extension frame inside a web page, unlike Chrome. Our own --disable-features, placed after
   * Playwright's, replaces its list (the last one wins) so the browser behaves like Chrome. `false`
   * keeps Playwright's default: the storage-denied case some enterprise policies produce.
   */
  chromeLikeStorage?: boolean;
  headless?: boolean;
  locale?: string;
}

/** Flags for Debian's Chromium on these machines (no network, no GPU), with or without the extension. */
export function chromiumArgs({ extension = true, chromeLikeStorage = true, locale = 'zh-CN' } = {}): string[] {
  return [
    ...(extension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--lang=${locale}`,
    ...(chromeLikeStorage ? ['--disable-features=PaintHolding'] : []),
  ];
}

/** Debian's Chromium with the built extension, in a fresh profile. */
export async function launchWithExtension(opts: LaunchOptions = {}): Promise<{ context: BrowserContext; extensionId: string }> {
  const { chromeLikeStorage = true, headless = true, locale = 'zh-CN' } = opts;
  const profile = await mkdtemp(path.join(tmpdir(), 'account-lens-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    locale,
    viewport: { width: 1366, height: 860 },
    args: chromiumArgs({ chromeLikeStorage, locale }),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId };
}
