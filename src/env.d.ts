declare namespace App {
  interface Locals {
    /** The page's locale, from its path (src/middleware.ts). */
    locale: import('./i18n/locales').Locale;
    /** The translator of the page's locale: `t('nav.home')` → "首页" (src/middleware.ts). */
    t: import('./i18n/ui').Translate;
    /** The report year of the page being rendered; `<Metric>` in MDX reads its figures from it. */
    reportYear?: number;
    /** The content files (project-relative) the page renders, so a rendering error can name its file and line. */
    contentFiles?: string[];
  }
}
