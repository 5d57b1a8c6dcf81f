// A file name may hold any character but `/` and NUL: a line break, a terminal escape, a Unicode
// line separator. Printed as it is, such a name breaks the report's lines (or recolours the
// terminal) and would read as two files; the report and the entry's comment show it escaped.

/** Control characters (C0, DEL, C1) and Unicode's line and paragraph separators. */
const unsafe = /[\p{Cc}\u2028\u2029]/gu;

/** Whether a name holds a character that must not be printed as it is. */
export const hasControlCharacters = (name: string): boolean =>
  new RegExp(unsafe.source, 'u').test(name);

/** The name as printed: as it is when harmless, else quoted with each such character as \n or \u{…}. */
export function shownName(name: string): string {
  if (!hasControlCharacters(name)) return name;
  const escaped = name
    .replace(/["\\]/g, '\\$&')
    .replace(unsafe, (char) =>
      char === '\n'
        ? '\\n'
        : char === '\r'
          ? '\\r'
          : char === '\t'
            ? '\\t'
            : `\\u{${char.codePointAt(0)?.toString(16)}}`,
    );
  return `"${escaped}"`;
}
