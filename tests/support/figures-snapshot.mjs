// What readers see of 2007's figures in a built site, as plain data: every chart's caption, image,
// summary and table, the key-figure cards and every <Metric> of the pages that show figures, the
// open data files, and a fingerprint of each chart's SVG. `npm run`-free on purpose:
//   node tests/support/figures-snapshot.mjs <dist> > tests/fixtures/figures-2007.snapshot.json
// writes the snapshot that tests/e2e/figures.test.ts compares every new build against.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, ELEMENT_NODE, TEXT_NODE } from 'ultrahtml';
import { querySelector, querySelectorAll } from 'ultrahtml/selector';

const pages = [
  '2007/index.html',
  'en/2007/index.html',
  'index.html',
  'en/index.html',
  '2007/print/index.html',
  'en/2007/print/index.html',
];

/** @param {import('ultrahtml').Node | undefined} node */
function textOf(node) {
  if (!node) return '';
  if (node.type === TEXT_NODE) return node.value;
  if (node.type !== ELEMENT_NODE && node.type !== 0) return '';
  return (node.children ?? []).map(textOf).join('');
}
const clean = (/** @type {string} */ text) => text.replace(/\s+/g, ' ').trim();

/**
 * The figures of one built page as a reader gets them: charts (caption, image, summary, table),
 * key-figure cards and every <Metric> (its exact value and its text).
 * @param {string} html
 */
export function pageFigures(html) {
  const doc = parse(html);
  return {
    charts: querySelectorAll(doc, 'figure.chart').map((figure) => ({
      id: figure.attributes.id,
      caption: clean(textOf(querySelector(figure, 'figcaption'))),
      image: querySelector(figure, 'img')?.attributes.src ?? null,
      summary: clean(textOf(querySelector(figure, '.chart__summary'))),
      table: querySelectorAll(figure, 'tr').map((row) =>
        querySelectorAll(row, 'th, td').map((cell) => clean(textOf(cell))),
      ),
    })),
    cards: querySelectorAll(doc, '.figure-card').map((card) =>
      querySelectorAll(card, 'span').map((span) => clean(textOf(span))),
    ),
    metrics: querySelectorAll(doc, 'data.metric').map(
      (data) => `${data.attributes.value}=${clean(textOf(data))}`,
    ),
  };
}

/** @param {string} dist @param {string[]} [pageList] */
export async function figuresSnapshot(dist, pageList = pages) {
  /** @type {{ pages: Record<string, unknown>, data: Record<string, string>, svgs: Record<string, string> }} */
  const snapshot = { pages: {}, data: {}, svgs: {} };
  for (const page of pageList)
    snapshot.pages[page] = pageFigures(await readFile(join(dist, page), 'utf8'));
  for (const file of ['metrics.json', 'metrics.csv'])
    snapshot.data[file] = await readFile(join(dist, 'data', '2007', file), 'utf8');
  // The drawings readers had: the wide SVG of each chart. The phone drawings (`.narrow.svg`) and
  // the server's precompressed copies (`.gz`, `.br`) came later, and the renderer now records the
  // smallest font it drew (`data-min-font-size`, read by the phone tests), which is not drawing.
  const drawings = (await readdir(join(dist, 'charts', '2007')))
    .filter((file) => file.endsWith('.svg') && !file.endsWith('.narrow.svg'))
    .sort();
  for (const file of drawings) {
    const svg = await readFile(join(dist, 'charts', '2007', file), 'utf8');
    snapshot.svgs[file] = createHash('sha256')
      .update(svg.replace(/ data-min-font-size="[^"]*"/, ''))
      .digest('hex');
  }
  return snapshot;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const dist = process.argv[2];
  if (!dist) throw new Error('usage: node tests/support/figures-snapshot.mjs <dist>');
  process.stdout.write(`${JSON.stringify(await figuresSnapshot(dist), null, 1)}\n`);
}
