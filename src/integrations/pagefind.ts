import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { withBigramBlocks } from '../search/bigram-blocks.ts';
import { bigramTokens } from '../search/bigram-tokens.ts';
import type { SearchRecord } from '../search/glossary-records.ts';

/** The file each locale's build writes with its non-page records (see src/pages/[...lang]/search-records.json.ts). */
const recordsFile = 'search-records.json';

/**
 * Builds the Pagefind search index of the built site, as the last step of `astro build`: pages with
 * `data-pagefind-body` (report, units, photos), plus the glossary terms as records of their own.
 * Chinese pages get their bigram tokens for substring search (only in what Pagefind reads).
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'nianjian:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = Date.now();
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          let pages = 0;
          for (const file of await htmlFiles(outDir)) {
            const html = await readFile(file, 'utf8');
            if (!html.includes('data-pagefind-body')) continue;
            const chinese = /<html[^>]*\blang="zh/i.test(html);
            const sourcePath = relative(outDir, file).split(sep).join('/');
            const added = await index.addHTMLFile({
              sourcePath,
              content: chinese ? withBigramBlocks(html) : html,
            });
            if (added.errors.length > 0)
              throw new Error(`${sourcePath}: ${added.errors.join('; ')}`);
            pages += 1;
          }
          let records = 0;
          for (const file of await recordFiles(outDir)) {
            for (const record of JSON.parse(await readFile(file, 'utf8')) as SearchRecord[]) {
              const tokens = record.language.startsWith('zh') ? bigramTokens(record.content) : [];
              const content =
                tokens.length > 0 ? `${record.content}\n${tokens.join(' ')}` : record.content;
              const added = await index.addCustomRecord({ ...record, content });
              if (added.errors.length > 0)
                throw new Error(`${record.url}: ${added.errors.join('; ')}`);
              records += 1;
            }
            await rm(file);
          }
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length > 0)
            throw new Error(`Writing the search index failed: ${written.errors.join('; ')}`);
          // The site draws its own result list (Pagefind's prebuilt UIs need inline styles, which the
          // CSP forbids) and searches without a worker (src/search/browser-search.ts), so these files
          // would only be dead weight in the published site.
          for (const file of unused) await rm(join(outDir, 'pagefind', file), { force: true });
          logger.info(
            `Indexed ${pages} pages and ${records} glossary records in ${Date.now() - started} ms.`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

const unused = [
  'pagefind-worker.js',
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

async function htmlFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true });
  return entries
    .filter((entry) => entry.endsWith('.html'))
    .map((entry) => join(directory, entry))
    .sort();
}

async function recordFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true });
  const files = entries.filter(
    (entry) => entry === recordsFile || entry.endsWith(`${sep}${recordsFile}`),
  );
  const found = await Promise.all(
    files.map(async (entry) =>
      (await stat(join(directory, entry))).isFile() ? join(directory, entry) : '',
    ),
  );
  return found.filter(Boolean);
}
