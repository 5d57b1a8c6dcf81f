// Builds the real site twice (at the root, and under an intranet-style base path) and serves both
// on loopback for the browser tests. Chromium is looked up first so a missing browser fails loudly.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { serveStatic } from '../../src/integrations/pdf-edition/static-server.mjs';
import { buildSite, projectRoot } from '../support/build-site';

declare module 'vitest' {
  export interface ProvidedContext {
    rootUrl: string;
    rootDir: string;
    baseUrl: string;
    baseDir: string;
  }
}

export const basePath = '/report/';

export default async function setup(project: TestProject) {
  findChromium();
  const buildsDir = join(projectRoot, '.test-builds');
  await rm(buildsDir, { recursive: true, force: true });
  const rootDir = join(buildsDir, 'root');
  const baseDir = join(buildsDir, 'base-path');
  for (const [outDir, env] of [
    [rootDir, {}],
    // The PDF edition is tested on the root build (pdf.test.ts); printing it twice costs a minute.
    [baseDir, { BASE_PATH: basePath, NIANJIAN_PDF: 'off' }],
  ] as const) {
    const result = await buildSite({ outDir, env });
    if (result.code !== 0)
      throw new Error(`Building the site for the browser tests failed:\n${result.output}`);
  }
  const root = await serveStatic(rootDir);
  const base = await serveStatic(baseDir, basePath);
  project.provide('rootUrl', root.url);
  project.provide('rootDir', rootDir);
  project.provide('baseUrl', base.url);
  project.provide('baseDir', baseDir);
  return async () => {
    await root.close();
    await base.close();
  };
}
