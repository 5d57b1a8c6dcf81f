// Measures what phone readers get on each kind of page, in both languages, at 320, 360 and 390 px:
// sideways overflow, the smallest chart text and undersized tap targets, as a Markdown table.
//   node scripts/phone-report.mjs [--dir dist]
import { parseArgs } from 'node:util';
import { launchChromium } from '../src/integrations/pdf-edition/chromium.mjs';
import { measurePhone } from './lib/phone-measure.mjs';
import { serveStatic } from '../src/integrations/pdf-edition/static-server.mjs';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' } } });
export const phonePages = [
  ['home', '/'],
  ['report', '/2007/'],
  ['units', '/2007/units/'],
  ['unit', '/2007/units/hotel/'],
  ['gallery', '/gallery/'],
  ['album', '/gallery/bonfire-party/'],
  ['photo', '/gallery/photos/bonfire-song-and-dance/'],
  ['search', '/search/'],
  ['glossary', '/glossary/'],
];
const widths = [320, 360, 390];

const server = await serveStatic(values.dir);
const browser = await launchChromium();
console.log(
  '| page | width | smallest chart text (font / glyph, CSS px) | overflow | tap targets < 24 px |',
);
console.log('| --- | --- | --- | --- | --- |');
try {
  for (const [kind, path] of phonePages) {
    for (const prefix of ['', '/en']) {
      for (const width of widths) {
        const context = await browser.newContext({
          viewport: { width, height: 740 },
          deviceScaleFactor: 2,
        });
        const page = await context.newPage();
        await page.goto(new URL(`${prefix}${path}`.slice(1), server.url).href, {
          waitUntil: 'load',
        });
        const result = await measurePhone(page);
        // A build from before the SVGs recorded their font: its smallest font was 14 px.
        const fonts = result.charts.map(
          (chart) => chart.fontPx ?? Math.round(14 * chart.scale * 10) / 10,
        );
        const glyphs = result.charts.map((chart) => chart.glyphPx);
        const text = result.charts.length ? `${Math.min(...fonts)} / ${Math.min(...glyphs)}` : '–';
        const wide = result.wideElements.length ? ` (${result.wideElements.join(', ')})` : '';
        const targets = new Set(
          result.smallTargets.map((t) => `${t.element} ${t.width}×${t.height}`),
        );
        const small = result.smallTargets.length ? ` (${[...targets].slice(0, 3).join('; ')})` : '';
        console.log(
          `| ${kind} \`${prefix}${path}\` | ${width} | ${text} | ${result.overflow} px${wide} | ` +
            `${result.smallTargets.length}${small} |`,
        );
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
