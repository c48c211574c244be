import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser tests share one built web app and run after the rest, one file at a time.
    projects: [
      { extends: true, test: { name: 'unit+api', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**', '**/node_modules/**'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], fileParallelism: false, testTimeout: 120_000, globalSetup: ['tests/e2e/global-setup.ts'],
        // A page under a loaded CI machine may take seconds to settle; polls wait for it.
        expect: { poll: { timeout: 15_000, interval: 100 } } } },
    ],
  },
});
