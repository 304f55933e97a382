import { describe, expect, it } from 'vitest';
import { SITES_SCRIPT_ID, serialSync, syncSiteScripts, type SitesApi } from '../../lib/background/sites';
import { matchesPattern as patternCovers } from '../../lib/rules/url-pattern';
import { enabledSiteFor, parseEnabledSites, proposeSite, withSite, withoutSite, type EnabledSite } from '../../lib/sites/enablement';
import type { SiteAdapter } from '../../lib/sites/types';

const webmail: SiteAdapter = {
  id: 'qqmail',
  origins: ['https://mail.qq.com/*'],
  matches: (u) => u.hostname === 'mail.qq.com',
  extract: () => ({ identifiers: [], names: [] }),
};
const site = (origins: string[], label = origins[0]): EnabledSite => ({ label, origins, enabledAt: 1 });

describe('what "turn on for this site" enables', () => {
  it('a known webmail: all of its hosts, under its name', () => {
    expect(proposeSite('https://mail.qq.com/cgi-bin/frame_html?sid=x', [webmail])).toEqual({
      ok: true,
      site: { label: 'QQ 邮箱', origins: ['https://mail.qq.com/*'], adapterId: 'qqmail' },
    });
  });

  it('any other web page: its host, whatever the port and path', () => {
    expect(proposeSite('http://ERP.Example.cn:8080/order/view?id=7', [webmail])).toEqual({
      ok: true,
      site: { label: 'erp.example.cn', origins: ['http://erp.example.cn/*'] },
    });
  });

  it('not the browser’s own pages, files or other extensions', () => {
    for (const u of ['chrome://extensions/', 'file:///C:/x.html', 'chrome-extension://abc/panel.html', 'about:blank', 'not a url'])
      expect(proposeSite(u, [webmail]), u).toEqual({ ok: false, reason: 'unsupported' });
  });
});

describe('enabled sites', () => {
  it('a pattern covers its host only, with the scheme it names', () => {
    expect(patternCovers('https://mail.qq.com/*', 'https://mail.qq.com/cgi-bin/readmail?x=1')).toBe(true);
    expect(patternCovers('https://mail.qq.com/*', 'http://mail.qq.com/')).toBe(false);
    expect(patternCovers('https://mail.qq.com/*', 'https://exmail.qq.com/')).toBe(false);
    expect(patternCovers('https://mail.qq.com/*', 'https://mail.qq.com.evil.cn/')).toBe(false);
    expect(patternCovers('https://*.example.cn/*', 'https://a.b.example.cn/x')).toBe(true);
  });

  it('finds the entry that covers a page', () => {
    const sites = [site(['https://mail.163.com/*', 'https://mail.126.com/*'], '网易邮箱'), site(['http://erp.example.cn/*'])];
    expect(enabledSiteFor('https://mail.126.com/js6/main.jsp', sites)?.label).toBe('网易邮箱');
    expect(enabledSiteFor('https://mail.google.com/', sites)).toBeUndefined();
  });

  it('enabling a site again merges with the entry that shares a host; turning off removes it', () => {
    const first = withSite([site(['http://erp.example.cn/*'])], site(['https://mail.163.com/*'], '网易邮箱'));
    const again = withSite(first, site(['https://mail.163.com/*', 'https://mail.126.com/*'], '网易邮箱'));
    expect(again.map((s) => s.origins)).toEqual([['http://erp.example.cn/*'], ['https://mail.163.com/*', 'https://mail.126.com/*']]);
    expect(withoutSite(again, ['https://mail.126.com/*']).map((s) => s.label)).toEqual(['http://erp.example.cn/*']);
  });

  it('a damaged stored entry is dropped and the others stay', () => {
    const stored = [site(['https://mail.qq.com/*']), { label: 'x', origins: ['<all_urls>'], enabledAt: 1 }, 'junk', site(['http://a.cn/*'])];
    expect(parseEnabledSites(stored).map((s) => s.origins[0])).toEqual(['https://mail.qq.com/*', 'http://a.cn/*']);
    expect(parseEnabledSites(undefined)).toEqual([]);
  });
});

/** An in-memory browser: the stored list, the granted permissions and the one registration. */
function fakeApi(stored: unknown, granted: string[]) {
  const calls: string[] = [];
  const state = { stored, registered: undefined as string[] | undefined };
  const api: SitesApi = {
    readEnabled: async () => state.stored,
    writeEnabled: async (s) => void (state.stored = s),
    isGranted: async (p) => granted.includes(p),
    registered: async () => (state.registered ? [{ id: SITES_SCRIPT_ID, matches: state.registered }] : []),
    register: async (m) => {
      if (state.registered) throw new Error('Duplicate script ID');
      calls.push(`register ${m.join(' ')}`);
      state.registered = m;
    },
    update: async (m) => {
      calls.push(`update ${m.join(' ')}`);
      state.registered = m;
    },
    unregister: async () => {
      calls.push('unregister');
      state.registered = undefined;
    },
  };
  return { api, calls, state };
}

describe('the content script follows the enabled sites', () => {
  it('registers the enabled sites, updates on change, unregisters when none is left', async () => {
    const { api, calls, state } = fakeApi([site(['https://mail.qq.com/*'])], ['https://mail.qq.com/*', 'http://erp.example.cn/*']);
    expect(await syncSiteScripts(api)).toEqual(['https://mail.qq.com/*']);
    expect(await syncSiteScripts(api)).toEqual(['https://mail.qq.com/*']); // nothing to do the second time
    state.stored = [site(['https://mail.qq.com/*']), site(['http://erp.example.cn/*'])];
    await syncSiteScripts(api);
    state.stored = [];
    await syncSiteScripts(api);
    expect(calls).toEqual(['register https://mail.qq.com/*', 'update http://erp.example.cn/* https://mail.qq.com/*', 'unregister']);
  });

  it('a site whose permission was withdrawn leaves the list and the registration', async () => {
    const { api, state } = fakeApi([site(['https://mail.qq.com/*']), site(['http://erp.example.cn/*'])], ['http://erp.example.cn/*']);
    expect(await syncSiteScripts(api)).toEqual(['http://erp.example.cn/*']);
    expect((state.stored as EnabledSite[]).map((s) => s.label)).toEqual(['http://erp.example.cn/*']);
  });

  it('a permission held without the site being enabled runs nothing there', async () => {
    const { api, state } = fakeApi([], ['https://mail.google.com/*']);
    expect(await syncSiteScripts(api)).toEqual([]);
    expect(state.registered).toBeUndefined();
  });

  it('bursts of events never register twice', async () => {
    const { api, calls } = fakeApi([site(['https://mail.qq.com/*'])], ['https://mail.qq.com/*']);
    const sync = serialSync(api);
    await Promise.all([sync(), sync(), sync()]);
    expect(calls).toEqual(['register https://mail.qq.com/*']);
  });
});
