// The browsers the extension supports: the oldest versions it is built for and declares in its manifests
// (`minimum_chrome_version`, `browser_specific_settings.gecko.strict_min_version`). One place: wxt.config.ts builds to
// these versions and writes them into the manifests; test/unit/compat.test.ts checks every web platform feature the
// code uses against them (MDN's browser-compat-data); the README's "Supported browsers" table names them.

export const MINIMUM_VERSIONS = {
  /**
   * Chrome 111 (March 2023), and the Chromium-based browsers of that engine version: the JavaScript the bundles are
   * built to (Vite's "baseline widely available" target). Every API and CSS feature used is older.
   */
  chrome: 111,
  /**
   * Firefox 140, the ESR line that managed installations are on: the manifest's `data_collection_permissions`, which
   * Firefox requires of new add-ons, is read from 140 on.
   */
  firefox: 140,
  /** Firefox for Android reads `data_collection_permissions` from 142 on. Declared, not tested (desktop only here). */
  firefoxAndroid: 142,
} as const;

/** Vite's build target for both (the syntax in the bundles). */
export const BUILD_TARGET = [`chrome${MINIMUM_VERSIONS.chrome}`, `firefox${MINIMUM_VERSIONS.firefox}`];
