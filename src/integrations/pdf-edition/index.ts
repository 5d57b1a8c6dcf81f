import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pdfCacheDir, pdfCacheFresh } from './cache.mjs';
import { makePdfEditions, pdfEditionStatus } from './edition.mjs';

/**
 * Makes the PDF edition as the last step of every `astro build`, from the pages just built.
 * Without a Chromium the build still succeeds, says the PDF was skipped, and links none.
 * An edition whose print page and everything it loads are unchanged since the last build is
 * reused from the project's cache (`.astro/pdf-edition/`, see cache.mjs) instead of printed again.
 */
export default function pdfEdition(): AstroIntegration {
  let base = '/';
  let root = '';
  return {
    name: 'nianjian:pdf-edition',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const status = pdfEditionStatus();
        if (!status.enabled) {
          logger.warn(`The PDF edition was skipped: ${status.reason}`);
          return;
        }
        await makePdfEditions({
          dir: fileURLToPath(dir),
          base,
          log: (line) => logger.info(line),
          cache: { dir: pdfCacheDir(root), fresh: pdfCacheFresh() },
        });
      },
    },
  };
}
