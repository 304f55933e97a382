import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';

/** Hosts the content script runs on without the manager enabling them: the local demo and test sites. */
export const DEMO_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  vite: () => ({ plugins: [tailwindcss()] }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'unlimitedStorage'],
    // The panel page may be framed only where the content script mounts it.
    web_accessible_resources: [{ resources: ['panel.html'], matches: DEMO_HOSTS }],
    action: { default_title: '__MSG_extName__' },
  },
});
