import { createHash } from 'node:crypto';

/** The YAML frontmatter of an MDX/Markdown file, its body, and the 1-based line where the body starts. */
export interface SplitSource {
  frontmatter: string | undefined;
  body: string;
  bodyLine: number;
}

/** Splits `---\n…\n---\n` frontmatter from the body (any line endings). */
export function splitFrontmatter(source: string): SplitSource {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return { frontmatter: undefined, body: source, bodyLine: 1 };
  return {
    frontmatter: match[1],
    body: source.slice(match[0].length),
    bodyLine: match[0].split('\n').length,
  };
}

/**
 * The fingerprint of a source-language (Chinese) text: what its translation records as
 * `sourceHash`. Line endings and trailing spaces do not count, so saving the file on Windows or
 * trimming a blank line does not mark every translation stale.
 */
export function sourceFingerprint(source: string): string {
  const { frontmatter, body } = splitFrontmatter(source);
  // The frontmatter counts too (a changed name needs translating), except the fields that are
  // not translated text.
  const translatable = (frontmatter ?? '')
    .split(/\r?\n/)
    .filter((line) => !/^(draft|sourceHash):/.test(line))
    .join('\n');
  const normalized = `${translatable}\n---\n${body}`
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
  return createHash('sha256').update(normalized, 'utf8').digest('hex').slice(0, 12);
}

/** The source text with `sourceHash: <hash>` set in its frontmatter (added after the first line if absent). */
export function withSourceHash(translation: string, hash: string): string {
  const { frontmatter } = splitFrontmatter(translation);
  if (frontmatter === undefined) return `---\nsourceHash: "${hash}"\n---\n${translation}`;
  const eol = translation.includes('\r\n') ? '\r\n' : '\n';
  const lines = frontmatter.split(/\r?\n/);
  const index = lines.findIndex((line) => /^sourceHash:/.test(line));
  if (index >= 0) lines[index] = `sourceHash: "${hash}"`;
  else lines.push(`sourceHash: "${hash}"`);
  return translation.replace(frontmatter, () => lines.join(eol));
}
