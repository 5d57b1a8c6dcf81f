// What "unfinished" means, once: the markers the tools write where the editor still has to write
// something (`npm run new`, src/editing/templates.ts; `npm run import`, src/import/), and English
// text that is still Chinese. The `unfinished-text` rule (./rules.ts) refuses both in a published
// year; the tools write their placeholders with `toFill()` / `toTranslate()` from here, so a marker
// they write is always one the rule knows. Pure.

/** One marker: the text the tools write, and what the editor does about it. */
export interface UnfinishedMarker {
  text: string;
  /** What to do, in both languages. */
  fix: { en: string; zh: string };
}

/** The line `npm run import` puts at the top of an English report until it is translated. */
export const needsTranslationMarker = '# needs-translation:';

/**
 * Every marker the tools write, longest first where one contains another (the first that matches
 * is named). Case-sensitive: "to fill in" in a sentence is English, "TO FILL IN" is a marker.
 */
export const unfinishedMarkers: ReadonlyArray<UnfinishedMarker> = [
  {
    text: needsTranslationMarker,
    fix: {
      en: 'translate the file, delete this line, then run npm run check -- --mark-translated <file>',
      zh: '翻译完这个文件后删掉这一行，再运行 npm run check -- --mark-translated <文件>',
    },
  },
  {
    text: '待填写',
    fix: {
      en: 'replace the placeholder with what the report says (marker and all)',
      zh: '把占位文字（连同“待填写”）换成年度总结里的实际内容',
    },
  },
  {
    text: '待翻译',
    fix: {
      en: 'write the English translation in place of the placeholder',
      zh: '把占位文字换成英文译文',
    },
  },
  {
    text: 'TO FILL IN',
    fix: {
      en: 'replace the placeholder with what the report says (marker and all)',
      zh: '把占位文字（连同 TO FILL IN）换成年度总结里的实际内容（英文）',
    },
  },
  {
    text: 'TO FILL',
    fix: {
      en: 'replace the placeholder with the real text (marker and all)',
      zh: '把占位文字（连同 TO FILL）换成实际内容',
    },
  },
  {
    text: 'TO TRANSLATE',
    fix: {
      en: 'translate the Chinese after the marker into English and delete "TO TRANSLATE:"',
      zh: '把标记后面的中文译成英文，并删掉“TO TRANSLATE:”',
    },
  },
];

/** A placeholder the tools write for the editor to replace: `待填写：作者姓名`. */
export const toFill = {
  zh: (what: string) => `待填写：${what}`,
  en: (what: string) => `TO FILL IN: ${what}`,
};
/** English the tools leave for the editor to translate: `TO TRANSLATE: 李兵`. */
export const toTranslate = (chinese: string) => `TO TRANSLATE: ${chinese}`;

/** The first marker in a text, if any. */
export function markerIn(text: string): UnfinishedMarker | undefined {
  return unfinishedMarkers.find((marker) => text.includes(marker.text));
}

const hanPattern = /\p{Script=Han}/gu;
const latinPattern = /\p{Script=Latin}/gu;

/** Han characters and Latin letters in a text (digits, punctuation and spaces count as neither). */
export function scriptCounts(text: string): { han: number; latin: number } {
  return {
    han: text.match(hanPattern)?.length ?? 0,
    latin: text.match(latinPattern)?.length ?? 0,
  };
}

/**
 * Whether English text is still Chinese: it has more Han characters than Latin letters. A name
 * or term beside its English passes ("the Hotel (平果铝宾馆)": 5 Han, 8 letters); a Chinese
 * sentence with a Latin word or two in it does not. Equal counts pass (the English has as
 * many letters as the Chinese beside it has characters).
 */
export function isMostlyHan(text: string): boolean {
  const { han, latin } = scriptCounts(text);
  return han > latin;
}

/**
 * The words a reader sees in one line of MDX or one field: tags, `{#anchor}`s, `{metric:id}`
 * placeholders, `{/* comments *\/}` and link targets removed (a component's attributes, a URL or
 * an id are not text to translate).
 */
export function readableText(line: string): string {
  return line
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/\{#[A-Za-z0-9_-]+\}/g, ' ')
    .replace(/\{metric:[^}]*\}/g, ' ')
    .replace(/\]\([^)]*\)/g, ']');
}

/** One piece of text an entry publishes: where it is written and, for English, whether it must be English. */
export interface PublishedText {
  text: string;
  line: number | undefined;
  /** The field path (`caption.en`), or `(heading)` / `(text)` for a line of the MDX body. */
  field: string;
  english: boolean;
}

/** A problem found in one published text. */
export interface UnfinishedFinding {
  piece: PublishedText;
  kind: 'marker' | 'chinese';
  marker?: UnfinishedMarker;
}

/** The markers and the Chinese-in-English among an entry's published texts, one finding per text. */
export function findUnfinished(pieces: ReadonlyArray<PublishedText>): UnfinishedFinding[] {
  const findings: UnfinishedFinding[] = [];
  for (const piece of pieces) {
    const marker = markerIn(piece.text);
    if (marker) findings.push({ piece, kind: 'marker', marker });
    // Counted on what a reader sees: `{metric:teams.total}` is not English that was written.
    else if (piece.english && isMostlyHan(readableText(piece.text)))
      findings.push({ piece, kind: 'chinese' });
  }
  return findings;
}

/**
 * Every string value of parsed data with its path: what a YAML file or a frontmatter publishes.
 * `english(path)` says which of them must be English.
 */
export function dataTexts(
  data: unknown,
  lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined,
  english: (path: ReadonlyArray<PropertyKey>) => boolean,
): PublishedText[] {
  const pieces: PublishedText[] = [];
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      pieces.push({
        text: value,
        line: lineOf(path),
        field: path.join('.'),
        english: english(path),
      });
    } else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
    else if (value && typeof value === 'object' && !(value instanceof Date))
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(data, []);
  return pieces;
}

/** Each non-empty line of an MDX body (a heading, a paragraph, a list item, a table row, a caption). */
export function bodyTexts(body: string, bodyLine: number, english: boolean): PublishedText[] {
  return body.split('\n').flatMap((line, index) => {
    const text = readableText(line).trim();
    const field = /^#{1,6}\s/.test(line) ? '(heading)' : '(text)';
    return text ? [{ text, line: bodyLine + index, field, english }] : [];
  });
}

/** YAML comment lines that are markers themselves (the needs-translation line), with their lines. */
export function markerComments(source: string): PublishedText[] {
  return source
    .split('\n')
    .flatMap((line, index) =>
      line.trimStart().startsWith(needsTranslationMarker)
        ? [{ text: line.trim(), line: index + 1, field: '(translation)', english: false }]
        : [],
    );
}
