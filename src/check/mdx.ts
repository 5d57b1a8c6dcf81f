import { mdxToMdast } from 'satteri';
import { resolveContentImage } from '../model/content-paths';
import { allowedComponents, findMdxViolations } from '../model/mdx-allowlist';
import type { CheckedEntry } from '../model/integrity';
import type { CheckProblem } from '../utils/problems';

/** An mdast node as far as the check looks at it. */
interface Node {
  type: string;
  name?: string | null;
  url?: string;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: Node[];
  position?: { start: { line: number } };
}

/** Components that take a unit's file name in `unit="…"`. */
const unitAttributeComponents = new Set(['UnitLink', 'Highlight', 'ReportQuote']);

export interface MdxFindings {
  problems: CheckProblem[];
  /** References to other entries made in the text, for the cross-entry check. */
  references: CheckedEntry['references'];
  /**
   * Images in the text (`![alt](./photo.jpg)`, `<img src>`) as written, with their lines (with a
   * location: only those inside the content folder).
   */
  images: Array<{ url: string; line: number }>;
}

/** Where the body comes from, so image paths can be resolved and kept inside the content folder. */
export interface MdxLocation {
  /** The content file's absolute path. */
  absolute: string;
  /** The content folder's absolute path (`<root>/src/content`). */
  contentFolder: string;
}

/**
 * Parses an MDX body as the build will, and reports syntax errors, everything outside the MDX
 * allowlist (src/model/mdx-allowlist.ts, the same function the build runs), components the page
 * does not provide, unknown `<Metric>` ids and images outside the content folder. `bodyLine` is
 * the file line where the body starts, so every line reported is the file's.
 */
export function checkMdxBody(
  file: string,
  body: string,
  bodyLine: number,
  components: ReadonlyArray<string>,
  location?: MdxLocation,
): MdxFindings {
  const findings: MdxFindings = { problems: [], references: [], images: [] };
  const fileLine = (line: number | undefined) =>
    line === undefined ? undefined : line + bodyLine - 1;
  const add = (
    line: number | undefined,
    field: string,
    en: [string, string],
    zh: [string, string],
  ) => {
    const at = fileLine(line);
    findings.problems.push({
      file,
      ...(at === undefined ? {} : { line: at }),
      field,
      message: en[0],
      fix: en[1],
      zh: { message: zh[0], fix: zh[1] },
    });
  };
  let tree: Node;
  try {
    // The same Markdown features as the site (astro.config.mjs: `satteri({ features: … })`).
    tree = mdxToMdast(body, { features: { headingAttributes: true } }) as unknown as Node;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /^(\d+):(\d+):\s*/.exec(message);
    add(
      position ? Number(position[1]) : undefined,
      '(MDX text)',
      [
        `is not valid MDX: ${message.replace(/^\d+:\d+:\s*/, '')}`,
        'close every tag you open (<UnitLink …>…</UnitLink>), ' +
          'write components as <Name … /> or <Name>…</Name>, and write a literal { or < as \\{ or \\<',
      ],
      [
        `MDX 语法错误：${message.replace(/^\d+:\d+:\s*/, '')}`,
        '每个打开的标签都要关闭（<UnitLink …>…</UnitLink>），组件写成 <名称 … /> 或 <名称>…</名称>；正文里的 { 或 < 要写成 \\{ 或 \\<',
      ],
    );
    return findings;
  }
  for (const violation of findMdxViolations(tree)) {
    add(
      violation.line,
      violation.construct,
      [violation.en.message, violation.en.fix],
      [violation.zh.message, violation.zh.fix],
    );
  }
  const addImage = (url: string, line: number | undefined) => {
    if (!location) {
      findings.images.push({ url, line: fileLine(line) ?? bodyLine });
      return;
    }
    const resolved = resolveContentImage(url, location.absolute, location.contentFolder);
    if (resolved.ok) findings.images.push({ url, line: fileLine(line) ?? bodyLine });
    else
      add(
        line,
        '(image in text)',
        [resolved.en.message, resolved.en.fix],
        [resolved.zh.message, resolved.zh.fix],
      );
  };
  const visit = (node: Node) => {
    const line = node.position?.start.line;
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const name = node.name;
      const attribute = (attr: string) => {
        const found = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === attr);
        return typeof found?.value === 'string' ? found.value : undefined;
      };
      if (name === 'img') {
        const src = attribute('src');
        if (src !== undefined) addImage(src, line);
      } else if (Object.hasOwn(allowedComponents, name) && !components.includes(name)) {
        add(
          line,
          `<${name}>`,
          [
            `uses the component <${name}>, which this kind of page does not have`,
            `use one of ${components.map((c) => `<${c}>`).join(', ')}, or check the spelling (capitals matter)`,
          ],
          [
            `用了组件 <${name}>，这类页面没有这个组件`,
            `改用 ${components.map((c) => `<${c}>`).join('、')} 之一，或检查拼写（大小写有区别）`,
          ],
        );
      } else {
        // <Metric id> is checked against the year's figures file by src/figures/prose-check.ts.
        const unit = attribute('unit');
        if (unitAttributeComponents.has(name) && unit !== undefined) {
          findings.references.push({
            field: `<${name} unit>`,
            collection: 'units',
            id: unit,
            ...(fileLine(line) === undefined ? {} : { line: fileLine(line) as number }),
          });
        }
      }
    }
    if (node.type === 'image' && node.url) {
      addImage(node.url, line);
      const alt = String((node as { alt?: unknown }).alt ?? '').trim();
      const fileName = node.url.split('/').pop() ?? '';
      if (!alt || alt === fileName || alt === fileName.replace(/\.[^.]+$/, '')) {
        add(
          line,
          '(image alt text)',
          [
            `the image ${node.url} has no alt text (the description read to readers who cannot see it)`,
            `describe what the picture shows between the brackets: ![平果铝宾馆的大堂](${node.url})`,
          ],
          [
            `图片 ${node.url} 没有替代文字（给看不到图片的读者读出的描述）`,
            `在方括号里描述图片内容：![平果铝宾馆的大堂](${node.url})`,
          ],
        );
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return findings;
}
