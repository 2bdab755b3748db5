// Unit tests: happy-dom, with WXT's fake browser and path aliases.
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['test/unit/**/*.test.{ts,tsx}'],
    // Extension pages have IndexedDB (the saved copies); happy-dom has none: fake-indexeddb stands in.
    setupFiles: ['fake-indexeddb/auto', 'test/support/i18n.ts', 'test/support/list-writer.ts'],
    // No unit test is a timed test: on a loaded 2-core machine the property tests over real storage and the 400-pair
    // page took 5–6 s once (vitest's default limit is 5 s) and failed for it alone.
    testTimeout: 30_000,
  },
});
