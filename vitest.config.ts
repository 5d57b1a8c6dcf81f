/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// One runner for every suite: `unit` (pure modules, schemas, content, components through the
// Container API), `content` (the editors' content cases, in-process: no build, no browser),
// `editors` (the real commands, scaffolds, imports and atomic builds on fixture copies), `e2e`
// (Playwright + system Chromium against the shared site builds) and `deploy` (nginx).
// `npm run test:quick` runs `unit` and `content`; `npm test` runs them all.
//
// Two files at a time on two cores, whatever their project: a browser walk or a child build keeps
// about one core busy (Chromium waits on Node and Node on Chromium; an Astro build is mostly one
// thread), so two at once fill the machine where one after another left a core idle. Every file
// is independent: the site builds are shared read-only, every editors' test has its own copy, each
// deploy file its own nginx (tests/deploy/nginx.ts tries another port if one is taken meanwhile).
const twoAtATime = { maxWorkers: 2, sequence: { groupOrder: 0 } };

/** The editors' content cases that run in-process: the quick project, not the editors' one. */
const inProcessContentCases = [
  'tests/editors/bad-input.test.ts',
  'tests/editors/broken-content.test.ts',
];

export default getViteConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          ...twoAtATime,
        },
      },
      {
        extends: true,
        test: {
          name: 'content',
          include: inProcessContentCases,
          environment: 'node',
          ...twoAtATime,
          testTimeout: 60_000,
        },
      },
      {
        // The editors' workflow: `npm run check`/`new`/`build` on fixture copies of the project.
        extends: true,
        test: {
          name: 'editors',
          include: ['tests/editors/**/*.test.ts'],
          exclude: inProcessContentCases,
          environment: 'node',
          testTimeout: 240_000,
          hookTimeout: 240_000,
          ...twoAtATime,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          ...twoAtATime,
        },
      },
      {
        // Serving for real: nginx with deploy/ against a build, precompression, CSP header, load, publish.
        extends: true,
        test: {
          name: 'deploy',
          include: ['tests/deploy/**/*.test.ts'],
          globalSetup: ['tests/deploy/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 600_000,
          ...twoAtATime,
        },
      },
    ],
  },
});
