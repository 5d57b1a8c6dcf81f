// @ts-check
import { defineConfig, sharpImageService } from 'astro/config';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { defaultLocale, locales, htmlLang } from './src/i18n/locales.ts';
import pdfEdition from './src/integrations/pdf-edition/index.ts';
import { searchIndex } from './src/integrations/pagefind.ts';
import { directives, scriptResources, styleResources } from './src/security/csp.mjs';
import { mdxAllowlist } from './src/integrations/mdx-guard.ts';
import { contentLinks } from './src/integrations/content-links.ts';
import { contentChunks } from './src/integrations/content-chunks.ts';

// The two deployment settings. Set them in the environment when building for a real server:
//   SITE_URL=https://intranet.example.cn  BASE_PATH=/report/  npm run build
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = process.env.BASE_PATH || '/';

/**
 * Rolldown warns, once per MDX file and a dozen lines each, that the `"use astro:head-inject"`
 * marker Astro puts at the top of MDX modules "may not be preserved when bundling". Astro reads the
 * marker while transforming modules, before bundling, so the warning says nothing about our site
 * (withastro/astro#18087) and drowned real warnings in the build output. Only that warning is dropped.
 * @type {import('vite').Plugin}
 */
const quietHeadInjectDirective = {
  name: 'nianjian:quiet-head-inject-directive',
  onLog(_level, log) {
    return !(
      log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use astro:head-inject')
    );
  },
};

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  i18n: {
    locales: [...locales],
    defaultLocale,
    routing: { prefixDefaultLocale: false },
  },
  markdown: {
    // No code blocks in an annual report, and Shiki's inline styles would break the CSP.
    syntaxHighlight: false,
    // `## 标题 {#anchor}` gives headings stable ASCII ids shared by both languages.
    // mdxAllowlist: content MDX outside src/model/mdx-allowlist.ts (import/export, {…}, scripts,
    // event handlers, images outside src/content/) stops the build, as it fails `npm run check`.
    processor: satteri({
      features: { headingAttributes: true },
      mdastPlugins: [mdxAllowlist(fileURLToPath(new URL('.', import.meta.url)))],
    }),
  },
  integrations: [
    // First: symbolic links in src/content/ stop the build, as they fail `npm run check`.
    contentLinks(),
    mdx(),
    // One server chunk per content folder instead of one per MDX file: a faster bundle, same pages.
    contentChunks(),
    sitemap({
      i18n: { defaultLocale, locales: htmlLang },
      // The print documents exist for the PDF edition; readers get the PDF itself.
      filter: (page) => !/\/print\/$/.test(page),
    }),
    // Last: indexes the finished pages for search (Pagefind), so `astro build` alone builds everything.
    searchIndex(),
    // Last: prints the PDF edition from the finished pages.
    pdfEdition(),
  ],
  security: {
    csp: {
      // The policy lives in src/security/csp.mjs, shared with the web server's header (deploy/).
      directives: [...directives],
      scriptDirective: { resources: [...scriptResources] },
      styleDirective: { resources: [...styleResources] },
    },
  },
  // One page at a time, as Astro's incremental build asks (docs/incremental-build.md).
  build: { inlineStylesheets: 'auto', concurrency: 1 },
  image: {
    // AVIF at sharp's default effort (4) took ~85% of the gallery's image time; effort 2 is about
    // four times faster for files ~10% larger. Renditions never carry metadata (sharp's default).
    service: sharpImageService({ avif: { effort: 2 } }),
  },
  devToolbar: { enabled: false },
  experimental: {
    // A page whose getStaticPaths() entry has a `cacheKey` (src/build-cache/cache-key.ts) is copied
    // from the previous build when its key and its code are unchanged (docs/incremental-build.md).
    // The record and copies live in node_modules/.astro/, one set per project folder, so only under
    // `npm run build`'s lock (one build at a time): two plain `astro build`s of one folder with
    // different settings (base paths, as the tests build) could restore each other's pages.
    // `NIANJIAN_FRESH=1 npm run build` ignores them.
    incrementalBuild: process.env.NIANJIAN_BUILD_LOCKED === '1',
  },
  vite: { plugins: [quietHeadInjectDirective] },
});
