import type { Reporter, TestModule, TestRunEndReason } from 'vitest/node';

export interface RunCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * Counts a run honestly: a failed test is one failure; so is a test file that failed to load or
 * crashed outside its tests (its module errors), and every error thrown outside any test
 * (unhandled errors). Whenever vitest fails the run, at least one failure is counted.
 */
export function countRun(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<unknown>,
  reason: TestRunEndReason,
): RunCounts {
  const count: RunCounts = { passed: 0, failed: 0, skipped: 0 };
  for (const module of testModules) {
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') count.passed++;
      else if (state === 'failed') count.failed++;
      else count.skipped++;
    }
    // A file that failed to import, or whose hooks threw outside any test: one failure per error.
    count.failed += module.errors().length;
  }
  count.failed += unhandledErrors.length;
  if (reason === 'failed' && count.failed === 0) count.failed = 1;
  return count;
}

/** Ends the run with one plain line, `N passed, N failed, N skipped`, that any CI log reader understands. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
    reason: TestRunEndReason,
  ) {
    const count = countRun(testModules, unhandledErrors, reason);
    process.stdout.write(
      `\n${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`,
    );
  }
}
