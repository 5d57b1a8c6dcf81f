// The Content-Security-Policy response header of a build: the policy of src/security/csp.mjs with
// the hashes Astro put into the pages' `<meta>` (every page's, since one header serves them all),
// written as an nginx snippet that deploy/nginx.conf includes. Made from the built pages, so the
// header can never drift from what the pages need.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  directives,
  headerPolicy,
  parsePolicy,
  scriptResources,
  styleResources,
} from '../../src/security/csp.mjs';
import { deployFolder, listFiles } from './site-files.mjs';

/** The nginx snippet, relative to the build folder. */
export const cspSnippetPath = `${deployFolder}/nginx-csp.conf`;

/**
 * The policy of a page's `<meta http-equiv="content-security-policy">`, or undefined if it has none.
 * @param {string} html
 */
export function metaPolicy(html) {
  const tag = html.match(/<meta\s[^>]*http-equiv="content-security-policy"[^>]*>/i)?.[0];
  return tag?.match(/\scontent="([^"]*)"/i)?.[1];
}

/**
 * The header policy for a set of pages, after checking that each page's `<meta>` holds exactly the
 * shared policy plus its own hashes (anything else means the policy was changed elsewhere).
 * @param {Array<{ path: string, html: string }>} pages
 */
export function headerPolicyFor(pages) {
  /** @type {string[]} */
  const scriptHashes = [];
  /** @type {string[]} */
  const styleHashes = [];
  const expected = parsePolicy(directives.join(';'));
  for (const { path, html } of pages) {
    const policy = metaPolicy(html);
    if (policy === undefined)
      throw new Error(
        `${path}: the page has no Content-Security-Policy <meta>; Astro's security.csp should add one to every page.`,
      );
    const parsed = parsePolicy(policy);
    const hashes = (/** @type {string} */ name, /** @type {string[]} */ resources) => {
      const sources = parsed.get(name) ?? [];
      const unexpected = sources.filter(
        (source) =>
          !resources.includes(source) && !/^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(source),
      );
      if (unexpected.length > 0)
        throw new Error(
          `${path}: ${name} has sources that src/security/csp.mjs does not list: ${unexpected.join(' ')}`,
        );
      return sources.filter((source) => !resources.includes(source));
    };
    scriptHashes.push(...hashes('script-src', scriptResources));
    styleHashes.push(...hashes('style-src', styleResources));
    for (const [name, sources] of parsed) {
      if (name === 'script-src' || name === 'style-src') continue;
      if (expected.get(name)?.join(' ') !== sources.join(' ')) {
        throw new Error(
          `${path}: the <meta> policy's "${name} ${sources.join(' ')}" is not in src/security/csp.mjs; ` +
            'change the policy there, not elsewhere.',
        );
      }
    }
  }
  return headerPolicy({ scriptHashes, styleHashes });
}

/**
 * Writes the header snippet for the build in `outDir`; returns the policy.
 * @param {string} outDir
 */
export async function writeCspHeader(outDir) {
  const pages = [];
  for (const path of await listFiles(outDir)) {
    if (path.endsWith('.html'))
      // Read synchronously: thousands of pages one after another (site-files.mjs, fileHash).
      pages.push({ path, html: readFileSync(join(outDir, path), 'utf8') });
  }
  const policy = headerPolicyFor(pages);
  await mkdir(join(outDir, deployFolder), { recursive: true });
  await writeFile(
    join(outDir, cspSnippetPath),
    [
      "# Made by the build (scripts/lib/csp-header.mjs) from this build's pages and src/security/csp.mjs.",
      '# Do not edit: included by deploy/nginx.conf, it is replaced with every release.',
      `add_header Content-Security-Policy "${policy}" always;`,
      '',
    ].join('\n'),
  );
  return policy;
}
