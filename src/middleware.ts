// Puts the page's locale and its translator on `Astro.locals` once per page, so no page or
// component works out its locale or builds a translator of its own.
import { defineMiddleware } from 'astro:middleware';
import { pageLocals } from './i18n/page-locals';
import { localeOfPath, sitePathOf } from './utils/paths';

export const onRequest = defineMiddleware((context, next) => {
  // From the page's own path (not a prop), so layouts, components and MDX components agree with it.
  const locale = localeOfPath(sitePathOf(context.url.pathname));
  Object.assign(context.locals, pageLocals(locale));
  return next();
});
