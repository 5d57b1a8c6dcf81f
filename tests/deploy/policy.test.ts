// The pure parts of deploying: the CSP module and the header made from pages, and which source
// files make a build stale.
import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { changedSince } from '../../scripts/lib/build-info.mjs';
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
  test('changedSince lists the source files modified after the build, and only those', async () => {
    const root = await mkdtemp(join(tmpdir(), 'nianjian-stale-'));
    try {
      await mkdir(join(root, 'src', 'content'), { recursive: true });
      await writeFile(join(root, 'src', 'content', 'old.mdx'), 'old');
      await writeFile(join(root, 'src', 'content', 'new.mdx'), 'new');
      await writeFile(join(root, 'astro.config.mjs'), '');
      await writeFile(join(root, 'README.md'), 'not a source');
      const built = new Date('2026-01-02T00:00:00Z');
      const before = new Date('2026-01-01T00:00:00Z');
      const after = new Date('2026-01-03T00:00:00Z');
      await utimes(join(root, 'src', 'content', 'old.mdx'), before, before);
      await utimes(join(root, 'astro.config.mjs'), before, before);
      await utimes(join(root, 'src', 'content', 'new.mdx'), after, after);
      await utimes(join(root, 'README.md'), after, after);
      expect(await changedSince(root, built)).toEqual(['src/content/new.mdx']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
