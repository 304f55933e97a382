import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';

/** Hosts the content script runs on without the manager enabling them: the local demo and test sites. */
export const DEMO_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Another output folder lets a second build run beside a benchmark that is reading .output.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  vite: () => ({ plugins: [tailwindcss()] }),
  manifest: ({ browser }) => ({
    ...(browser === 'firefox' && {
      // Firefox keys storage to the add-on id: without a fixed one, a reinstall would lose the data.
      browser_specific_settings: { gecko: { id: 'account-lens@account-lens.local', strict_min_version: '115.0' } },
    }),
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'unlimitedStorage'],
    // The panel page may be framed only where the content script mounts it.
    web_accessible_resources: [{ resources: ['panel.html'], matches: DEMO_HOSTS, use_dynamic_url: true }],
    action: { default_title: '__MSG_extName__' },
  }),
});
