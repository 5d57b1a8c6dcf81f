// The cache key of a page for Astro's incremental build (`experimental.incrementalBuild`,
// astro.config.mjs). Astro copies a page from the previous build instead of rendering it when the
// key its `getStaticPaths()` entry returns is the previous build's and the page's module graph (its
// code, components, styles, and the MDX it renders) is unchanged. What the code reads from content
// collections is *not* in that graph: the key must cover it. So a key is the digest of exactly the
// props the page renders from, plus the inputs every page shows (below). A route whose page reads
// more than its props (the whole site through loadSite(), say) must return no key: a keyless page
// is rendered on every build, which is slower and always right; a key that misses an input
// publishes a stale page. docs/incremental-build.md says how it works.
import { loadSite, reportYears } from '../data/site';
import { siteSettings } from '../data/settings';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-cn';
import { pdfEditionStatus } from '../integrations/pdf-edition/edition.mjs';
import { digestOf } from '../build-cache/digest.mjs';

/** The interface text of both languages, as every page's key digests it. */
type Dictionaries = {
  readonly 'zh-cn': Readonly<Record<string, string>>;
  readonly en: Readonly<Record<string, string>>;
};

/**
 * What every page shows besides its own data: the interface text of both languages (the language
 * switch names the other), the site settings (footer contact), the report years (navigation and
 * year switcher), whether the PDF edition is linked, and the base path and site address (links,
 * canonical URLs; Astro also drops its whole cache when its configuration changes). The dictionaries
 * and settings are code, so their changes also change the module graph; they are in the key all the
 * same, so the key alone says what a page depends on. Pure given the years (the one part read from
 * content) and the dictionaries, so tests/unit/cache-key.test.ts can change each in-process.
 */
export function sharedInputsOf(years: readonly number[], ui: Dictionaries = { 'zh-cn': zhCN, en }) {
  return {
    ui,
    settings: siteSettings,
    years,
    pdf: pdfEditionStatus().enabled,
    base: import.meta.env.BASE_URL,
    site: import.meta.env.SITE ?? '',
  };
}

async function sharedInputs() {
  return sharedInputsOf(reportYears(await loadSite()));
}

let shared: Promise<string> | undefined;

/** The digest of {@link sharedInputs}, once per build. */
export function sharedInputsDigest(): Promise<string> {
  shared ??= sharedInputs().then(digestOf);
  return shared;
}

/**
 * The cache key of one `getStaticPaths()` entry: the digest of the props the page renders from
 * (plain data only: anything else throws) and of the inputs every page shows.
 *   return paths.map(async (path) => ({ ...path, cacheKey: await cacheKeyOf(path.props) }));
 */
export async function cacheKeyOf(props: unknown): Promise<string> {
  return cacheKeyWith(props, await sharedInputsDigest());
}

/** A page's key from its props and the digest of the shared inputs ({@link sharedInputsOf}). */
export function cacheKeyWith(props: unknown, sharedDigest: string): string {
  return digestOf({ props, shared: sharedDigest });
}

/**
 * A route's `getStaticPaths()` with each entry's cache key added: `getStaticPaths =
 * withCacheKeys(unitRoutes)`. Only for routes whose page renders from its props alone (plus the
 * shared inputs above and the MDX body it renders with `render()`, which Astro tracks itself).
 */
export function withCacheKeys<Path extends { props?: unknown }>(
  routes: () => Path[] | Promise<Path[]>,
): () => Promise<Array<Path & { cacheKey: string }>> {
  return async () =>
    Promise.all(
      (await routes()).map(async (path) => ({ ...path, cacheKey: await cacheKeyOf(path.props) })),
    );
}
