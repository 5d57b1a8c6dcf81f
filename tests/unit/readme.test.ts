// The README names repository paths and commands; each must be true of the tree and package.json,
// so the README cannot drift from the code again (issue 24). In-process: no build, no git.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const scripts = Object.keys(
  (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts,
);

/** Top-level entries that are not the repository's own (made by builds and installs, ignored by git). */
const notInRepository = new Set(['node_modules', 'dist', '.astro', '.test-builds', '.dist-tmp']);
const topLevel = new Set(readdirSync('.').filter((name) => !notInRepository.has(name)));

/** A path of the repository: its first part is one of the repository's top-level files or folders. */
function isRepositoryPath(token: string): boolean {
  const first = token.replace(/^\.\//, '').split('/')[0] ?? '';
  return topLevel.has(first) && !/\s/.test(token.replace(/<[^>]*>/g, 'x'));
}

/**
 * Whether a path exists; a part written `<year>` or `<zh-cn|en>` matches any entry of its folder
 * (with `|` alternatives, any of them), so `src/content/units/<zh-cn|en>/<year>/<slug>.mdx` is checked.
 */
function exists(path: string, dir = '.'): boolean {
  const [part, ...rest] = path.replace(/^\.\//, '').replace(/\/$/, '').split('/');
  if (part === undefined || part === '') return true;
  if (!/[<*]/.test(part))
    return existsSync(join(dir, part)) && exists(rest.join('/'), join(dir, part));
  const pattern = new RegExp(
    `^${part
      .split(/(<[^>]*>|\*)/)
      .map((piece) =>
        piece.startsWith('<') && piece.includes('|')
          ? `(?:${piece.slice(1, -1).split('|').map(escape).join('|')})`
          : piece.startsWith('<') || piece === '*'
            ? '[^/]+'
            : escape(piece),
      )
      .join('')}$`,
  );
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return false;
  }
  return entries.some((entry) => pattern.test(entry) && exists(rest.join('/'), join(dir, entry)));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The README's text in backticks and its link targets, and the paths of the layout block. */
function namedPaths(): string[] {
  const inBackticks = [...readme.matchAll(/`([^`\n]+)`/g)].map((match) => match[1] ?? '');
  const links = [...readme.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)]
    .map((match) => match[1] ?? '')
    .filter((target) => !/^[a-z]+:/.test(target));
  const layout = /## Layout\s+```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const layoutPaths = layout
    .split('\n')
    .filter((line) => /^\S/.test(line))
    .flatMap((line) => (line.split(/\s{2,}/)[0] ?? '').split(/,\s*/));
  // A token may hold a command and its paths (`node scripts/large-text-report.mjs <build>`).
  return [...inBackticks.flatMap((token) => token.split(/\s+/)), ...links, ...layoutPaths]
    .map((token) => token.replace(/[),.;:]+$/, ''))
    .filter(isRepositoryPath);
}

describe('README.md tells the truth about the tree', () => {
  test('names paths in the repository at all', () => {
    expect(namedPaths().length).toBeGreaterThan(50);
  });

  test('every repository path it names exists', () => {
    const missing = [...new Set(namedPaths())].filter((path) => !exists(path));
    expect(missing, `README.md names paths that do not exist: ${missing.join(', ')}`).toEqual([]);
  });

  test('every `npm run <script>` it names is a script of package.json', () => {
    const named = [...readme.matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1] ?? '');
    expect(named.length).toBeGreaterThan(10);
    const unknown = [...new Set(named)].filter((name) => !scripts.includes(name));
    expect(unknown, `README.md names scripts package.json lacks: ${unknown.join(', ')}`).toEqual(
      [],
    );
  });

  test('the layout block is the tree: each folder of src/ is in it', () => {
    const layout = /## Layout\s+```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const folders = readdirSync('src', { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `src/${entry.name}/`);
    const absent = folders.filter((folder) => !layout.includes(folder));
    expect(absent, `the README's layout leaves out ${absent.join(', ')}`).toEqual([]);
  });
});
