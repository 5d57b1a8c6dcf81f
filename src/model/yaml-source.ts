import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

/** Parsed YAML that can say on which line a field is written. */
export interface YamlSource {
  data: unknown;
  /** 1-based line of the value at `path` (or of its nearest existing parent); `undefined` if none. */
  lineOf(path: ReadonlyArray<PropertyKey>): number | undefined;
  /** Syntax errors, each with its 1-based line. */
  errors: Array<{ line: number; message: string }>;
}

/** Parses YAML text that starts at `firstLine` of its file (frontmatter starts at line 2). */
export function parseYamlSource(text: string, firstLine = 1): YamlSource {
  const lineCounter = new LineCounter();
  const document: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const errors = document.errors.map((error) => ({
    line: toLine(error.pos[0]),
    message: error.message.split('\n')[0] ?? error.message,
  }));
  return {
    data: errors.length > 0 ? undefined : document.toJS(),
    errors,
    lineOf(path) {
      // Walk down as far as the path exists; report the key's line (where the editor looks).
      let node: unknown = document.contents;
      let line: number | undefined = undefined;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => String((item.key as { value?: unknown } | null)?.value) === String(key));
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
