import { z } from 'zod';
import { matchesPattern } from '../rules/url-pattern';
import { ADAPTERS } from './registry';
import type { SiteAdapter } from './types';

/**
 * Per-site enablement (issue 4). The installed extension holds no host permission; the manager enables
 * it for a site from the popup, which asks Chrome for that site's optional host permission, and the
 * background then registers the content script for exactly the enabled sites (lib/background/sites).
 * The list is kept apart from the permissions: a permission can exist without the site being enabled
 * (granted by policy, or in the demo build) and the content script still runs only where enabled.
 */
export const ENABLED_SITES_KEY = 'enabledSites';

/** Chrome match pattern for a whole host, any path: `https://mail.qq.com/*`. Ports are not part of a pattern. */
const HostPattern = z.string().regex(/^https?:\/\/(\*\.)?[a-z0-9.-]+\/\*$/, 'expected scheme://host/*');

export const EnabledSite = z.object({
  /** The site as the manager sees it in settings: the adapter's name or the host. */
  label: z.string().min(1).max(200),
  /** Every pattern enabled together: a webmail may use sibling hosts for its frames. */
  origins: z.array(HostPattern).min(1).max(20),
  adapterId: z.string().max(60).optional(),
  enabledAt: z.number().int().nonnegative(),
});
export type EnabledSite = z.infer<typeof EnabledSite>;
export const EnabledSites = z.array(EnabledSite).max(500);

/** Stored lists are read leniently: one damaged entry is dropped, the rest stay enabled. */
export function parseEnabledSites(value: unknown): EnabledSite[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    const r = EnabledSite.safeParse(v);
    return r.success ? [r.data] : [];
  });
}

export const hostPatternOf = (url: URL): string => `${url.protocol}//${url.hostname.toLowerCase()}/*`;

/** Names shown for the adapters that carry `origins` (the rest are shown by host). */
export const ADAPTER_LABELS: Record<string, string> = {
  gmail: 'Gmail',
  outlook: 'Outlook',
  qqmail: 'QQ 邮箱',
  mail163: '网易邮箱 163/126',
  exmail: '腾讯企业邮箱',
  roundcube: 'Roundcube',
};

export type SiteProposal = { ok: true; site: Omit<EnabledSite, 'enabledAt'> } | { ok: false; reason: 'unsupported' };

/**
 * What "enable on this site" enables for a page: a known webmail's hosts together, else the page's host.
 * Only web pages can be enabled (not the browser's own pages, files or other extensions).
 */
export function proposeSite(pageUrl: string, adapters: readonly SiteAdapter[] = ADAPTERS): SiteProposal {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return { ok: false, reason: 'unsupported' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'unsupported' };
  const adapter = adapters.find((a) => a.origins?.length && a.matches(url));
  if (adapter?.origins) {
    return { ok: true, site: { label: ADAPTER_LABELS[adapter.id] ?? adapter.id, origins: [...adapter.origins], adapterId: adapter.id } };
  }
  return { ok: true, site: { label: url.hostname.toLowerCase(), origins: [hostPatternOf(url)] } };
}

export function enabledSiteFor(pageUrl: string, sites: readonly EnabledSite[]): EnabledSite | undefined {
  // Taught rules' matcher: the same scheme://host/* semantics Chrome gives these patterns.
  return sites.find((s) => s.origins.some((o) => matchesPattern(o, pageUrl)));
}

/** Adds a site, merging with an entry that shares any origin (re-enabling a webmail adds its new hosts). */
export function withSite(sites: readonly EnabledSite[], site: EnabledSite): EnabledSite[] {
  const overlaps = (s: EnabledSite) => s.origins.some((o) => site.origins.includes(o));
  const merged = sites.filter(overlaps).flatMap((s) => s.origins);
  return [...sites.filter((s) => !overlaps(s)), { ...site, origins: [...new Set([...site.origins, ...merged])] }];
}

export function withoutSite(sites: readonly EnabledSite[], origins: readonly string[]): EnabledSite[] {
  return sites.filter((s) => !s.origins.some((o) => origins.includes(o)));
}

/** The patterns the content script is registered for: enabled and still permitted. */
export function patternsToRegister(sites: readonly EnabledSite[], granted: (pattern: string) => boolean): string[] {
  return [...new Set(sites.flatMap((s) => s.origins))].filter(granted).sort();
}
