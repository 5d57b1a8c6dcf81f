import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { metricsSchema } from '../../src/figures/schema';
import { metricTable, yearFigures } from '../../src/figures/compute';

/** Splits an MDX/Markdown file into its YAML frontmatter (parsed) and body. */
export function readEntry(path: string): { data: Record<string, unknown>; body: string } {
  const text = readFileSync(path, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${path} has no frontmatter`);
  const [, frontmatter = '', body = ''] = match;
  return { data: parse(frontmatter) as Record<string, unknown>, body };
}

/** Files of a content folder with the given extension, as paths. */
export function filesIn(folder: string, extension: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(extension))
    .map((name) => join(folder, name))
    .sort();
}

/** The readable text of an MDX body: markup, heading ids and every kind of whitespace removed. */
export function plainText(mdx: string): string {
  return mdx
    .replace(/\{#[a-z0-9-]+\}/g, '')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/^#{1,6}\s/gm, '')
    .replace(/\s+/g, '');
}

/** The figures `<Metric>` writes for a year, from its real metrics file. */
export function metricsOf(year: number) {
  return metricTable(
    yearFigures(
      metricsSchema.parse(parse(readFileSync(`src/content/metrics/${year}.yaml`, 'utf8'))),
    ),
  );
}

/** Replaces each `<Metric id="…" />` with the figure it renders (before locale formatting), as a reader sees it. */
export function withMetrics(mdx: string, year: number): string {
  const table = metricsOf(year);
  return mdx.replace(/<Metric\s+id="([^"]+)"(\s+bare)?\s*\/>/g, (_, id: string, bare?: string) => {
    const metric = table[id];
    if (!metric) throw new Error(`unknown metric ${id}`);
    const value = metric.displayed;
    if (value === null) return 'not reported';
    return metric.kind === 'percent' && !bare ? `${value}%` : String(value);
  });
}
