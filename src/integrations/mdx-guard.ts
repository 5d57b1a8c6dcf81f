import { lstatSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  markdownToMdast,
  mdxToMdast,
  type MdastPluginEntry,
  type PluginFactoryContext,
} from 'satteri';
import { findMdxViolations, formatMdxViolations } from '../model/mdx-allowlist';
import { resolveContentImage } from '../model/content-paths';

/** The Markdown features the site uses (astro.config.mjs `satteri({ features })`), so the tree is the build's. */
const features = { headingAttributes: true } as const;

/** Image references in an mdast tree: Markdown images and `<img src>`, with their lines. */
function imageReferences(tree: unknown): Array<{ url: string; line: number | undefined }> {
  const found: Array<{ url: string; line: number | undefined }> = [];
  const visit = (node: {
    type?: string;
    url?: unknown;
    name?: unknown;
    attributes?: Array<{ name?: unknown; value?: unknown }>;
    children?: unknown[];
    position?: { start: { line: number } };
  }) => {
    const line = node.position?.start.line;
    if (node.type === 'image' && typeof node.url === 'string') found.push({ url: node.url, line });
    if (
      (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
      node.name === 'img'
    ) {
      const src = node.attributes?.find((attribute) => attribute.name === 'src')?.value;
      if (typeof src === 'string') found.push({ url: src, line });
    }
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  visit(tree as Parameters<typeof visit>[0]);
  return found;
}

/**
 * The build's side of the MDX allowlist (src/model/mdx-allowlist.ts), as a Sätteri mdast plugin
 * factory: before Astro compiles a content file, the file is parsed and validated with the same
 * function `npm run check` uses, and the build stops with the same messages. Being a factory, it
 * runs before any of the file's JavaScript could be evaluated. Symbolic links and images outside
 * the content folder are refused here as in the check.
 */
export function mdxAllowlist(root: string): MdastPluginEntry {
  const contentFolder = `${root.replace(/[\\/]$/, '')}/src/content`;
  return (context: PluginFactoryContext) => {
    if (!context.fileURL) return null;
    const path = fileURLToPath(context.fileURL);
    const file = relative(root, path).replace(/\\/g, '/');
    if (!file.startsWith('src/content/')) return null;
    if (lstatSync(path).isSymbolicLink()) {
      throw new Error(
        `${file}: 是符号链接（快捷方式），网站不发布链接的文件；请把文件本身复制到这里。` +
          `This file is a symbolic link; the site does not publish linked files: copy the file itself here.`,
      );
    }
    // Astro blanks the frontmatter but keeps its lines, so the tree's lines are the file's.
    const source = context.source;
    const tree =
      context.sourceFormat === 'mdx'
        ? mdxToMdast(source, { features })
        : markdownToMdast(source, { features });
    const violations = findMdxViolations(tree);
    for (const image of imageReferences(tree)) {
      const resolved = resolveContentImage(image.url, path, contentFolder);
      if (!resolved.ok)
        violations.push({
          line: image.line,
          construct: resolved.construct,
          en: resolved.en,
          zh: resolved.zh,
        });
    }
    if (violations.length > 0) throw new Error(formatMdxViolations(file, violations));
    return null;
  };
}
