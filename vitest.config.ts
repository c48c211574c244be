import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser tests share one built web app and one Chromium; they run after the rest in their own project.
    projects: [
      { extends: true, test: { name: 'unit+api', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], fileParallelism: false, globalSetup: ['tests/e2e/global-setup.ts'] } },
    ],
  },
});
