// Figures typed by hand into text that reaches a page, checked against the year's figures file.
// Text is first turned into what a reader sees: markup and `{…}` dropped, entities decoded,
// full-width digits and Chinese numerals read as numbers. Pure: text in, problems out.
import type { ContentProblem } from '../utils/problems';
import type { MetricKind, MetricValue } from './compute';
import { placeholderPattern } from './rules';

/** A figure typed by hand into prose: a percentage, or a count followed by its counter word. */
export interface FigureLiteral {
  text: string;
  value: number;
  kind: MetricKind;
  /** The counter word of a count as written (个, 人, teams …), normalised (個 → 个, 名 → 人). */
  counter?: string;
  /** 1-based line in the text. */
  line: number;
  /** Said as an estimate ("more than twenty", "about 30", "近百"): how one describes what one sees. */
  approximate?: boolean;
}

/**
 * How a text may quote a figure instead of typing it: `<Metric>` in MDX, `{metric:id}` in some YAML
 * fields, or not at all (`none`: a glossary explanation). `description`: a photo's or an event's
 * text, which says what the picture shows; it may count what it shows (see `isDescription`).
 */
export type QuoteStyle = 'metric-component' | 'placeholder' | 'none' | 'description';

/** One text that reaches a page: a whole MDX file, or one YAML text field. */
export interface ProseText {
  file: string;
  /** 1-based line where the text starts in its file. */
  line: number;
  /** `(prose)` for an MDX file, else the field path (`explanation.zh`). */
  field: string;
  text: string;
  /** The report year whose figures the text must agree with. */
  year: number;
  /** For a text that names no year (a glossary explanation): a figure of any of these years also agrees. */
  anyOf?: number[];
  quote: QuoteStyle;
}

/** Counter words that mean the same: traditional forms and the formal counter for people. */
const counterAliases: Record<string, string> = { 個: '个', 名: '人', 位: '人' };
const zhCounters = ['个', '個', '家', '项', '名', '人', '位', '件', '条', '次', '处'];
const enNouns = [
  'teams?',
  'offices?',
  'problems?',
  'units?',
  'departments?',
  'people',
  'persons?',
  'leaders?',
  'staff',
  'members?',
];

const fullWidth = (text: string) =>
  text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/％/g, '%')
    .replace(/．/g, '.')
    .replace(/[\u200b-\u200d\ufeff\u00ad]/g, '');

const namedEntities: Record<string, string> = {
  percnt: '%',
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  period: '.',
};
const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X'
          ? parseInt(body.slice(2), 16)
          : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000
        ? String.fromCodePoint(code)
        : entity;
    }
    return namedEntities[body.toLowerCase()] ?? entity;
  });

const zhDigits: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const zhUnits: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 六十七 → 67, 一百零八 → 108, 十八 → 18; `undefined` for anything else. */
export function parseChineseNumber(text: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  for (const char of text) {
    if (char in zhDigits) digit = zhDigits[char];
    else if (char in zhUnits) {
      total += (digit ?? 1) * (zhUnits[char] ?? 1);
      digit = undefined;
    } else return undefined;
  }
  return total + (digit ?? 0);
}

const enSmall = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const enTens = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
];
const enWord = `(?:${[...enSmall, ...enTens.filter(Boolean), 'hundred', 'and'].join('|')})`;
const enNumberPattern = new RegExp(`\\b${enWord}(?:[\\s-]+${enWord})*\\b`, 'gi');

/** "seventy-two" → 72, "one hundred and eight" → 108; `undefined` when the words are not a number. */
export function parseEnglishNumber(text: string): number | undefined {
  let total = 0;
  let current = 0;
  let any = false;
  for (const word of text.toLowerCase().split(/[\s-]+/)) {
    if (word === 'and') continue;
    const small = enSmall.indexOf(word);
    const tens = enTens.indexOf(word);
    if (small >= 0) current += small;
    else if (tens >= 2) current += tens * 10;
    else if (word === 'hundred') current = (current || 1) * 100;
    else return undefined;
    any = true;
  }
  total += current;
  return any ? total : undefined;
}

/**
 * What a reader sees on one line: `<Metric>` and `{metric:id}` blanked (they are the data), other
 * markup dropped (6<span>7</span>% is "67%"), `{67}` read as 67, entities decoded, full width folded.
 */
function readerLine(line: string): string {
  return fullWidth(
    decodeEntities(
      line
        .replace(/<Metric\b[^>]*\/>/g, ' ')
        .replace(placeholderPattern, ' ')
        .replace(/<\/?[A-Za-z][^<>]*>/g, '')
        .replace(
          /\{\s*(?:(['"`])([^{}'"`]*)\1|([^{}]*))\s*\}/g,
          (_, __, quoted: string | undefined, bare: string | undefined) => quoted ?? bare ?? '',
        ),
    ),
  );
}

/** Words before a number that make it an estimate: "more than twenty", "about 30", 近百, 约三十. */
const approximateEn = [
  'more than',
  'over',
  'about',
  'around',
  'nearly',
  'almost',
  'some',
  'roughly',
  'approximately',
  'close to',
  'upwards of',
  'at least',
];
const approximateBefore = new RegExp(
  `(?:\\b(?:${approximateEn.join('|')})\\s+|(?:约|近|逾|上|大约|将近|差不多|足有)\\s*)$`,
  'i',
);

/**
 * Whether a figure typed into a photo's or an event's text describes what the picture shows rather
 * than stating a figure of the report: a count of people (二十多人, "more than twenty people",
 * "30 people"), or any count said as an estimate ("about 30 teams"). A percentage, or an exact
 * count of what the report measures (teams, offices, problems, 个班组), is a report figure.
 */
export function isDescription(literal: FigureLiteral): boolean {
  if (literal.kind !== 'count') return false;
  return literal.approximate === true || ['人', 'people', 'person'].includes(literal.counter ?? '');
}

/** Every hand-typed figure in a text, with its line. */
export function findFigureLiterals(source: string): FigureLiteral[] {
  const literals: FigureLiteral[] = [];
  const counter = `(${zhCounters.join('|')})(?!百分点|月|小时|季度|年)`;
  const zhNumber = '[零〇一二两三四五六七八九十百千]+';
  const en =
    `(?:(?:work|excellent|qualified|company-level|five-good|second-tier|more|other)\\s+){0,2}` +
    `(${enNouns.join('|')})(?![-\\w])`;
  source.split(/\r?\n/).forEach((raw, index) => {
    const line = readerLine(raw);
    const add = (
      text: string,
      value: number | undefined,
      kind: MetricKind,
      word?: string,
      at?: number,
    ) => {
      if (value === undefined || !Number.isFinite(value)) return;
      const approximate = at !== undefined && approximateBefore.test(line.slice(0, at));
      const normalised =
        word === undefined
          ? undefined
          : (counterAliases[word] ?? word.toLowerCase().replace(/s$/, ''));
      literals.push({
        text: text.trim(),
        value,
        kind,
        ...(normalised === undefined ? {} : { counter: normalised }),
        line: index + 1,
        ...(approximate ? { approximate } : {}),
      });
    };
    for (const m of line.matchAll(/(?<![\d.])(\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)/gi))
      add(m[0], Number(m[1]), 'percent');
    for (const m of line.matchAll(new RegExp(`(${zhNumber})\\s*(?:%|百分之)`, 'g')))
      add(m[0], parseChineseNumber(m[1] ?? ''), 'percent');
    // 百分之六十七 is 67%.
    for (const m of line.matchAll(new RegExp(`百分之(${zhNumber})`, 'g')))
      add(m[0], parseChineseNumber(m[1] ?? ''), 'percent');
    for (const m of line.matchAll(new RegExp(`(?<![\\d.])(\\d+)\\s*${counter}`, 'g')))
      add(m[0], Number(m[1]), 'count', m[2], m.index);
    // Chinese numerals from ten up (三十个): 一个、两个 are ordinary words, not figures.
    for (const m of line.matchAll(new RegExp(`(${zhNumber})\\s*${counter}`, 'g'))) {
      const value = parseChineseNumber(m[1] ?? '');
      if (value !== undefined && value >= 10) add(m[0], value, 'count', m[2], m.index);
    }
    // English nouns the report counts (not compounds such as "2007 team-building").
    for (const m of line.matchAll(new RegExp(`(?<![\\d.])\\b(\\d+)\\s+${en}`, 'gi')))
      add(m[0], Number(m[1]), 'count', m[2], m.index);
    for (const m of line.matchAll(enNumberPattern)) {
      const value = parseEnglishNumber(m[0]);
      const after = line.slice((m.index ?? 0) + m[0].length);
      const percent = /^\s*(?:%|percent\b|per\s+cent\b)/i.exec(after);
      if (percent) add(m[0] + percent[0], value, 'percent');
      else {
        const noun = new RegExp(`^\\s+${en}`, 'i').exec(after);
        // "one team", "two offices": ordinary words; figures start at ten.
        if (noun && value !== undefined && value >= 10)
          add(m[0] + noun[0], value, 'count', noun[1], m.index);
      }
    }
  });
  return literals.sort((a, b) => a.line - b.line);
}

/** The counter a figure is counted in, normalised like a literal's: 个, 人, team. */
function countersOf(metric: MetricValue): string[] {
  if (!metric.counter) return [];
  return [
    counterAliases[metric.counter.zh] ?? metric.counter.zh,
    metric.counter.en.toLowerCase().replace(/s$/, ''),
  ];
}

const figuresFile = (year: number) => `src/content/metrics/${year}.yaml`;

/**
 * Problems in texts that reach a page: figures that match no figure of the year (with the advice to
 * declare them), figures typed where they could be quoted (`<Metric>` / `{metric:id}`), and quoted
 * ids that are not figures of the year. `figures` holds each year's figures by id.
 */
export function checkProse(
  texts: ProseText[],
  figures: ReadonlyMap<number, Record<string, MetricValue>>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const text of texts) {
    const table = figures.get(text.year);
    if (!table) continue;
    const ids = Object.keys(table);
    const at = (line: number) => text.line + line - 1;
    const quoteHow = (id: string) =>
      text.quote === 'placeholder' ? `{metric:${id}}` : `<Metric id="${id}" />`;
    // Quoted ids that the year does not have.
    text.text.split(/\r?\n/).forEach((line, index) => {
      const quoted = [
        ...[...line.matchAll(/<Metric\b[^>]*\bid=["']([^"']*)["']/g)].map((m) => m[1] ?? ''),
        ...[...line.matchAll(placeholderPattern)].map((m) => m[1] ?? ''),
      ];
      for (const id of quoted.filter((q) => !(q in table))) {
        problems.push({
          file: text.file,
          line: at(index + 1),
          field: text.field,
          message: `quotes the figure "${id}", which ${figuresFile(text.year)} does not declare`,
          fix:
            `use one of its ids: ${ids.join(', ')}; ` +
            `or add "${id}" to ${figuresFile(text.year)} first ` +
            `(\`npm run figures -- ${text.year}\` lists them)`,
          zh: {
            message: `引用的数字“${id}”在 ${figuresFile(text.year)} 中没有定义`,
            fix:
              `改用其中的 id：${ids.join('、')}；` +
              `或先把“${id}”加进 ${figuresFile(text.year)}（\`npm run figures -- ${text.year}\` 列出全部数字）`,
          },
        });
      }
    });
    const candidates = [table, ...(text.anyOf ?? []).map((year) => figures.get(year) ?? {})];
    for (const literal of findFigureLiterals(text.text)) {
      if (text.quote === 'description' && isDescription(literal)) continue;
      const matches = [
        ...new Set(
          candidates.flatMap((candidate) =>
            Object.keys(candidate).filter((id) => {
              const metric = candidate[id];
              if (
                !metric ||
                metric.displayed === null ||
                metric.kind !== literal.kind ||
                metric.displayed !== literal.value
              )
                return false;
              return (
                literal.kind === 'percent' ||
                (literal.counter !== undefined && countersOf(metric).includes(literal.counter))
              );
            }),
          ),
        ),
      ];
      const shown = literal.text;
      if (matches.length === 0) {
        const how =
          text.quote === 'description'
            ? 'a photo or event text says what the picture shows: describe it ' +
              '("more than twenty people", "二十多人"), or remove the number'
            : text.quote === 'none'
              ? 'correct it against the report, or remove it'
              : `add it to ${text.year}'s figures file (${figuresFile(text.year)}) as a figure, ` +
                `then write ${quoteHow('…')}`;
        const howZh =
          text.quote === 'description'
            ? '图片和活动的文字写画面里看得到的内容：照实描述（如“二十多人”“more than twenty people”），或删掉这个数字'
            : text.quote === 'none'
              ? '对照年度总结改正，或删掉这个数字'
              : `把它作为一个数字加进 ${text.year} 年的数字文件（${figuresFile(text.year)}），再写 ${quoteHow('…')}`;
        problems.push({
          file: text.file,
          line: at(literal.line),
          field: text.field,
          message: `"${shown}" is typed by hand and matches no figure of ${text.year}`,
          fix: how,
          zh: { message: `手写的数字“${shown}”与 ${text.year} 年的任何数字都不符`, fix: howZh },
        });
      } else if (text.quote !== 'none' && text.quote !== 'description') {
        const which = matches.map(quoteHow).join(text.quote === 'placeholder' ? ' or ' : ' or ');
        problems.push({
          file: text.file,
          line: at(literal.line),
          field: text.field,
          message:
            `"${shown}" is typed by hand; it equals ${matches.join(', ')}, ` +
            `but a typed number cannot follow the data`,
          fix: `write ${which} instead, for the figure you mean`,
          zh: {
            message: `手写了数字“${shown}”；它等于 ${matches.join('、')}，但手写的数字不会随数据更新`,
            fix: `改写成 ${matches.map(quoteHow).join(' 或 ')}（选你要引用的那个数字）`,
          },
        });
      }
    }
  }
  return problems;
}

/** A report or unit MDX file (frontmatter included) against one year's figures. */
export function findContradictingFigures(
  file: string,
  source: string,
  metrics: Record<string, MetricValue>,
  year = 0,
): ContentProblem[] {
  return checkProse(
    [{ file, line: 1, field: '(prose)', text: source, year, quote: 'metric-component' }],
    new Map([[year, metrics]]),
  );
}

/**
 * Every text field of a YAML entry that reaches a page, with its path: strings under `zh` / `en`
 * keys (glossary explanations, timeline steps, events, captions), where `lineOf` finds their line.
 */
export function yamlTexts(
  data: unknown,
  lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined,
  path: Array<string | number> = [],
  /** Every string, not only `zh` / `en` ones: for entries written in one language (events). */
  all = false,
): Array<{ field: string; line: number; text: string }> {
  if (typeof data === 'string') {
    const last = path.at(-1);
    return all || last === 'zh' || last === 'en'
      ? [{ field: path.join('.'), line: lineOf(path) ?? 1, text: data }]
      : [];
  }
  if (Array.isArray(data))
    return data.flatMap((item, index) => yamlTexts(item, lineOf, [...path, index], all));
  if (data === null || typeof data !== 'object' || data instanceof Date) return [];
  return Object.entries(data).flatMap(([key, value]) =>
    yamlTexts(value, lineOf, [...path, key], all),
  );
}

/** A content entry as `contentTexts` reads it: its collection, file, raw text and parsed data. */
export interface ProseEntry {
  collection: string;
  file: string;
  /** The file's text (MDX with its frontmatter, or YAML). */
  source: string;
  data: Record<string, unknown>;
  /** Line of a YAML field (for MDX, of a frontmatter field); 1 when unknown. */
  lineOf?: ((path: ReadonlyArray<PropertyKey>) => number | undefined) | undefined;
}

/** A year with figures that a text names ("2007年", "in 2007"). */
function namedYear(text: string, years: number[]): number | undefined {
  const named = /(\d{4})\s*年|\b(?:in|of)\s+(\d{4})\b/.exec(text);
  const year = Number(named?.[1] ?? named?.[2]);
  return years.includes(year) ? year : undefined;
}

/** The year of a text without one of its own: a year it names, else the latest year with figures not after `before`. */
function yearFor(text: string, years: number[], before?: number): number | undefined {
  const year = namedYear(text, years);
  if (year !== undefined) return year;
  const candidates = years.filter((y) => before === undefined || y <= before);
  return candidates.length > 0
    ? Math.max(...candidates)
    : years.length > 0
      ? Math.max(...years)
      : undefined;
}

/**
 * Every text of the content that reaches a page, with the year whose figures it must agree with
 * and how it may quote them: report and unit MDX (`<Metric>`), timelines and the figures files'
 * captions, summaries and notes (`{metric:id}`), glossary, events and photo captions (typed only).
 */
export function contentTexts(entries: ProseEntry[], years: number[]): ProseText[] {
  const texts: ProseText[] = [];
  for (const entry of entries) {
    const data = entry.data;
    const lineOf = entry.lineOf ?? (() => 1);
    const own =
      typeof data.year === 'number'
        ? data.year
        : Array.isArray(data.years)
          ? Math.max(...(data.years as number[]))
          : undefined;
    if (entry.collection === 'reports' || entry.collection === 'units') {
      if (own !== undefined)
        texts.push({
          file: entry.file,
          line: 1,
          field: '(prose)',
          text: entry.source,
          year: own,
          quote: 'metric-component',
        });
      continue;
    }
    const fields =
      entry.collection === 'metrics'
        ? ['charts', 'cards'].flatMap((key) => yamlTexts(data[key], lineOf, [key]))
        : yamlTexts(data, lineOf, [], entry.collection === 'events');
    const quote: QuoteStyle =
      entry.collection === 'timelines' || entry.collection === 'metrics'
        ? 'placeholder'
        : entry.collection === 'photos' || entry.collection === 'events'
          ? 'description'
          : 'none';
    const date = data.date instanceof Date ? data.date.getUTCFullYear() : undefined;
    for (const field of fields) {
      const year = own ?? yearFor(field.text, years, date);
      // A glossary explanation belongs to no year: unless it names one, a figure of any year agrees.
      const anyOf =
        entry.collection === 'glossary' && namedYear(field.text, years) === undefined
          ? years
          : undefined;
      if (year !== undefined)
        texts.push({
          file: entry.file,
          line: field.line,
          field: field.field,
          text: field.text,
          year,
          quote,
          ...(anyOf ? { anyOf } : {}),
        });
    }
  }
  return texts;
}
