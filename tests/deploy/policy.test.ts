// The pure parts of deploying: the CSP module and the header made from pages, and how the sources
// fingerprint tells which source files make a build stale.
import { mkdtemp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sourceChanges, sourceFingerprint } from '../../scripts/lib/build-info.mjs';
import { headerPolicyFor, metaPolicy } from '../../scripts/lib/csp-header.mjs';
import {
  directives,
  headerOnlyDirectives,
  headerPolicy,
  parsePolicy,
} from '../../src/security/csp.mjs';

const meta = (policy: string) =>
  `<html><head><meta http-equiv="content-security-policy" content="${policy}"></head></html>`;
const pagePolicy = (scripts: string[], styles: string[]) =>
  `${directives.join(';')}; script-src 'self' 'wasm-unsafe-eval' ${scripts.join(' ')}; ` +
  `style-src 'self' ${styles.join(' ')};`;

describe('the CSP header', () => {
  test('parsePolicy reads directives and their sources', () => {
    expect(parsePolicy("default-src 'self';img-src 'self' data:; ")).toEqual(
      new Map([
        ['default-src', ["'self'"]],
        ['img-src', ["'self'", 'data:']],
      ]),
    );
  });

  test('headerPolicy: the shared directives, sorted unique hashes, and frame-ancestors', () => {
    const policy = parsePolicy(
      headerPolicy({ scriptHashes: ["'sha256-b'", "'sha256-a'", "'sha256-b'"], styleHashes: [] }),
    );
    expect(policy.get('script-src')).toEqual([
      "'self'",
      "'wasm-unsafe-eval'",
      "'sha256-a'",
      "'sha256-b'",
    ]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
    for (const directive of [...directives, ...headerOnlyDirectives])
      expect(headerPolicy({ scriptHashes: [], styleHashes: [] })).toContain(directive);
  });

  test('headerPolicyFor: the union of every page’s hashes', () => {
    const policy = parsePolicy(
      headerPolicyFor([
        { path: 'a.html', html: meta(pagePolicy(["'sha256-one'"], ["'sha256-s1'"])) },
        { path: 'b.html', html: meta(pagePolicy(["'sha256-two'", "'sha256-one'"], [])) },
      ]),
    );
    expect(policy.get('script-src')).toEqual([
      "'self'",
      "'wasm-unsafe-eval'",
      "'sha256-one'",
      "'sha256-two'",
    ]);
    expect(policy.get('style-src')).toEqual(["'self'", "'sha256-s1'"]);
  });

  test('a page without the <meta>, or with a policy changed elsewhere, stops the build naming the page', () => {
    expect(() => headerPolicyFor([{ path: 'x/index.html', html: '<html></html>' }])).toThrow(
      /x\/index\.html: the page has no Content-Security-Policy/,
    );
    const extraSource = pagePolicy([], []).replace(
      "script-src 'self'",
      "script-src 'self' https://cdn.example",
    );
    expect(() => headerPolicyFor([{ path: 'y.html', html: meta(extraSource) }])).toThrow(
      /y\.html: script-src has sources .* https:\/\/cdn\.example/,
    );
    const extraDirective = `${pagePolicy([], [])} frame-src 'self';`;
    expect(() => headerPolicyFor([{ path: 'z.html', html: meta(extraDirective) }])).toThrow(
      /z\.html: .*frame-src/,
    );
    expect(metaPolicy(meta("default-src 'self'"))).toBe("default-src 'self'");
  });
});

describe('stale builds', () => {
  test('the sources fingerprint names changed, deleted, moved and new files, tracked or not', async () => {
    const root = await mkdtemp(join(tmpdir(), 'nianjian-stale-'));
    try {
      await mkdir(join(root, 'src', 'content'), { recursive: true });
      await mkdir(join(root, 'public'), { recursive: true });
      await writeFile(join(root, 'src', 'content', 'kept.mdx'), 'kept');
      await writeFile(join(root, 'src', 'content', 'edited.mdx'), 'before');
      await writeFile(join(root, 'src', 'content', 'moved.mdx'), 'moved');
      await writeFile(join(root, 'public', 'robots.txt'), 'User-agent: *');
      await writeFile(join(root, 'astro.config.mjs'), '');
      await writeFile(join(root, 'README.md'), 'not a source');
      const built = await sourceFingerprint(root);
      expect(Object.keys(built.files)).toEqual([
        'astro.config.mjs',
        'public/robots.txt',
        'src/content/edited.mdx',
        'src/content/kept.mdx',
        'src/content/moved.mdx',
      ]);
      expect(sourceChanges(built, await sourceFingerprint(root))).toEqual([]);

      await writeFile(join(root, 'src', 'content', 'edited.mdx'), 'after');
      await rename(
        join(root, 'src', 'content', 'moved.mdx'),
        join(root, 'src', 'content', 'new-name.mdx'),
      );
      await rm(join(root, 'public', 'robots.txt'));
      await writeFile(join(root, 'README.md'), 'still not a source');
      expect(sourceChanges(built, await sourceFingerprint(root))).toEqual([
        'deleted 已删除 public/robots.txt',
        'changed 已改动 src/content/edited.mdx',
        'deleted 已删除 src/content/moved.mdx',
        'added 新增 src/content/new-name.mdx',
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
