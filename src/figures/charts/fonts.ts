import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

/** The family name charts draw with; registered from the npm font, never from the machine's fonts. */
export const CHART_FONT = 'Nianjian Chart Sans';

/**
 * Noto Sans (Latin), for English text drawn on a canvas (share cards): Noto Sans SC draws curly
 * quotes and apostrophes full-width, as Chinese sets them. Use it first in a font list:
 * `${LATIN_FONT}, ${CHART_FONT}`.
 */
export const LATIN_FONT = 'Nianjian Latin Sans';

let registered = false;

/**
 * Registers Noto Sans SC (400 and 700) from `@fontsource/noto-sans-sc` under {@link CHART_FONT},
 * and Noto Sans Latin (400 and 700) from `@fontsource/noto-sans` under {@link LATIN_FONT}.
 * Fontsource splits the font into unicode-range subsets; registering every subset under one family
 * lets Skia find any glyph, so chart output is the same on every build machine.
 */
export function registerChartFonts(): void {
  if (registered) return;
  const files = join(
    dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/package.json')),
    'files',
  );
  const subsets = readdirSync(files).filter((name) => /-(400|700)-normal\.woff2$/.test(name));
  if (subsets.length === 0)
    throw new Error(`No Noto Sans SC woff2 files in ${files}: reinstall @fontsource/noto-sans-sc.`);
  for (const name of subsets) GlobalFonts.registerFromPath(join(files, name), CHART_FONT);
  const latinFiles = join(
    dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans/package.json')),
    'files',
  );
  for (const weight of [400, 700]) {
    GlobalFonts.registerFromPath(
      join(latinFiles, `noto-sans-latin-${weight}-normal.woff2`),
      LATIN_FONT,
    );
  }
  registered = true;
}
