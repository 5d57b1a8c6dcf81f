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

/**
 * Seconds each project's files took (import, setup and tests), added up, in the order the projects
 * ran: where a slow run spent its time, and what to run alone while working on one part. Files run
 * two at a time (vitest.config.ts), so the sums add up to more than the run's wall time.
 */
export function projectSeconds(testModules: ReadonlyArray<TestModule>): Map<string, number> {
  const seconds = new Map<string, number>();
  for (const module of testModules) {
    const diagnostic = module.diagnostic();
    const ms =
      diagnostic.environmentSetupDuration +
      diagnostic.prepareDuration +
      diagnostic.collectDuration +
      diagnostic.setupDuration +
      diagnostic.duration;
    const name = module.project.name || 'tests';
    seconds.set(name, (seconds.get(name) ?? 0) + ms / 1000);
  }
  return seconds;
}

/** The shared site builds of this run (tests/support/sites.ts records them), in seconds. */
function buildSeconds(): Array<[string, number]> {
  const holder = globalThis as { __nianjianTestSites?: { seconds?: Map<string, number> } };
  return [...(holder.__nianjianTestSites?.seconds ?? new Map<string, number>())];
}

const list = (entries: Iterable<[string, number]>) =>
  [...entries].map(([name, seconds]) => `${name} ${seconds.toFixed(0)} s`).join(', ');

/**
 * Prints the time of each project and of each shared site build, then ends the run with one plain
 * line, `N passed, N failed, N skipped`, that any CI log reader understands.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
    reason: TestRunEndReason,
  ) {
    const count = countRun(testModules, unhandledErrors, reason);
    const builds = buildSeconds();
    const times = [
      `Time per project (its files' times added up; two files run at once): ` +
        list(projectSeconds(testModules)),
      ...(builds.length > 0
        ? [`Site builds (once per run, before the tests): ${list(builds)}`]
        : []),
    ];
    process.stdout.write(
      `\n${times.join('\n')}\n${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`,
    );
  }
}
