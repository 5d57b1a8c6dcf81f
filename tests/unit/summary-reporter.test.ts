// The summary line is what a CI log reader sees: it must never say "0 failed" when vitest failed.
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runNode } from '../support/build-site';

const vitestCli = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));
const cases = fileURLToPath(new URL('../fixtures/summary-reporter/', import.meta.url));

async function run(only?: string) {
  const result = await runNode(
    [vitestCli, 'run', '--root', cases],
    cases,
    only ? { SUMMARY_CASES: only } : {},
  );
  return {
    code: result.code,
    summary: /^\d+ passed, \d+ failed, \d+ skipped$/m.exec(result.output)?.[0],
    output: result.output,
  };
}

describe('the summary line', () => {
  test('counts passed and skipped tests when everything passes', async () => {
    const { code, summary } = await run('passes');
    expect(code).toBe(0);
    expect(summary).toBe('1 passed, 0 failed, 1 skipped');
  });

  test('counts a test file that fails to load as a failure', async () => {
    const { code, summary } = await run('fails-to-load');
    expect(code).not.toBe(0);
    expect(summary).toBe('0 passed, 1 failed, 0 skipped');
  });

  test('counts an error thrown outside any test as a failure', async () => {
    const { code, summary } = await run('throws-outside-a-test');
    expect(code).not.toBe(0);
    expect(summary).toMatch(/^2 passed, [1-9]\d* failed, 0 skipped$/);
  });

  test('adds the crashes to the failed tests of a whole run', async () => {
    const { code, summary } = await run();
    expect(code).not.toBe(0);
    expect(summary).toBe('3 passed, 2 failed, 1 skipped');
  });
}, 60_000);
