import { describe, expect, it } from 'vitest';
import { runCrashCycles } from '../../scripts/crash-test';

// `npm run test:crash` runs 500 cycles by hand; the suite runs 50 (the CI minimum).
const CYCLES = Number(process.env.KOTSU_CRASH_CYCLES ?? 50);

describe('crash safety', () => {
  it(`loses no acknowledged write across ${CYCLES} SIGKILLs of the real server, and the file stays sound`, async () => {
    const report = await runCrashCycles({ cycles: CYCLES });
    expect(report.problems).toEqual([]);
    expect(report.cycles).toBe(CYCLES);
    // The check must have had something to check.
    expect(report.acknowledgedCreates).toBeGreaterThan(CYCLES);
    expect(report.acknowledgedEdits).toBeGreaterThan(0);
    expect(report.killedBeforeListening).toBeGreaterThan(0);
  }, 1_800_000);
});
