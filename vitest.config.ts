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
  },
});
