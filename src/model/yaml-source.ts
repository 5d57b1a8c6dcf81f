import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

/** Parsed YAML that can say on which line a field is written. */
export interface YamlSource {
  data: unknown;
  /** 1-based line of the value at `path` (or of its nearest existing parent); `undefined` if none. */
  lineOf(path: ReadonlyArray<PropertyKey>): number | undefined;
  /** Syntax errors, each with its 1-based line (and, where the YAML parser's words would not help, our own fix). */
  errors: Array<{
    line: number;
    message: string;
    fix?: string;
    zh?: { message: string; fix: string };
  }>;
}

/**
 * How many times YAML aliases (`*name`) may be expanded in one file. Content files have no use for
 * aliases at all; a small limit stops an "alias bomb" (a few lines that expand to millions of
 * copies) long before it can exhaust memory.
 */
export const maxAliasCount = 20;

/** Parses YAML text that starts at `firstLine` of its file (frontmatter starts at line 2). */
export function parseYamlSource(text: string, firstLine = 1): YamlSource {
  const lineCounter = new LineCounter();
  const document: Document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const errors: YamlSource['errors'] = document.errors.map((error) => ({
    line: toLine(error.pos[0]),
    message: error.message.split('\n')[0] ?? error.message,
  }));
  let data: unknown = undefined;
  if (errors.length === 0) {
    try {
      data = document.toJS({ maxAliasCount });
    } catch (error) {
      const aliasLine = /^[^#\n]*\*[A-Za-z0-9_-]/m.exec(text);
      errors.push({
        line: aliasLine ? toLine(aliasLine.index) : firstLine,
        message:
          `uses YAML aliases (*name) that expand to more than ${maxAliasCount} copies, ` +
          `which would exhaust the build machine's memory ` +
          `(${error instanceof Error ? error.message : String(error)})`,
        fix: 'write each value out in full and remove the &anchors and *aliases',
        zh: {
          message: `YAML 别名（*名称）展开超过 ${maxAliasCount} 次，会耗尽构建机器的内存`,
          fix: '把每个值完整写出，删掉 &锚点 和 *别名',
        },
      });
    }
  }
  return {
    data,
    errors,
    lineOf(path) {
      // Walk down as far as the path exists; report the key's line (where the editor looks).
      let node: unknown = document.contents;
      let line: number | undefined = undefined;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find(
            (item) => String((item.key as { value?: unknown } | null)?.value) === String(key),
          );
          if (!pair) break;
          const range = (pair.key as { range?: [number, number, number] } | null)?.range;
          if (range) line = toLine(range[0]);
          node = pair.value;
        } else if (isSeq(node) && typeof key === 'number') {
          const item = node.items[key] as { range?: [number, number, number] } | undefined;
          if (!item) break;
          if (item.range) line = toLine(item.range[0]);
          node = item;
        } else break;
      }
      return line ?? (path.length === 0 ? firstLine : undefined);
    },
  };
}
