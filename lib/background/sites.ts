import { parseEnabledSites, patternsToRegister, withoutSite, type EnabledSite } from '../sites/enablement';

/** The id of the one run-time content script registration that covers every enabled site. */
export const SITES_SCRIPT_ID = 'account-lens-sites';
/** The same bundle the manifest declares for the demo hosts. */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

export interface RegisteredScript {
  id: string;
  matches?: string[];
}

/** The browser APIs the sync needs (chrome.scripting, chrome.permissions, storage.local), injectable for tests. */
export interface SitesApi {
  readEnabled(): Promise<unknown>;
  writeEnabled(sites: EnabledSite[]): Promise<void>;
  /** Whether the extension holds the host permission for a pattern now. */
  isGranted(pattern: string): Promise<boolean>;
  registered(): Promise<RegisteredScript[]>;
  register(matches: string[]): Promise<void>;
  update(matches: string[]): Promise<void>;
  unregister(): Promise<void>;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/**
 * Makes the registered content script cover exactly the enabled sites that are still permitted. A site
 * whose permission was withdrawn (by the manager in Chrome's settings, or by policy) is dropped from the
 * list too, so settings never show a site as enabled while nothing runs there. Idempotent: called at
 * start, on every change of the list and on every permission change.
 */
export async function syncSiteScripts(api: SitesApi): Promise<string[]> {
  const sites = parseEnabledSites(await api.readEnabled());
  const granted = new Map<string, boolean>();
  for (const o of new Set(sites.flatMap((s) => s.origins))) granted.set(o, await api.isGranted(o));
  const revoked = [...granted].filter(([, ok]) => !ok).map(([o]) => o);
  if (revoked.length) await api.writeEnabled(withoutSite(sites, revoked));
  const patterns = patternsToRegister(revoked.length ? withoutSite(sites, revoked) : sites, (o) => granted.get(o) === true);

  const current = (await api.registered()).find((s) => s.id === SITES_SCRIPT_ID);
  if (patterns.length === 0) {
    if (current) await api.unregister();
  } else if (!current) await api.register(patterns);
  else if (!sameSet(current.matches ?? [], patterns)) await api.update(patterns);
  return patterns;
}

/**
 * Serialises syncs: permission and storage events arrive in bursts (enable = permission added, then the
 * list written), and two overlapping registrations of the same id would fail.
 */
export function serialSync(api: SitesApi): () => Promise<string[]> {
  let chain: Promise<unknown> = Promise.resolve();
  return () => {
    const run = chain.then(() => syncSiteScripts(api));
    chain = run.catch(() => {});
    return run;
  };
}
