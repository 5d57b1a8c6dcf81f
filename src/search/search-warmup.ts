// Starts fetching what the first search needs before the reader has typed it (issue 16): Pagefind's
// script, its WebAssembly and the language's index metadata. The header's search box calls this
// when focused, so the search page it submits to finds them in the browser's cache.

interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string | null }>;
}

let warmed = false;

/** Adds `<link rel="prefetch">` hints for Pagefind's files for `lang` (e.g. `zh-CN`), once per page. */
export async function prefetchSearch(base: string, lang: string): Promise<void> {
  if (warmed) return;
  warmed = true;
  const hint = (href: string, as?: string) => {
    const link = document.createElement('link');
    link.rel = 'prefetch';
    link.href = href;
    if (as) link.as = as;
    document.head.append(link);
  };
  const pagefind = `${base}pagefind/`;
  hint(`${pagefind}pagefind.js`, 'script');
  hint(`${base}${lang.toLowerCase().startsWith('en') ? 'en/' : ''}search/`, 'document');
  // Pagefind names the metadata and WebAssembly files after the language: the entry file says which.
  const response = await fetch(`${pagefind}pagefind-entry.json`);
  if (!response.ok) return;
  const entry = (await response.json()) as PagefindEntry;
  const language = entry.languages[lang.toLowerCase()] ?? Object.values(entry.languages)[0];
  if (!language) return;
  hint(`${pagefind}pagefind.${language.hash}.pf_meta`, 'fetch');
  hint(`${pagefind}wasm.${language.wasm ?? 'unknown'}.pagefind`, 'fetch');
}
