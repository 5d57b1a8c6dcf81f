declare namespace App {
  interface Locals {
    /** The page's locale, from its path (src/middleware.ts). */
    locale: import('./i18n/locales').Locale;
    /** The translator of the page's locale: `t('nav.home')` → "首页" (src/middleware.ts). */
    t: import('./i18n/ui').Translate;
  }
}
