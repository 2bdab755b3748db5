// End-to-end tests: the built extension in a real Chromium (run `npm run build` first). The Firefox ones
// (test/e2e/firefox*.e2e.test.ts) have their own config, vitest.e2e-firefox.config.ts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    exclude: ['**/node_modules/**', 'test/e2e/firefox*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
