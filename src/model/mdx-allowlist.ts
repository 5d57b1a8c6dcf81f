/**
 * What report and unit MDX may contain: Markdown, a listed set of HTML elements and attributes,
 * and the project's own components with literal props. Everything else is refused, by
 * `npm run check` (src/check/mdx.ts) and by the build (src/integrations/mdx-guard.ts), with
 * the same messages: content is data, and nothing an editor writes may run as code on the build
 * machine or in a reader's browser (MDX `import`, `export` and `{…}` are JavaScript that runs
 * while the site is built).
 *
 * Pure: it walks a parsed mdast tree (satteri's `mdxToMdast`, the parser the build uses) and
 * returns what it found. Declared once; the content-model registry re-exports it.
 */

/** The project's MDX components and the props each takes. Values must be literals. */
export const allowedComponents: Readonly<Record<string, ReadonlyArray<string>>> = {
  Highlight: ['unit'],
  Metric: ['id', 'year', 'bare'],
  ReportQuote: ['year', 'unit'],
  UnitLink: ['unit'],
};

/** Attributes any allowed HTML element may carry. */
export const globalHtmlAttributes: ReadonlyArray<string> = ['id', 'class', 'title', 'lang', 'dir'];

/** HTML elements an editor may write in MDX, with the attributes each takes beyond the global ones. */
export const allowedHtmlElements: Readonly<Record<string, ReadonlyArray<string>>> = {
  a: ['href', 'hreflang'],
  abbr: [],
  b: [],
  blockquote: ['cite'],
  br: [],
  caption: [],
  cite: [],
  code: [],
  dd: [],
  del: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  hr: [],
  i: [],
  img: ['src', 'alt', 'width', 'height'],
  ins: [],
  li: [],
  mark: [],
  ol: ['start', 'reversed'],
  p: [],
  q: ['cite'],
  s: [],
  small: [],
  span: [],
  strong: [],
  sub: [],
  sup: [],
  table: [],
  tbody: [],
  td: ['colspan', 'rowspan'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'scope'],
  thead: [],
  time: ['datetime'],
  tr: [],
  u: [],
  ul: [],
};

/**
 * Elements named in the refusal with their own explanation (they run code, load other pages,
 * submit data, restyle the site or change where links go). Any element not in
 * `allowedHtmlElements` is refused too; these are listed so the message can say why.
 */
export const forbiddenHtmlElements: ReadonlyArray<string> = [
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'form',
  'base',
  'meta',
  'link',
];

/** Attributes whose value is a URL, and the URL schemes refused in them (and in Markdown links and images). */
export const urlAttributes: ReadonlyArray<string> = ['href', 'src', 'cite'];
export const forbiddenUrlSchemes: ReadonlyArray<string> = ['javascript', 'data', 'vbscript'];

/** One construct outside the allowlist, with the line of the body where it starts. */
export interface MdxViolation {
  line: number | undefined;
  /** The construct as the editor wrote it, short: `<script>`, `onerror=`, `import …`, `{…}`. */
  construct: string;
  en: { message: string; fix: string };
  zh: { message: string; fix: string };
}

/** An mdast node as far as the allowlist looks at it. */
interface MdastNode {
  type: string;
  name?: string | null;
  url?: string;
  value?: unknown;
  attributes?: ReadonlyArray<{ type: string; name?: string; value?: unknown }>;
  children?: ReadonlyArray<MdastNode>;
  position?: { start: { line: number } };
}

/** A prop value MDX writes in braces that is still a plain literal: `{2007}`, `{true}`, `{"a"}`. */
const literalExpression = /^\s*(?:-?\d+(?:\.\d+)?|true|false|"[^"\\{}]*"|'[^'\\{}]*')\s*$/;

const namedEntities: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  lpar: '(',
  rpar: ')',
};

/**
 * The URL scheme a browser would see, with the tricks it forgives undone: entities
 * (`&#106;`, `&colon;`), letter case, and tabs, newlines, spaces and control characters inside
 * or before the scheme. `undefined` for a relative URL.
 */
export function urlScheme(url: string): string | undefined {
  const decoded = url.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (entity, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(body.slice(2), 16) || 0xfffd);
    if (body.startsWith('#'))
      return String.fromCodePoint(Number.parseInt(body.slice(1), 10) || 0xfffd);
    return namedEntities[body.toLowerCase()] ?? entity;
  });
  // Browsers strip ASCII whitespace and control characters anywhere in the scheme.
  const compact = decoded.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return match?.[1]?.toLowerCase();
}

/** Whether a URL uses a scheme that runs code or carries a whole document (`javascript:`, `data:`, `vbscript:`). */
export function isForbiddenUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme !== undefined && forbiddenUrlSchemes.includes(scheme);
}

const components = Object.keys(allowedComponents);
const componentList = components.map((name) => `<${name}>`).join(', ');

function violation(
  line: number | undefined,
  construct: string,
  en: [string, string],
  zh: [string, string],
): MdxViolation {
  return {
    line,
    construct,
    en: { message: en[0], fix: en[1] },
    zh: { message: zh[0], fix: zh[1] },
  };
}

function checkUrl(line: number | undefined, where: string, url: string): MdxViolation[] {
  if (!isForbiddenUrl(url)) return [];
  const scheme = urlScheme(url) ?? '';
  return [
    violation(
      line,
      `${scheme}:`,
      [
        `${where} uses a ${scheme}: address, which runs code or hides a whole document instead of linking to a page`,
        'link to a page of the site (/glossary/…) or an https:// address, ' +
          'and put images in the content folder (./photo.jpg)',
      ],
      [
        `${where}使用了 ${scheme}: 地址，这种地址会运行代码或藏入整份文件，而不是链接网页`,
        '链接到本站网页（/glossary/…）或 https:// 地址；图片放进内容文件夹（./photo.jpg）',
      ],
    ),
  ];
}

function checkAttributes(
  node: MdastNode,
  line: number | undefined,
  element: string,
  allowed: ReadonlyArray<string>,
  isComponent: boolean,
): MdxViolation[] {
  const found: MdxViolation[] = [];
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.name !== 'string') {
      found.push(
        violation(
          line,
          `<${element} {…}>`,
          [
            `<${element}> has a {…} expression among its attributes; ` +
              `expressions are JavaScript, which content may not contain`,
            `write each attribute as name="value", e.g. <${element} ${allowed[0] ?? 'title'}="…">`,
          ],
          [
            `<${element}> 的属性里有 {…} 表达式；表达式是 JavaScript 代码，内容里不能有`,
            `每个属性写成 名称="值"，如 <${element} ${allowed[0] ?? 'title'}="…">`,
          ],
        ),
      );
      continue;
    }
    const name = attribute.name;
    const lower = name.toLowerCase();
    if (lower.startsWith('on')) {
      found.push(
        violation(
          line,
          `${name}=`,
          [
            `<${element}> has the event handler ${name}=, which would run code in the reader's browser`,
            `remove ${name}="…"; content cannot contain scripts`,
          ],
          [
            `<${element}> 带有事件处理属性 ${name}=，会在读者的浏览器里运行代码`,
            `删掉 ${name}="…"；内容里不能有脚本`,
          ],
        ),
      );
      continue;
    }
    if (!allowed.includes(name) && !(!isComponent && globalHtmlAttributes.includes(name))) {
      const list = isComponent ? allowed : [...allowed, ...globalHtmlAttributes];
      found.push(
        violation(
          line,
          `${name}=`,
          [
            `<${element}> does not take the attribute ${name}=`,
            `remove it; <${element}> takes ${list.length ? list.map((a) => `${a}=`).join(', ') : 'no attributes'}`,
          ],
          [
            `<${element}> 不接受属性 ${name}=`,
            `删掉它；<${element}> 可用的属性：${list.length ? list.map((a) => `${a}=`).join('、') : '无'}`,
          ],
        ),
      );
      continue;
    }
    const value = attribute.value;
    if (value !== null && typeof value === 'object') {
      const expression = String((value as { value?: unknown }).value ?? '');
      if (!isComponent || !literalExpression.test(expression)) {
        found.push(
          violation(
            line,
            `${name}={…}`,
            [
              `<${element} ${name}={${expression.slice(0, 40)}}> computes its value with JavaScript, ` +
                `which content may not contain`,
              `write a literal value: ${name}="…"${isComponent ? ` (or a number such as ${name}={2007})` : ''}`,
            ],
            [
              `<${element} ${name}={${expression.slice(0, 40)}}> 用 JavaScript 计算属性值，内容里不能有代码`,
              `写成固定的值：${name}="…"${isComponent ? `（或数字，如 ${name}={2007}）` : ''}`,
            ],
          ),
        );
      }
      continue;
    }
    if (typeof value === 'string' && urlAttributes.includes(lower))
      found.push(...checkUrl(line, `<${element} ${name}>`, value));
  }
  return found;
}

function checkElement(node: MdastNode, line: number | undefined): MdxViolation[] {
  const name = node.name;
  if (!name) {
    return [
      violation(
        line,
        '<>',
        [
          'has a fragment <>…</>, which is JSX, not content',
          'remove the <> and </>, keeping the text between them',
        ],
        ['含有 JSX 片段 <>…</>，不是内容', '删掉 <> 和 </>，保留中间的文字'],
      ),
    ];
  }
  if (Object.hasOwn(allowedComponents, name))
    return checkAttributes(node, line, name, allowedComponents[name] ?? [], true);
  const lower = name.toLowerCase();
  if (forbiddenHtmlElements.includes(lower)) {
    return [
      violation(
        line,
        `<${name}>`,
        [
          `contains a <${name}> tag, which is not allowed in content ` +
            `(it can run code, load other pages or change the site)`,
          `remove the <${name}> tag; write plain text, Markdown and the components ${componentList}`,
        ],
        [
          `含有不允许的 <${name}> 标签（它能运行代码、加载其他网页或改变网站）`,
          `删掉 <${name}> 标签；只写文字、Markdown 和组件 ${componentList}`,
        ],
      ),
    ];
  }
  if (name === lower && Object.hasOwn(allowedHtmlElements, name))
    return checkAttributes(node, line, name, allowedHtmlElements[name] ?? [], false);
  if (/^[a-z]/.test(name)) {
    const hint = Object.hasOwn(allowedHtmlElements, lower)
      ? `write it in lower case: <${lower}>`
      : `use Markdown (**bold**, lists, tables) or one of ${Object.keys(allowedHtmlElements)
          .map((e) => `<${e}>`)
          .join(' ')}`;
    return [
      violation(
        line,
        `<${name}>`,
        [`contains the HTML tag <${name}>, which is not on the list of tags content may use`, hint],
        [
          `含有不在允许列表中的 HTML 标签 <${name}>`,
          Object.hasOwn(allowedHtmlElements, lower)
            ? `改成小写：<${lower}>`
            : '改用 Markdown（**粗体**、列表、表格）或允许的 HTML 标签',
        ],
      ),
    ];
  }
  return [
    violation(
      line,
      `<${name}>`,
      [
        `uses <${name}>, which is not one of the project's components`,
        `use one of ${componentList}, or check the spelling (capitals matter)`,
      ],
      [
        `用了 <${name}>，它不是本项目的组件`,
        `改用 ${components.map((c) => `<${c}>`).join('、')} 之一，或检查拼写（大小写有区别）`,
      ],
    ),
  ];
}

function checkRawHtml(value: string, line: number | undefined): MdxViolation[] {
  // Raw HTML reaches only plain Markdown (.md); MDX parses tags as elements. Refuse what the
  // allowlist refuses there too: forbidden tags, event handlers and code-running URLs.
  const found: MdxViolation[] = [];
  for (const match of value.matchAll(/<\s*\/?\s*([a-z][a-z0-9-]*)/gi)) {
    const tag = (match[1] ?? '').toLowerCase();
    if (!Object.hasOwn(allowedHtmlElements, tag))
      found.push(...checkElement({ type: 'mdxJsxFlowElement', name: tag, attributes: [] }, line));
  }
  for (const match of value.matchAll(/\s(on[a-z]+)\s*=/gi)) {
    found.push(
      violation(
        line,
        `${match[1]}=`,
        [
          `has the event handler ${match[1]}=, which would run code in the reader's browser`,
          `remove ${match[1]}="…"`,
        ],
        [`带有事件处理属性 ${match[1]}=，会在读者的浏览器里运行代码`, `删掉 ${match[1]}="…"`],
      ),
    );
  }
  for (const match of value.matchAll(/\s(?:href|src|cite)\s*=\s*["']?([^"'>\s]+)/gi))
    found.push(...checkUrl(line, 'an HTML attribute', match[1] ?? ''));
  return found;
}

/** Every construct in a parsed MDX body that is outside the allowlist, in document order. */
export function findMdxViolations(tree: unknown): MdxViolation[] {
  const found: MdxViolation[] = [];
  const visit = (node: MdastNode) => {
    const line = node.position?.start.line;
    switch (node.type) {
      case 'mdxjsEsm': {
        const text = String(node.value ?? '').trim();
        const keyword = /^export\b/.test(text) ? 'export' : 'import';
        found.push(
          violation(
            line,
            `${keyword} …`,
            [
              `has an MDX "${keyword}" line (${text.split('\n')[0]?.slice(0, 60)}), ` +
                `which runs JavaScript while the site is built`,
              `delete the line; the components ${componentList} are available without importing, ` +
                `and figures come from <Metric>`,
            ],
            [
              `含有 MDX“${keyword}”语句（${text.split('\n')[0]?.slice(0, 60)}），构建网站时会运行 JavaScript`,
              `删掉这一行；组件 ${components.map((c) => `<${c}>`).join('、')} 不用导入即可使用，数字用 <Metric>`,
            ],
          ),
        );
        break;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const text = String(node.value ?? '');
        found.push(
          violation(
            line,
            '{…}',
            [
              `has the expression {${text.slice(0, 40)}}, which runs JavaScript while the site is built`,
              'write the text itself; a literal brace is written \\{ , and a figure is <Metric id="…" />',
            ],
            [
              `含有表达式 {${text.slice(0, 40)}}，构建网站时会运行 JavaScript`,
              '直接写文字；花括号本身写成 \\{ ，数字用 <Metric id="…" />',
            ],
          ),
        );
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        found.push(...checkElement(node, line));
        break;
      case 'html':
        found.push(...checkRawHtml(String(node.value ?? ''), line));
        break;
      case 'link':
      case 'image':
      case 'definition':
        if (typeof node.url === 'string')
          found.push(...checkUrl(line, node.type === 'image' ? 'an image' : 'a link', node.url));
        break;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree as MdastNode);
  return found;
}

/** The violations as one message for the build: file, line, construct, problem and fix, both languages. */
export function formatMdxViolations(
  file: string,
  violations: ReadonlyArray<MdxViolation>,
  lineOffset = 0,
): string {
  const lines = violations.map((v) => {
    const at = `${file}${v.line === undefined ? '' : `:${v.line + lineOffset}`} ${v.construct}`;
    return `  ${at}\n    ${v.zh.message}。改法：${v.zh.fix}\n    ${v.en.message}. Fix: ${v.en.fix}`;
  });
  return [
    `内容中有不允许的 MDX 写法 Content uses MDX outside the allowlist (src/model/mdx-allowlist.ts):`,
    ...lines,
  ].join('\n');
}
