// Builds the real site twice (at the root, and under an intranet-style base path) and the made-up
// three-year yearbook of tests/fixtures/years-3, and serves them on loopback for the browser tests.
// Chromium is looked up first so a missing browser fails loudly. NIANJIAN_TEST_SITES=root,years
// (say) builds only those, for running one test file while working on it; CI builds all three.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { serveStatic } from '../../src/integrations/pdf-edition/static-server.mjs';
import { buildSite, projectRoot } from '../support/build-site';
import { yearsFixture } from '../../scripts/lib/project-copy.mjs';
import { copyProject, removeFixtures } from '../support/fixture';

declare module 'vitest' {
  export interface ProvidedContext {
    rootUrl: string;
    rootDir: string;
    baseUrl: string;
    baseDir: string;
    yearsUrl: string;
    yearsDir: string;
  }
}

export const basePath = '/report/';

const allSites = ['root', 'base', 'years'] as const;
type SiteName = (typeof allSites)[number];

function wantedSites(): Set<SiteName> {
  const wanted = process.env.NIANJIAN_TEST_SITES;
  if (!wanted) return new Set(allSites);
  return new Set(allSites.filter((name) => wanted.split(',').includes(name)));
}

/** A copy of the project with the three-year fixture laid over its content. */
async function yearsProject(): Promise<string> {
  return copyProject('nianjian-years-3-', { overlay: yearsFixture });
}

export default async function setup(project: TestProject) {
  findChromium();
  const buildsDir = join(projectRoot, '.test-builds');
  await rm(buildsDir, { recursive: true, force: true });
  const rootDir = join(buildsDir, 'root');
  const baseDir = join(buildsDir, 'base-path');
  const yearsDir = join(buildsDir, 'years');
  const sites = wantedSites();
  const builds: { name: SiteName; outDir: string; root?: string; env: Record<string, string> }[] = [
    { name: 'root', outDir: rootDir, env: {} },
    // The PDF edition is tested on the root build (pdf.test.ts); printing it twice costs a minute.
    { name: 'base', outDir: baseDir, env: { BASE_PATH: basePath, NIANJIAN_PDF: 'off' } },
    { name: 'years', outDir: yearsDir, root: await yearsProject(), env: {} },
  ];
  const servers: { close: () => Promise<void> }[] = [];
  for (const build of builds) {
    if (!sites.has(build.name)) continue;
    const result = await buildSite({
      ...(build.root ? { root: build.root } : {}),
      outDir: build.outDir,
      env: build.env,
    });
    if (result.code !== 0)
      throw new Error(
        `Building the ${build.name} site for the browser tests failed:\n${result.output}`,
      );
    const server = await serveStatic(build.outDir, build.name === 'base' ? basePath : undefined);
    servers.push(server);
    const provided = { root: 'rootUrl', base: 'baseUrl', years: 'yearsUrl' } as const;
    const dirs = { root: 'rootDir', base: 'baseDir', years: 'yearsDir' } as const;
    project.provide(provided[build.name], server.url);
    project.provide(dirs[build.name], build.outDir);
  }
  return async () => {
    await Promise.all(servers.map((server) => server.close()));
    await removeFixtures();
  };
}
