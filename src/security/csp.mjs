// @ts-check
// The site's Content-Security-Policy, in one place. Astro writes it into every page as a `<meta>`
// (astro.config.mjs, `security.csp`), adding the hashes of that page's inline scripts and styles;
// the web server sends the same policy as a response header (deploy/nginx.conf), built from the
// pages of each build (scripts/lib/csp-header.mjs) plus what only a header can carry.

/** Every directive but `script-src` and `style-src`, which Astro writes with each page's hashes. */
export const directives = /** @type {const} */ ([
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
]);

/**
 * Sources of `script-src` besides the per-page hashes. Pagefind's search runs as WebAssembly, which
 * needs 'wasm-unsafe-eval' (not 'unsafe-eval': no JavaScript eval is allowed); 'self' lets the
 * search page load Pagefind's own script.
 */
export const scriptResources = ["'self'", "'wasm-unsafe-eval'"];

/** Sources of `style-src` besides the per-page hashes (Astro's default). */
export const styleResources = ["'self'"];

/**
 * Directives that a `<meta>` policy cannot carry (browsers ignore them there), so they exist only
 * in the response header. `frame-ancestors 'self'`: no other site, intranet pages included, may
 * frame the report.
 */
export const headerOnlyDirectives = ["frame-ancestors 'self'"];

/**
 * The directives of a policy as written in a `<meta>` or a header, by name, each with its sources:
 * `"default-src 'self'; img-src 'self' data:"` → `{ 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'] }`.
 * @param {string} policy
 * @returns {Map<string, string[]>}
 */
export function parsePolicy(policy) {
  /** @type {Map<string, string[]>} */
  const parsed = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) parsed.set(name.toLowerCase(), sources);
  }
  return parsed;
}

/**
 * The response header's policy: the same directives as the pages' `<meta>`, `script-src` and
 * `style-src` with the given hashes (those of every page served under it), and the header-only
 * directives.
 * @param {{ scriptHashes: Iterable<string>, styleHashes: Iterable<string> }} hashes
 *   sources such as `'sha256-…'`, quotes included
 * @returns {string}
 */
export function headerPolicy({ scriptHashes, styleHashes }) {
  const sorted = (/** @type {Iterable<string>} */ values) => [...new Set(values)].sort();
  return [
    ...directives,
    ['script-src', ...scriptResources, ...sorted(scriptHashes)].join(' '),
    ['style-src', ...styleResources, ...sorted(styleHashes)].join(' '),
    ...headerOnlyDirectives,
  ].join('; ');
}
