// Made-up built pages shaped like the site's layout (src/layouts): a head with metadata, an inline
// script and the CSP, the site header with its menu and search form, the indexed body, the footer.
// For the search index tests (search-pagefind-input.test.ts, search-index-build.test.ts).

export interface FixturePage {
  lang: 'en' | 'zh-CN';
  title: string;
  /** The indexed content, inside `<article data-pagefind-body>`. */
  body: string;
  /** Extra markup at the start of the site header. */
  header?: string;
  /** Markup in <main> before and after the indexed article. */
  beforeBody?: string;
  afterBody?: string;
}

export function sitePage({
  lang,
  title,
  body,
  header = '',
  beforeBody = '',
  afterBody = '',
}: FixturePage): string {
  const site = lang === 'en' ? 'Yearbook' : '年鉴';
  return (
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${title} · ${site}</title><meta name="description" content="${title}">` +
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml"><meta property="og:image" content="/share.png">' +
    "<script>(function(){var s='standard';document.documentElement.setAttribute('data-text-size',s)})();</script>" +
    `<meta http-equiv="content-security-policy" content="default-src 'self'"><style>.a{color:red}</style></head>` +
    `<body><a class="skip-link" href="#main">Skip</a><header class="site-header">${header}` +
    '<a class="site-header__brand" href="/"><svg viewBox="0 0 32 32" aria-hidden="true"><rect x="3" y="3" ' +
    'width="26" height="26" rx="4"></rect><path d="M9 23 L16 9"/></svg><span>Pingguo</span></a>' +
    '<details class="site-menu"><summary>Menu</summary><nav class="site-nav" aria-label="Main"><ul>' +
    '<li><a href="/2016/">Annual summary</a></li><li><a href="/glossary/">Glossary</a></li></ul></nav></details>' +
    '<form role="search" action="/search/"><label for="q">Search</label><input id="q" type="search" name="q">' +
    '<button type="submit">Go</button></form></header>' +
    `<main id="main">${beforeBody}<article data-pagefind-body>${body}</article>${afterBody}</main>` +
    '<footer class="site-footer"><p>Source: the 2007 summary.</p><p><a href="/years/">All years</a></p></footer>' +
    '<script type="module" src="/_astro/page.js"></script></body></html>'
  );
}
