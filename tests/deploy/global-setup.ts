// Builds the site once for the deploy tests as `npm run build` does (astro build, then the post-build
// steps: CSP header, precompression, build record), with SITE_URL set as for a real server.
// nginx and Chromium are looked up first, so a missing one fails the run loudly.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { postBuildSteps } from '../../scripts/build-steps.mjs';
import { buildInfoPath } from '../../scripts/lib/build-info.mjs';
import { findChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { buildEnvironment, buildSite, projectRoot } from '../support/build-site';
import { findNginx } from './nginx';

declare module 'vitest' {
  export interface ProvidedContext {
    deployBuildDir: string;
  }
}

/** The address the test build is made for: publish refuses a build without one. */
export const testSiteUrl = 'https://report.example.cn';

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
  const outDir = join(projectRoot, '.test-builds', 'deploy', 'site');
  await rm(outDir, { recursive: true, force: true });
  const env = { SITE_URL: testSiteUrl };
  const result = await buildSite({ outDir, env });
  if (result.code !== 0)
    throw new Error(`Building the site for the deploy tests failed:\n${result.output}`);
  for (const step of postBuildSteps)
    await step.run({ outDir, root: projectRoot, env: buildEnvironment(env) });
  project.provide('deployBuildDir', outDir);
}
