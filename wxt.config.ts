import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';
import type { Plugin } from 'vite';

/** Hosts the content script runs on without the manager enabling them, in demo builds only: the local demo and test sites. */
export const DEMO_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

/**
 * Real webmail and web-system hosts that end-to-end tests serve from saved pages (Playwright routes). A demo
 * build holds their permission from install, so that "enable on this site" is answered without Chrome's
 * prompt (which a test cannot click); the site still runs nothing until it is enabled (lib/background/sites).
 */
export const TEST_HOSTS = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.live.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.cloud.microsoft/*',
  'https://mail.qq.com/*',
  'https://exmail.qq.com/*',
  'https://mail.163.com/*',
  'https://mail.126.com/*',
  'https://mail.yeah.net/*',
  'https://webmail.example-isp.cn/*',
  'https://order.example-tobacco.cn/*',
  'https://crm.example-bank.cn/*',
];

/**
 * Two builds. `wxt build` is what a manager installs: it holds no host permission and runs nowhere until
 * a site is enabled from the popup. `ACCOUNT_LENS_DEMO=1 wxt build` (`npm run build:demo`, into
 * .output/chrome-mv3-demo) is the one the demo, the tests and the benchmark load: it also runs on the
 * local demo hosts. Otherwise the two are the same production build (an environment variable rather
 * than a Vite mode, because any mode but production switches React to its development build).
 */
const DEMO_BUILD = process.env.ACCOUNT_LENS_DEMO === '1';

/**
 * Lists in panel.html (`<meta name="panel-app-modules">`) the modules of the React app that the panel's
 * entry imports dynamically (entrypoints/panel/main.tsx), so that panel-early.js can start loading them
 * the moment the customer's name is painted, a frame before that import.
 */
function listPanelAppModules(): Plugin {
  let base = '/';
  return {
    name: 'account-lens:list-panel-app-modules',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { path, chunk, bundle }) {
        if (!path.endsWith('/panel/index.html') || !chunk || !bundle) return;
        const modules = new Set<string>();
        const add = (file: string) => {
          const dep = bundle[file];
          if (modules.has(file) || chunk.imports.includes(file) || dep?.type !== 'chunk') return;
          modules.add(file);
          dep.imports.forEach(add);
        };
        chunk.dynamicImports.forEach(add);
        const content = [...modules].map((file) => `${base}${file}`).join(' ');
        return [{ tag: 'meta', attrs: { name: 'panel-app-modules', content }, injectTo: 'head' as const }];
      },
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Another output folder lets a second build run beside a benchmark that is reading .output.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  ...(DEMO_BUILD && { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-demo' }),
  vite: () => ({ plugins: [tailwindcss(), listPanelAppModules()] }),
  manifest: ({ browser }) => ({
    ...(browser === 'firefox' && {
      // Firefox keys storage to the add-on id: without a fixed one, a reinstall would lose the data.
      browser_specific_settings: { gecko: { id: 'account-lens@account-lens.local', strict_min_version: '115.0' } },
    }),
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // scripting: register the content script for the sites the manager enabled, and inject the
    // teach-this-page picker; activeTab: the picker and the popup work on the current tab without a host permission.
    // contextMenus, notifications, alarms: quick capture on selected text, and reminders (issue 5).
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'activeTab', 'contextMenus', 'notifications', 'alarms'],
    ...(DEMO_BUILD && { host_permissions: [...DEMO_HOSTS, ...TEST_HOSTS] }),
    // Asked for one site at a time, from the popup (Firefox's MV2 build has them among optional permissions).
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*', 'http://*/*'] } : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    // The panel page may be framed on any site the content script runs on; its address changes per
    // session (use_dynamic_url) and it shows nothing without the one-time token its content script made.
    web_accessible_resources: [{ resources: ['panel.html'], matches: ['https://*/*', 'http://*/*'], use_dynamic_url: true }],
    action: { default_title: '__MSG_extName__' },
    // Quick capture from any page: the command opens the popup, whose note box has the focus. Managers
    // can change the keys at chrome://extensions/shortcuts.
    commands: { [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: { suggested_key: { default: 'Alt+Shift+N' } } },
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      // The content script's static entry is for the demo hosts; a production build runs only where registered.
      if (!DEMO_BUILD) manifest.content_scripts = (manifest.content_scripts ?? []).filter((cs) => !cs.matches?.every((m) => DEMO_HOSTS.includes(m)));
    },
  },
});
