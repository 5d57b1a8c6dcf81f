// Checks that a Pagefind bundle is whole before it is published or kept (used by
// src/integrations/pagefind.ts and src/search/language-indexes.ts). A reader's browser loads each
// file only when a search needs it, so one empty or cut-short file breaks some searches and not
// others; the build finds it instead, reading every file the way Pagefind's script does.
import { type Dirent, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** What every decompressed Pagefind data file starts with (pagefind.js checks it too). */
const signature = Buffer.from('pagefind_dcd');

/** The files pagefind.js fetches and decompresses: metadata, WebAssembly, index chunks, fragments, filters. */
const dataFile = /\.(pf_meta|pf_index|pf_fragment|pf_filter|pagefind)$/;

interface EntryLanguage {
  hash?: unknown;
  wasm?: unknown;
}

/**
 * Why the bytes of a Pagefind data file cannot be read as pagefind.js reads them, or undefined
 * when they decompress to Pagefind's signature.
 */
export function dataFileProblem(bytes: Buffer): string | undefined {
  if (bytes.length === 0) return 'empty';
  let data: Buffer;
  try {
    data = gunzipSync(bytes);
  } catch (error) {
    return `not whole gzip data (${(error as Error).message})`;
  }
  return data.subarray(0, signature.length).equals(signature)
    ? undefined
    : 'no Pagefind signature after decompressing';
}

/**
 * The problems of the bundle in `folder`, each naming its file (relative to the folder): every data
 * file must decompress to Pagefind's signature, `pagefind-entry.json` must be read whole, and each
 * language it lists must have its metadata and WebAssembly. An empty list: the bundle is whole.
 */
export function indexProblems(folder: string): string[] {
  const problems: string[] = [];
  const files = new Set<string>();
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  } catch {
    return ['(the folder): missing'];
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name)
      .slice(folder.length + 1)
      .replaceAll('\\', '/');
    files.add(path);
    if (!dataFile.test(path)) continue;
    const problem = dataFileProblem(readFileSync(join(folder, path)));
    if (problem) problems.push(`${path}: ${problem}`);
  }
  if (!files.has('pagefind.js')) problems.push('pagefind.js: missing');
  let languages: Record<string, EntryLanguage> = {};
  try {
    const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as {
      languages?: Record<string, EntryLanguage>;
    };
    languages = entry.languages ?? {};
  } catch (error) {
    problems.push(`pagefind-entry.json: unreadable (${(error as Error).message})`);
  }
  for (const [language, { hash, wasm }] of Object.entries(languages)) {
    const meta = `pagefind.${String(hash)}.pf_meta`;
    if (!files.has(meta)) problems.push(`${meta}: missing (listed for ${language})`);
    const webAssembly = `wasm.${typeof wasm === 'string' ? wasm : 'unknown'}.pagefind`;
    if (!files.has(webAssembly)) problems.push(`${webAssembly}: missing (listed for ${language})`);
  }
  return problems;
}

/** How many of a bundle's problems the build's error lists (the rest are counted). */
export const listedProblems = 10;

/** The build's error for a bundle this build wrote that is not whole: in Chinese and English. */
export function damagedIndexMessage(folder: string, problems: string[]): string {
  const listed = problems.slice(0, listedProblems).join('\n  ');
  const left = problems.length - listedProblems;
  const more = left > 0 ? `\n  … (${left} more)` : '';
  return (
    `搜索索引不完整，未发布（${folder}）：\n  ${listed}${more}\n` +
    `请检查磁盘空间后重新运行 npm run build。\n` +
    `The search index is not whole and was not published (${folder}):\n  ${listed}${more}\n` +
    'Check the disk has room, then run npm run build again.'
  );
}
