// The built sites every browser and deploy suite reads: each variant is built once per run, into one
// folder, served on loopback, and shared read-only by every project that asks for it.
//
//   root   the real site at `/`, as `npm run build` makes it: PDF edition, then the post-build steps
//          (CSP header, precompression, build record), with SITE_URL set as for a real server. The
//          e2e suites read it through a static server, the deploy suites serve it through nginx.
//   base   the real site under an intranet-style base path (`/report/`), built as on a machine with
//          no Chromium: no PDF edition, and the build says so (pdf.test.ts reads its output).
//   years  the made-up three-year yearbook of tests/fixtures/years-3, laid over a copy of the project.
//
// Vitest runs every project's global setup in the main process before any test, and their teardowns
// after the last test; the builds are kept on `globalThis` so two projects asking for `root` share
// one build. A new test file needs nothing: `inject('rootUrl')`, `inject('rootDir')` and so on.
// NIANJIAN_TEST_SITES=root,years (say) builds only those, for running one file while working on it.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { postBuildSteps } from '../../scripts/build-steps.mjs';
import { buildInfoPath } from '../../scripts/lib/build-info.mjs';
import { copyProjectTo, yearsFixture } from '../../scripts/lib/project-copy.mjs';
import { serveStatic } from '../../src/integrations/pdf-edition/static-server.mjs';
import { buildEnvironment, buildSite, projectRoot } from './build-site';
import { seedImageCache } from './fixture';

declare module 'vitest' {
  export interface ProvidedContext {
    rootUrl: string;
    rootDir: string;
    baseUrl: string;
    baseDir: string;
    /** What the `base` build printed (it was made with no Chromium to be found). */
    baseBuildOutput: string;
    yearsUrl: string;
    yearsDir: string;
    /** The copy of the project the `years` variant was built from, and what its build printed. */
    yearsProjectRoot: string;
    yearsBuildOutput: string;
    /** The root build again, for the deploy suites (the name they have always read). */
    deployBuildDir: string;
  }
}

/** The base path of the `base` variant. */
export const basePath = '/report/';
/** The address the root build is made for: publish refuses a build without one. */
export const testSiteUrl = 'https://report.example.cn';
/** Where the `base` build is told Chromium is: nowhere. */
export const missingChromium = '/nonexistent/chromium';

export const siteVariants = ['root', 'base', 'years'] as const;
export type SiteVariant = (typeof siteVariants)[number];

/** Where each variant is built: one folder per variant, in the project's `.test-builds/`. */
export const buildsDir = join(projectRoot, '.test-builds');
const outDirs: Record<SiteVariant, string> = {
  root: join(buildsDir, 'root'),
  base: join(buildsDir, 'base-path'),
  years: join(buildsDir, 'years'),
};

interface BuiltSite {
  dir: string;
  url: string;
  output: string;
  /** The project folder it was built from. */
  root: string;
  close: () => Promise<void>;
}

interface SharedBuilds {
  sites: Map<SiteVariant, Promise<BuiltSite>>;
  users: number;
  /** The removal of an earlier run's builds, which every build of this run waits for. */
  cleared: Promise<void> | undefined;
  /** The `years` variant's copy of the project, made (and its image cache seeded) once. */
  yearsCopy: Promise<string> | undefined;
  /** Copies of the project made for a variant, removed at the end. */
  copies: string[];
  /** How long each variant took to build, for the run's summary (tests/support/summary-reporter.ts). */
  seconds: Map<string, number>;
}

/** One registry per Vitest process, whichever module runner loaded this file. */
function shared(): SharedBuilds {
  const holder = globalThis as { __nianjianTestSites?: SharedBuilds };
  holder.__nianjianTestSites ??= {
    sites: new Map(),
    users: 0,
    cleared: undefined,
    yearsCopy: undefined,
    copies: [],
    seconds: new Map(),
  };
  return holder.__nianjianTestSites;
}

/** The variants NIANJIAN_TEST_SITES allows (all of them when it is unset). */
function allowed(variant: SiteVariant): boolean {
  const wanted = process.env.NIANJIAN_TEST_SITES;
  return !wanted || wanted.split(',').includes(variant);
}

/** The `years` variant's project: a fresh copy with the fixture laid over it. */
function yearsCopy(): Promise<string> {
  const registry = shared();
  registry.yearsCopy ??= (async () => {
    // A copy of its own, so its PDF cache starts empty: pdf-cache.test.ts reads this first build.
    const root = await mkdtemp(join(tmpdir(), 'nianjian-years-3-'));
    registry.copies.push(root);
    await copyProjectTo(projectRoot, root, { overlay: yearsFixture });
    // The photos it shares with the root build are encoded once (fixture.ts says why that is safe).
    await seedImageCache(root);
    return root;
  })();
  return registry.yearsCopy;
}

async function build(variant: SiteVariant): Promise<BuiltSite> {
  const registry = shared();
  // Leftovers of an earlier run must not pass for this run's build.
  registry.cleared ??= rm(buildsDir, { recursive: true, force: true });
  await registry.cleared;
  const outDir = outDirs[variant];
  const started = performance.now();
  let output: string;
  let root = projectRoot;
  if (variant === 'root') {
    const env = { SITE_URL: testSiteUrl, NIANJIAN_PDF: 'on' };
    output = await builtOrThrow(variant, buildSite({ outDir, env }));
    for (const step of postBuildSteps)
      await step.run({ outDir, root: projectRoot, env: buildEnvironment(env) });
    if (!existsSync(join(outDir, buildInfoPath)))
      throw new Error(`The root test build has no ${buildInfoPath} after the post-build steps.`);
  } else if (variant === 'base') {
    // The PDF edition is tested on the root build (pdf.test.ts); printing it twice costs a minute.
    // Skipped here the way a machine without Chromium skips it, which pdf.test.ts asserts.
    output = await builtOrThrow(
      variant,
      buildSite({ outDir, env: { BASE_PATH: basePath, CHROMIUM_PATH: missingChromium } }),
    );
  } else {
    root = await yearsCopy();
    output = await builtOrThrow(variant, buildSite({ root, outDir, env: { NIANJIAN_PDF: 'on' } }));
  }
  registry.seconds.set(variant, (performance.now() - started) / 1000);
  const server = await serveStatic(outDir, variant === 'base' ? basePath : undefined);
  return { dir: outDir, url: server.url, output, root, close: () => server.close() };
}

async function builtOrThrow(
  variant: SiteVariant,
  result: Promise<{ code: number | null; output: string }>,
): Promise<string> {
  const { code, output } = await result;
  if (code !== 0) throw new Error(`Building the ${variant} test site failed:\n${output}`);
  return output;
}

/**
 * What a variant's build waits for. `root` and `base` are builds of the project itself, which share
 * its caches, so they run one after the other; `years` builds its own copy, seeded from the image
 * cache the root build leaves, so it runs beside `base`. Both wait for the copy to be made, so no
 * cache file is copied while a build writes it. On two cores the two builds overlap well: an Astro
 * build keeps about one core busy.
 */
async function ready(variant: SiteVariant): Promise<void> {
  const settled = (site: Promise<unknown>) =>
    site.then(
      () => undefined,
      () => undefined,
    );
  if (variant === 'root') return;
  // Root is asked for first where it is asked for at all (provideSites keeps siteVariants' order).
  const root = shared().sites.get('root');
  if (root) await settled(root);
  if (allowed('years')) await settled(yearsCopy());
}

/** The variant, built (or being built) once for the whole run. */
export function sharedSite(variant: SiteVariant): Promise<BuiltSite> {
  const registry = shared();
  let site = registry.sites.get(variant);
  if (!site) {
    site = ready(variant).then(() => build(variant));
    registry.sites.set(variant, site);
  }
  return site;
}

const provided = {
  root: ['rootUrl', 'rootDir'],
  base: ['baseUrl', 'baseDir'],
  years: ['yearsUrl', 'yearsDir'],
} as const;

/**
 * A project's global setup: builds (or reuses) the variants it reads and provides their addresses
 * and folders. Returns the teardown, which closes the servers after the last project is done.
 */
export async function provideSites(
  project: TestProject,
  variants: readonly SiteVariant[],
): Promise<() => Promise<void>> {
  const registry = shared();
  registry.users += 1;
  const wanted = siteVariants.filter((variant) => variants.includes(variant) && allowed(variant));
  // Started together: each waits only for what it must (ready()).
  const sites = wanted.map((variant) => sharedSite(variant));
  for (const [index, variant] of wanted.entries()) {
    const site = await (sites[index] as Promise<BuiltSite>);
    const [urlKey, dirKey] = provided[variant];
    project.provide(urlKey, site.url);
    project.provide(dirKey, site.dir);
    if (variant === 'root') project.provide('deployBuildDir', site.dir);
    if (variant === 'base') project.provide('baseBuildOutput', site.output);
    if (variant === 'years') {
      project.provide('yearsProjectRoot', site.root);
      project.provide('yearsBuildOutput', site.output);
    }
  }
  return async () => {
    registry.users -= 1;
    if (registry.users > 0) return;
    const sites = await Promise.allSettled(registry.sites.values());
    registry.sites.clear();
    // A later run in this process (watch mode) starts from empty folders again.
    registry.cleared = undefined;
    registry.yearsCopy = undefined;
    await Promise.all(
      sites.map((site) => (site.status === 'fulfilled' ? site.value.close() : undefined)),
    );
    await Promise.all(
      registry.copies.splice(0).map((copy) => rm(copy, { recursive: true, force: true })),
    );
  };
}
