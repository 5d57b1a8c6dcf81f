// English typography (issue 16): the English text readers see uses curly quotes and apostrophes
// (“Five-Good”, company’s), never the typewriter's straight ones.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { en } from '../../src/i18n/en';

const straight = /["']/;

/** Every string under an `en` key (or every string, for a file under an `en/` folder). */
function englishStrings(value: unknown, english: boolean, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return english ? [[path, value]] : [];
  if (Array.isArray(value))
    return value.flatMap((item, index) => englishStrings(item, english, `${path}[${index}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) =>
      englishStrings(item, english || key === 'en', path ? `${path}.${key}` : key),
    );
  return [];
}

const files = (dir: string, extension: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(extension))
    .map((name) => join(dir, name));

describe('straight quotes in English', () => {
  test('the English UI dictionary has none', () => {
    expect(Object.entries(en).filter(([, text]) => straight.test(text))).toEqual([]);
  });

  test.each(files('src/content', '.yaml'))('%s has none in its English text', (file) => {
    const strings = englishStrings(parse(readFileSync(file, 'utf8')), file.includes('/en/'));
    expect(strings.filter(([, text]) => straight.test(text))).toEqual([]);
  });

  test.each(files('src/content', '.mdx').filter((file) => file.includes('/en/')))(
    '%s has none in its text',
    (file) => {
      const source = readFileSync(file, 'utf8');
      const [, frontmatter = '', body = ''] =
        /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
      expect(
        englishStrings(parse(frontmatter), true).filter(([, text]) => straight.test(text)),
      ).toEqual([]);
      // The text without components' attributes, {expressions} and code.
      const text = body.replace(
        /```[\s\S]*?```|`[^`\n]*`|<[A-Za-z/][^>]*>|\{[^}]*\}|\]\([^)]*\)/g,
        ' ',
      );
      expect(text.split('\n').filter((line) => straight.test(line))).toEqual([]);
    },
  );
});
