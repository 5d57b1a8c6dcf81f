import type { Locale } from '../i18n/locales';
import { parseEntryId } from './entry-ids';
import type { CheckedEntry } from './integrity';
import { splitFrontmatter } from './translation';
import { modelOf } from './registry';
import { parseYamlSource } from './yaml-source';

/**
 * One content entry as the cross-entry rules (./rules.ts) see it, whoever loaded it: `npm run
 * check` from the files, the build from Astro's collections. Both make it with `modelEntry()`,
 * so both hand the rules the same thing.
 */
export interface ModelEntry {
  collection: string;
  /**
   * Astro's entry id: `zh-cn/2007/hotel` in year-folder collections, `zh-cn/2007` for other
   * localized ones, `six-constants` for shared ones.
   */
  id: string;
  locale: Locale | undefined;
  /** The file name without its extension: the entry's identity (across years and languages). */
  slug: string;
  /** The year folder the file is in (`zh-cn/2007/hotel` → 2007), if it is in one. */
  folderYear: number | undefined;
  /** Project-relative path, as editors see it. */
  file: string;
  /** The whole file, as written. */
  text: string;
  /** The MDX body (empty for YAML) and the file line where it starts. */
  body: string;
  bodyLine: number;
  /** The data after the schema (defaults filled in, references as `{ id, collection }`). */
  data: Record<string, unknown>;
  /**
   * False when the file failed its schema (`npm run check` reports why): the entry then only
   * counts as existing, so one typo does not also make every entry naming it "missing".
   */
  valid: boolean;
  /** The file line of a field. */
  lineOf(path: ReadonlyArray<PropertyKey>): number | undefined;
  /** Every entry this one names: in its fields (per the registry) and in its MDX text. */
  references: CheckedEntry['references'];
}

/** Makes the rules' view of one entry from its file text and its parsed data. */
export function modelEntry(input: {
  collection: string;
  id: string;
  file: string;
  text: string;
  /** Undefined when the file failed its schema. */
  data: Record<string, unknown> | undefined;
}): ModelEntry {
  const { locale, slug, year: folderYear } = parseEntryId(input.id, input.collection);
  const isMdx = /\.mdx?$/.test(input.file);
  const split = isMdx
    ? splitFrontmatter(input.text)
    : { frontmatter: input.text, body: '', bodyLine: 1 };
  const yaml = parseYamlSource(split.frontmatter ?? '', isMdx ? 2 : 1);
  const lineOf = yaml.lineOf;
  const valid = input.data !== undefined;
  // An image field is seen as written (a path), as `npm run check` sees it: the build's data holds
  // Astro's image object there, and reading anything of that (even walking its keys) makes Astro
  // publish the camera original, GPS and serial numbers included.
  const imageFields = modelOf(input.collection)?.images?.fields ?? [];
  const written =
    imageFields.length > 0 ? (yaml.data as Record<string, unknown> | undefined) : undefined;
  const data = Object.fromEntries(
    Object.keys(input.data ?? {}).map((key) => [
      key,
      imageFields.includes(key) ? written?.[key] : input.data?.[key],
    ]),
  );
  const entry: ModelEntry = {
    ...input,
    data,
    valid,
    locale,
    slug,
    folderYear,
    body: isMdx ? split.body : '',
    bodyLine: split.bodyLine,
    lineOf,
    references: [],
  };
  if (valid) entry.references = [...fieldReferences(entry), ...textReferences(entry)];
  return entry;
}

const lineField = (line: number | undefined) => (line === undefined ? {} : { line });

/** The references the registry declares for the entry's collection, read from its data. */
function fieldReferences(entry: ModelEntry): CheckedEntry['references'] {
  const declared = modelOf(entry.collection)?.references ?? {};
  const found: CheckedEntry['references'] = [];
  for (const [field, collection] of Object.entries(declared)) {
    const list = field.endsWith('[]');
    const name = list ? field.slice(0, -2) : field;
    const value = entry.data[name];
    const values = list ? (Array.isArray(value) ? value : []) : value === undefined ? [] : [value];
    values.forEach((item: unknown, index) => {
      const id =
        typeof item === 'string'
          ? item
          : item && typeof item === 'object' && 'id' in item
            ? String(item.id)
            : undefined;
      if (id === undefined) return;
      const path = list ? [name, index] : [name];
      found.push({ field: path.join('.'), collection, id, ...lineField(entry.lineOf(path)) });
    });
  }
  return found;
}

/** Attributes of the MDX components that name other entries. */
const componentPattern = /<(UnitLink|Highlight|ReportQuote)\b([^>]*)>/g;

/** References made in MDX text: `<UnitLink unit="hotel">`, `<ReportQuote year={2007} unit="…">`. */
function textReferences(entry: ModelEntry): CheckedEntry['references'] {
  const found: CheckedEntry['references'] = [];
  for (const { match, line } of matchesWithLines(entry.body, componentPattern, entry.bodyLine)) {
    const [, component, attributes = ''] = match;
    const unit = /\bunit="([^"]*)"/.exec(attributes)?.[1];
    const year = /\byear=\{\s*(\d+)\s*\}/.exec(attributes)?.[1];
    // A quote names the unit of the report it quotes: the unit's entry of that year.
    const inYear = component === 'ReportQuote' && year !== undefined ? { year: Number(year) } : {};
    if (unit !== undefined)
      found.push({ field: `<${component} unit>`, collection: 'units', id: unit, line, ...inYear });
    if (component === 'ReportQuote' && year !== undefined)
      found.push({ field: '<ReportQuote year>', collection: 'reports', id: year, line });
  }
  return found;
}

/** Every match of a global pattern in text, with the file line it starts on. */
export function matchesWithLines(
  text: string,
  pattern: RegExp,
  firstLine = 1,
): Array<{ match: RegExpExecArray; line: number }> {
  const results: Array<{ match: RegExpExecArray; line: number }> = [];
  for (const match of text.matchAll(pattern)) {
    const line = firstLine + (text.slice(0, match.index).match(/\n/g)?.length ?? 0);
    results.push({ match, line });
  }
  return results;
}
