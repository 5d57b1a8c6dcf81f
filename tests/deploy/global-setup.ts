// The deploy suites serve the shared root build (tests/support/sites.ts) through nginx: the same
// folder the browser suites read, made as `npm run build` makes it (astro build, then the post-build
// steps: CSP header, precompression, build record), with SITE_URL set as for a real server.
// nginx and Chromium are looked up first, so a missing one fails the run loudly.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildInfoPath } from '../../scripts/lib/build-info.mjs';
import { findChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { provideSites } from '../support/sites';
import { findNginx } from './nginx';

export { testSiteUrl } from '../support/sites';

export default async function setup(project: TestProject) {
  findNginx();
  findChromium();
  // While working on these tests only: NIANJIAN_DEPLOY_BUILD=<folder of a finished build> skips the build.
  const reused = process.env.NIANJIAN_DEPLOY_BUILD;
  if (reused) {
    if (!existsSync(join(reused, buildInfoPath)))
      throw new Error(
        `NIANJIAN_DEPLOY_BUILD=${reused} is not a finished build (no ${buildInfoPath}).`,
      );
    project.provide('deployBuildDir', reused);
    return;
  }
  return provideSites(project, ['root']);
}
