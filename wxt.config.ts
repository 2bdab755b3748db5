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
    // storage: settings and the reading list. contextMenus: "save to reading list" on links to a Kamervragen
    // document (the only way to save one without opening it). No `tabs`: tabs are found by URL within the host
    // permissions below, which is all the popup, the shortcut and the menu need.
    permissions: ['storage', 'contextMenus'],
    host_permissions: SITE_HOSTS.flatMap((host) => [`https://${host}/*`, `http://${host}/*`]),
    // The keyboard shortcut to save the current page (changeable in the browser's shortcut settings).
    commands: {
      'save-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSave__',
      },
    },
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
