// A tiny static file server for dist/: used by the PDF edition, the browser tests and the screenshot script.
// It serves only on loopback and answers misses with the locale's 404 page, like a real host would.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** @param {string} path */
async function fileAt(path) {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fileAt(join(path, 'index.html'));
    return info.isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The file a request path is answered with, as this server answers it: `extraFiles` first, then
 * the file (or the folder's index.html) under `root`, else the locale's 404 page. The PDF edition
 * also uses it to fingerprint what a print page loaded (cache.mjs), so both read the same files.
 * @param {string} root
 * @param {string} prefix the base path, ending in `/`
 * @param {string} pathname the decoded request path
 * @param {Record<string, string>} [extraFiles]
 * @returns {Promise<{ file: string | undefined, status: number }>}
 */
export async function resolveRequest(root, prefix, pathname, extraFiles = {}) {
  let file;
  const extra = pathname.startsWith(prefix) ? extraFiles[pathname.slice(prefix.length)] : undefined;
  if (extra) file = extra;
  else if (pathname.startsWith(prefix) || `${pathname}/` === prefix) {
    const relative = normalize(pathname.slice(prefix.length - 1));
    // Never serve outside root, whatever the request path says.
    if (!relative.split(sep).includes('..')) file = await fileAt(join(root, relative));
  }
  if (file) return { file, status: 200 };
  const english = pathname.startsWith(`${prefix}en/`);
  file =
    (english && (await fileAt(join(root, 'en', '404')))) || (await fileAt(join(root, '404.html')));
  return { file, status: 404 };
}

/**
 * Serves `root` under `base` (e.g. `/report/`) on 127.0.0.1 at a free port. `extraFiles` maps
 * paths under `base` (e.g. `__pdf-edition/paged.js`) to files outside `root`, served as if they
 * were part of the site (the PDF edition's layout scripts: same origin, so the site's CSP allows them).
 * @param {string} root
 * @param {string} [base]
 * @param {{ extraFiles?: Record<string, string> }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveStatic(root, base = '/', { extraFiles = {} } = {}) {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer(async (request, response) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request');
      return;
    }
    const { file, status } = await resolveRequest(root, prefix, pathname, extraFiles);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const body = await readFile(file);
    response.writeHead(status, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
    });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
