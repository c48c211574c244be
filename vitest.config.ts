import os from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Test files of unit+api at the same time: every core, at least two. Vitest's own default is one
 * fewer than the cores, so a 2-core CI machine ran the ~115 files one after another with a core
 * idle. The files share nothing that could collide: each builds its own app on its own in-memory
 * database or a mkdtemp folder, servers listen on port 0, worker bundles are named per process.
 */
const apiWorkers = Math.max(2, os.availableParallelism());

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser tests share one built web app and run after the rest (groupOrder), one file at a time.
    projects: [
      { extends: true, test: { name: 'unit+api', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**', '**/node_modules/**'],
        maxWorkers: apiWorkers, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], fileParallelism: false, testTimeout: 120_000, globalSetup: ['tests/e2e/global-setup.ts'],
        sequence: { groupOrder: 1 },
        // A page under a loaded CI machine may take seconds to settle; polls wait for it.
        expect: { poll: { timeout: 15_000, interval: 100 } } } },
    ],
  },
});
