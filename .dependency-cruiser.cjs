// The architecture the code keeps, checked by `npm run check:arch` (scripts/check-architecture.mjs,
// also part of `npm test` and `npm run test:quick`). Layers, highest first; an import points down:
//   pages → components, layouts (and search, text-size, share) → data, routes (route data)
//   → figures, model → schemas, i18n, utils, security
// The commands' code (check, editing, import, integrations) sits beside the site and is imported by
// scripts/ and astro.config.mjs, never by the site's layers. `src/figures/accessor.ts` is the figures
// domain's door for pages: it finds a year's figures in the loaded site (data/), so it is data layer.
/** Folders of the site's layers, as path patterns. */
const pages = '^src/pages/';
const views = '^src/(components|layouts|search|text-size|share)/';
const data = '^src/(data|routes)/|^src/figures/accessor\\.ts$';
const domain = '^src/(figures|model)/';
const base = '^src/(schemas|i18n|utils|security|accessibility|build-cache)/';
// Whether this build makes the PDF edition (pdfEditionStatus) is read by the PDF link and the cache keys.
const pdfStatus = '^src/integrations/pdf-edition/edition\\.mjs$';
const commands = '^src/(check|editing|import|integrations)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Modules that import each other cannot be read, tested or moved one at a time: break the cycle.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-imports-no-scripts',
      severity: 'error',
      comment: 'scripts/ holds command entry points that use src/, never the other way round.',
      from: { path: '^src/' },
      to: { path: '^scripts/' },
    },
    {
      name: 'utils-imports-no-domain',
      severity: 'error',
      comment:
        'src/utils/ holds small helpers that know nothing of the content (only the locales): ' +
        'move a module that needs a domain folder into that folder.',
      from: { path: '^src/utils/' },
      to: { path: '^src/', pathNot: ['^src/utils/', '^src/i18n/locales\\.ts$'] },
    },
    {
      name: 'base-imports-nothing-above',
      severity: 'error',
      comment:
        'schemas, i18n, utils, security and accessibility sit at the bottom: they import nothing above them.',
      from: { path: base },
      to: { path: `${domain}|${data}|${views}|${pages}|${commands}` },
    },
    {
      name: 'domain-imports-no-data-or-views',
      severity: 'error',
      comment:
        'figures/ and model/ compute from what they are given; loading (data/, routes/) and showing ' +
        '(components, pages) sit above them.',
      from: { path: domain, pathNot: data },
      to: { path: `${data}|${views}|${pages}|${commands}` },
    },
    {
      name: 'figures-below-model',
      severity: 'error',
      comment:
        'The content model (registry, cross-entry rules) is built on the figures domain, so figures/ ' +
        'imports nothing from model/.',
      from: { path: '^src/figures/', pathNot: data },
      to: { path: '^src/model/' },
    },
    {
      name: 'data-imports-no-views',
      severity: 'error',
      comment: 'Data and route data are prepared for pages and components, never from them.',
      from: { path: data },
      to: { path: `${views}|${pages}|${commands}`, pathNot: pdfStatus },
    },
    {
      name: 'views-import-no-pages',
      severity: 'error',
      comment:
        'Pages pick components and layouts; no component, layout or page part imports a page, ' +
        'a command or a build step.',
      from: { path: views },
      // Known and kept for now: PdfLink asks the PDF edition step whether it prints and where the
      // file goes, until route data hands it that as props. Remove the pathNot then.
      to: { path: `${pages}|${commands}`, pathNot: pdfStatus },
    },
    {
      name: 'components-take-props',
      severity: 'error',
      comment:
        'A component takes its data as props: it does not call the route-data loaders in src/routes/ ' +
        '(types are fine).',
      from: { path: '^src/components/' },
      to: { path: '^src/routes/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'commands-not-in-pages',
      severity: 'error',
      comment: 'Pages do not run the commands (check, new, import) or the build steps.',
      from: { path: pages },
      to: { path: commands },
    },
  ],
  options: {
    // Only the project's own modules: packages are not followed or checked.
    includeOnly: '^(src|scripts)/',
    doNotFollow: {
      dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'core'],
    },
    exclude: { path: '^src/content/' },
    // Type-only imports are arrows too: a cycle through a type still ties two modules together.
    tsPreCompilationDeps: true,
    moduleSystems: ['es6', 'cjs'],
  },
};
