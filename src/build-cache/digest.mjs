// SHA-256 digests for the build's caches: the PDF edition (src/integrations/pdf-edition/cache.mjs),
// the search index (src/integrations/pagefind.ts), the precompressed copies
// (scripts/lib/precompress.mjs) and the pages' cache keys (cache-key.ts). One digest, one way of
// writing data as text, so two caches never disagree on what "the same input" means.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** SHA-256 of a string or bytes, hex. */
export const sha256 = (/** @type {string | Uint8Array} */ data) =>
  createHash('sha256').update(data).digest('hex');

/**
 * Plain data as one canonical text: object keys sorted, Maps and Sets as sorted entries, Dates as
 * ISO strings, `undefined` kept apart from `null`. Anything else (a function, a class instance
 * such as a content entry's render function or a Buffer) throws: a digest that skipped it would
 * call two different inputs the same, and a cache key made from it could publish a stale page.
 * @param {unknown} value
 * @param {string} [path] where in the value we are, for the error message
 * @returns {string}
 */
export function canonicalJson(value, path = 'props') {
  if (value === null) return 'null';
  if (value === undefined) return '"\\u0000undefined"';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : `"\\u0000${String(value)}"`;
    case 'bigint':
      return `"\\u0000${value}n"`;
    case 'object':
      break;
    default:
      throw new TypeError(`${path} is a ${typeof value}: a cache key can only digest plain data.`);
  }
  if (Array.isArray(value))
    return `[${value.map((item, index) => canonicalJson(item, `${path}[${index}]`)).join(',')}]`;
  if (value instanceof Date) return `"\\u0000date ${value.toISOString()}"`;
  if (value instanceof URL) return `"\\u0000url ${value.href}"`;
  if (value instanceof Map)
    return `{"\\u0000map":${canonicalJson(
      [...value].map(([key, item]) => [canonicalJson(key, path), item]).sort(byFirst),
      path,
    )}}`;
  if (value instanceof Set)
    return `{"\\u0000set":[${[...value]
      .map((item) => canonicalJson(item, path))
      .sort()
      .join(',')}]}`;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null)
    throw new TypeError(
      `${path} is a ${prototype?.constructor?.name ?? 'class instance'}: a cache key can only digest plain data.`,
    );
  const record = /** @type {Record<string, unknown>} */ (value);
  // An image imported through astro:assets is a Proxy that marks its original file for publishing
  // as soon as any field is read, and Astro then copies the full-size camera original into
  // dist/_astro/. Only `fsPath` and `clone` read nothing: digest the clone, without the machine's
  // absolute path (the `src` it keeps is named by the file's content hash).
  const clone = typeof record.fsPath === 'string' ? record.clone : undefined;
  if (clone && typeof clone === 'object') {
    const { fsPath: _absolute, ...image } = /** @type {Record<string, unknown>} */ (clone);
    return canonicalJson({ '\u0000image': image }, path);
  }
  return `{${Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key], `${path}.${key}`)}`)
    .join(',')}}`;
}

const byFirst = (/** @type {[string, unknown]} */ a, /** @type {[string, unknown]} */ b) =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

/** SHA-256 of plain data (see {@link canonicalJson}). */
export const digestOf = (/** @type {unknown} */ value) => sha256(canonicalJson(value));

/**
 * The version field of an installed package's package.json, found where Node would look for the
 * package (its `exports` may hide both package.json and a main module from `require.resolve`).
 */
export function packageVersion(/** @type {string} */ name) {
  for (const folder of require.resolve.paths(name) ?? []) {
    const manifest = join(folder, name, 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).version;
  }
  throw new Error(`The package ${name} is not installed: run npm ci.`);
}

/**
 * What a cache keys its code on: the bytes of the code files named relative to `base` (the
 * caller's `import.meta.url`) and the installed versions of the packages it depends on.
 * @param {string | URL} base
 * @param {readonly string[]} files
 * @param {readonly string[]} [packages]
 */
export function codeDigest(base, files, packages = []) {
  return digestOf({
    files: files.map((file) => [file, sha256(readFileSync(new URL(file, base)))]),
    packages: packages.map((name) => [name, packageVersion(name)]),
  });
}
