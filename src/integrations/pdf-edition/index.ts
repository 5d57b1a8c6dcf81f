import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { makePdfEditions, pdfEditionStatus } from './edition.mjs';

/**
 * Makes the PDF edition as the last step of every `astro build`, from the pages just built.
 * Without a Chromium the build still succeeds, says the PDF was skipped, and links none.
 */
export default function pdfEdition(): AstroIntegration {
  let base = '/';
  return {
    name: 'nianjian:pdf-edition',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const status = pdfEditionStatus();
        if (!status.enabled) {
          logger.warn(`The PDF edition was skipped: ${status.reason}`);
          return;
        }
        await makePdfEditions({ dir: fileURLToPath(dir), base, log: (line) => logger.info(line) });
      },
    },
  };
}
