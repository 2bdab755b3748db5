// WXT build configuration: manifest, modules and per-browser differences.
import { defineConfig } from 'wxt';
import { SITE_HOSTS } from './utils/site/ids';

export default defineConfig({
  // Aliases wxt/browser to webextension-polyfill at build time (types stay WXT's).
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Kamervragen Lezer',
    description: '__MSG_extDescription__',
    default_locale: 'nl',
    permissions: ['storage'],
    host_permissions: SITE_HOSTS.flatMap((host) => [`https://${host}/*`, `http://${host}/*`]),
    // Firefox only: Chrome would warn about an unknown key.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'kamervragen-lezer@kvl.example',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
