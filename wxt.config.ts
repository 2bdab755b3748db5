// WXT build configuration: manifest, modules and per-browser differences.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { BUILD_TARGET, MINIMUM_VERSIONS } from './utils/browsers';
import { HOST_PERMISSIONS } from './utils/site/hosts';

/**
 * V8's explicit compile hint (Chromium 136+): with this first line, every function of the content script is compiled
 * when the script is loaded (document_start, while the page is still arriving) instead of at its first call, which
 * is when the view is being built (DOMContentLoaded). Measured: the view shown 1.5–2× sooner (npm run bench). Other
 * browsers read it as a comment.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
function compileHints(): Plugin {
  return {
    name: 'kvl-compile-hints',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      // After WXT's own output plugins, which expect the script to start with its code.
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && chunk.fileName.startsWith('content-scripts/')) {
            chunk.code = COMPILE_HINT + chunk.code;
          }
        }
      },
    },
  };
}

export default defineConfig({
  vite: () => ({
    plugins: [compileHints()],
    // The syntax of the declared minimum versions (utils/browsers.ts), whatever Vite's default becomes.
    build: { target: BUILD_TARGET },
    // WXT's content-script context is replaced by one that does nothing: see shims/wxt-context.ts.
    resolve: {
      alias: [
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: fileURLToPath(new URL('./shims/wxt-context.ts', import.meta.url)),
        },
      ],
    },
  }),
  hooks: {
    // The early script (entrypoints/early.content.ts) shares the content script's manifest entry: it must come first.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const entry of manifest.content_scripts ?? []) {
        entry.js?.sort((a, b) => Number(b.endsWith('/early.js')) - Number(a.endsWith('/early.js')));
      }
    },
  },
  // Aliases wxt/browser to webextension-polyfill at build time (types stay WXT's).
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Kamervragen Lezer',
    description: '__MSG_extDescription__',
    default_locale: 'nl',
    // storage: settings and the reading list. contextMenus: "save to reading list" on links to a Kamervragen
    // document (the only way to save one without opening it). alarms: the check of watched questions every 6 hours
    // (a service worker's timers do not outlive it). No `tabs`: tabs are found by URL within the host permissions
    // below, which is all the popup, the shortcut and the menu need. unlimitedStorage: the reading list lives in
    // storage.local, whose default quota (10 MB) a long list with notes and the related-documents cache can reach; a
    // save must never fail for want of room.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'alarms'],
    host_permissions: HOST_PERMISSIONS,
    // The keyboard shortcut to save the current page (changeable in the browser's shortcut settings).
    commands: {
      'save-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSave__',
      },
    },
    // The oldest versions supported (utils/browsers.ts). Each browser's key only in its own manifest: the other
    // would warn about an unknown key.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'kamervragen-lezer@kvl.example',
              strict_min_version: `${MINIMUM_VERSIONS.firefox}.0`,
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on (not tested here: desktop only).
            gecko_android: { strict_min_version: `${MINIMUM_VERSIONS.firefoxAndroid}.0` },
          },
        }
      : { minimum_chrome_version: String(MINIMUM_VERSIONS.chrome) }),
  }),
});
