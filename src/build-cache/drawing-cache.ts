// Drawings made at build time (the charts: Chart.js on a Node canvas, then svgo) kept between
// builds, by input hash like the PDF editions (src/integrations/pdf-edition/cache.mjs): a drawing
// is made again only when what it is drawn from changed. The key is the digest of the inputs
// (plain data: a year's figures and the locale, say) and of the code, which is every source file
// of `src/` outside `src/content/` and `package-lock.json` (the libraries and fonts): any code
// change draws everything again, an edit of one year's figures draws that year's charts only.
//
// Only in `astro build` (not in the dev server or tests), in `.astro/drawings/` of the project
// being built (the build's working directory). NIANJIAN_FRESH=1 draws everything and writes the
// drawings for the next build, as the other caches do. A cache entry is written beside its place
// and renamed into it; one that cannot be read is drawn again.
//
// Without `package-lock.json` the cache is off (and the build says so once): nothing else records
// which versions of Chart.js, svgo, the canvas and its fonts drew a chart, and a key that missed
// them would serve a drawing of the old libraries after an upgrade. Slower, never stale. Copies of
// the project copy the lock file (scripts/lib/project-copy.mjs), so they build as the project does.
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { digestOf, sha256 } from './digest.mjs';

const projectRoot = process.cwd();
let codeFingerprint: string | null | undefined;

/** The fingerprint of the code that draws, or null when this is not a project's folder. */
function code(): string | null {
  if (codeFingerprint !== undefined) return codeFingerprint;
  const src = join(projectRoot, 'src');
  const lock = join(projectRoot, 'package-lock.json');
  if (!existsSync(join(projectRoot, 'astro.config.mjs')) || !existsSync(src)) {
    return (codeFingerprint = null);
  }
  if (!existsSync(lock)) {
    console.warn(
      `图表缓存已关闭：${projectRoot} 没有 package-lock.json，每个图表都会重新绘制。` +
        `Chart cache off: ${projectRoot} has no package-lock.json, so every chart is drawn again` +
        ' (run npm install to write it).',
    );
    return (codeFingerprint = null);
  }
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.startsWith(join(src, 'content')))
    .sort();
  const parts = files.map((file) => `${file.slice(src.length)}\0${sha256(readFileSync(file))}`);
  parts.push(`package-lock.json\0${sha256(readFileSync(lock))}`);
  return (codeFingerprint = sha256(parts.join('\n')));
}

/** Whether drawings are kept: in a production build. */
function enabled(): boolean {
  return import.meta.env.PROD && process.env.VITEST === undefined;
}

/** Whether kept drawings are read: not in a fresh build, which draws everything. */
const reading = (): boolean => process.env.NIANJIAN_FRESH !== '1';

/** A check for {@link cachedDrawing}: the drawing read back is a list (of charts, say). */
export const isList = <T>(value: unknown): value is T[] => Array.isArray(value);

/**
 * `draw()`, or what it returned in an earlier build for the same `inputs` and code. `kind` names
 * the drawing (a folder of the cache); `isValid` checks what was read back.
 */
export function cachedDrawing<T>(
  kind: string,
  inputs: unknown,
  draw: () => T,
  isValid: (value: unknown) => value is T,
): T {
  if (!enabled()) return draw();
  const fingerprint = code();
  if (fingerprint === null) return draw();
  let key: string;
  try {
    key = digestOf({ kind, inputs, code: fingerprint });
  } catch {
    return draw(); // inputs that are not plain data cannot be keyed: draw every time
  }
  const folder = join(projectRoot, '.astro', 'drawings', kind);
  const file = join(folder, `${key}.json`);
  if (reading()) {
    try {
      const cached: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (isValid(cached)) return cached;
    } catch {
      // not drawn yet, or unreadable: draw
    }
  }
  const value = draw();
  mkdirSync(folder, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(value));
  renameSync(temporary, file);
  return value;
}
