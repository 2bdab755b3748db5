// End-to-end tests in a real Firefox with the built extension (run `npm run build:firefox` first).
// Files test/e2e/firefox*.e2e.test.ts; vitest.e2e.config.ts (Chromium) leaves them out.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/firefox*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
