/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// One runner for every suite: `unit` (pure modules, schemas, content, components through the
// Container API) and `e2e` (Playwright + system Chromium against freshly built sites).
export default getViteConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
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
    ],
  },
});
