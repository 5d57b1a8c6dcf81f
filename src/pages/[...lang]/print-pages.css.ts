// The page-number line of the PDF edition in each language ("第 3 页 / 共 14 页", "Page 3 of 14").
// A stylesheet per locale, because CSS margin boxes cannot look words up, and Paged.js does not
// carry string-set values from page to page.
import type { APIRoute } from 'astro';
import { perLocale } from '../../utils/paths';
import { withCacheKeys } from '../../routes/cache-key';

function routes() {
  return perLocale(() => [{ params: {}, props: {} }]);
}

export const getStaticPaths = withCacheKeys(routes);

/** A UI string as CSS `content`: the words quoted, the numbers as page counters. */
export function pageNumberContent(template: string): string {
  return template
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}'
        ? 'counter(page)'
        : part === '{pages}'
          ? 'counter(pages)'
          : JSON.stringify(part),
    )
    .join(' ');
}

export const GET: APIRoute = ({ locals }) => {
  const template = locals.t('print.pageNumber', { page: '{page}', pages: '{pages}' });
  // !important: the main print stylesheet, which may come later in the document, has a bare number.
  const css =
    `@page { @bottom-center { content: ${pageNumberContent(template)} !important; } }\n` +
    '@page :first { @bottom-center { content: none !important; } }\n';
  return new Response(css, { headers: { 'content-type': 'text/css; charset=utf-8' } });
};
