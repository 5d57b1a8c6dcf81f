/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// One runner for every suite: `unit` (pure modules, schemas, content, components through the
// Container API), `editors` (content checks, scaffolds and atomic builds on fixture copies) and
// `e2e` (Playwright + system Chromium against freshly built sites).
export default getViteConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        // The editors' workflow: `npm run check`/`new`/`build` on fixture copies of the project.
        extends: true,
        test: {
          name: 'editors',
          include: ['tests/editors/**/*.test.ts'],
          environment: 'node',
          testTimeout: 240_000,
          hookTimeout: 240_000,
          fileParallelism: false,
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
          fileParallelism: false,
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
          fileParallelism: false,
        },
      },
    ],
  },
});
