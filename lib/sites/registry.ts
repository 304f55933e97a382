import demoOrdering from './demo-ordering';
import demoWebmail from './demo-webmail';
import exmail from './exmail';
import generic from './generic';
import gmail from './gmail';
import mail163 from './mail163';
import outlook from './outlook';
import qqmail from './qqmail';
import roundcube from './roundcube';
import type { SiteAdapter } from './types';

/**
 * Every site adapter, explicitly (one file each). Order matters: the first whose `matches` accepts the
 * frame's address reads it; `generic` is last and accepts everything.
 */
export const ADAPTERS: readonly SiteAdapter[] = [demoOrdering, demoWebmail, gmail, outlook, qqmail, mail163, exmail, roundcube, generic];

export function adapterFor(url: URL, adapters: readonly SiteAdapter[] = ADAPTERS): SiteAdapter {
  return adapters.find((a) => a.matches(url)) ?? generic;
}
