import os from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Test files of unit+api at the same time: every core, at least two. Vitest's own default is one
 * fewer than the cores, so a 2-core CI machine ran the ~115 files one after another with a core
 * idle. The files share nothing that could collide: each builds its own app on its own in-memory
 * database or a mkdtemp folder, servers listen on port 0, worker bundles are named by their content
 * and written whole then renamed (server/shared/ts-worker.ts), so two files bundling at once agree.
 */
const apiWorkers = Math.max(2, os.availableParallelism());

/*
 * unit+api files share each worker's module graph (`isolate: false`): every file imported the
 * whole app through the TypeScript transform again (import time 230 s of CPU for 27 files). The
 * files share no state that could leak: each builds its own app and database, no file mocks a
 * module, and the two that set environment variables set test-only names. Measured on the same 27
 * files (posts, search, http), back to back, load 8-10: wall 293 → 81 s, CPU 217 → 75 s; the whole
 * project (122 files) passed the same way.
 */

/**
 * Files that start real servers or other processes, longest first: started at once, they run
 * beside the rest on the other worker instead of last. Vitest orders by the durations of an
 * earlier run, which a fresh clone (CI) has none of: it then runs larger files first, and the
 * crash test (400 s under load, a short file) came last, alone on one worker.
 */
const SLOW_FIRST = ['tests/security/crash.test.ts', 'tests/server/main.test.ts', 'tests/web/api-types.test.ts', 'tests/security/backup.test.ts', 'tests/scripts/seed-demo.test.ts',
  // The longest browser test: started first, it does not run on alone at the end of e2e.
  'tests/e2e/layout.test.ts'];

/**
 * Browser test files two at a time. Each file starts its own server (its own temporary database,
 * a port the OS picks) and its own Chromium, and only reads the built web app, so two files share
 * nothing. One file at a time left the machine mostly idle: the whole e2e project took 883 s of
 * wall time for 404 s of CPU (load 4.4–9.5), the rest being waits on the browser and the network.
 */
const E2E_WORKERS = 2;

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => SLOW_FIRST.findIndex((p) => f.moduleId.endsWith(p));
    const slow = sorted.filter((f) => rank(f) >= 0).sort((a, b) => rank(a) - rank(b));
    return [...slow, ...sorted.filter((f) => rank(f) < 0)];
  }
}

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    sequence: { sequencer: SlowFirstSequencer },
    // Browser tests share one built web app (read only) and run after the rest (groupOrder), two files at a time.
    projects: [
      { extends: true, test: { name: 'unit+api', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**', '**/node_modules/**'],
        maxWorkers: apiWorkers, isolate: false, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], maxWorkers: E2E_WORKERS, testTimeout: 120_000, globalSetup: ['tests/e2e/global-setup.ts'],
        sequence: { groupOrder: 1 },
        // A page under a loaded CI machine may take seconds to settle; polls wait for it.
        expect: { poll: { timeout: 15_000, interval: 100 } } } },
    ],
  },
});
