// The build's content path, in-process: every content file read as Astro's glob loader reads it,
// parsed by its collection's schema from the registry (what Astro's content layer runs), then the
// cross-entry rules through `contentProblems()` (what src/data/site.ts runs before any page is
// rendered, and throws with `formatProblems()`). Content cases assert on this in milliseconds; a
// few real builds (tests/editors/broken-content.test.ts) prove the build prints the same text.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { contentProblems, type LoadedEntry } from '../../src/data/site';
import { formatProblems } from '../../src/utils/problems';
import { contentModel, type CollectionModel } from '../../src/model/registry';
import { splitFrontmatter } from '../../src/model/translation';

export interface LoaderOutcome {
  /** Files whose data failed their collection's schema, with the schema's messages. */
  schemaFailures: Array<{ file: string; messages: string[] }>;
  /** What the build would throw after loading (empty when nothing is wrong), as the build words it. */
  ruleText: string;
}

/** Every content file of `root` read and parsed by its collection's schema, as Astro's glob loader does. */
export async function loadContentEntries(root: string): Promise<{
  entries: LoadedEntry[];
  schemaFailures: LoaderOutcome['schemaFailures'];
}> {
  const entries: LoadedEntry[] = [];
  const schemaFailures: LoaderOutcome['schemaFailures'] = [];
  // The build's image() turns a path into image metadata; the rules need only that it is there.
  const image = () => z.string();
  for (const [collection, model] of Object.entries(contentModel) as Array<
    [string, CollectionModel]
  >) {
    const folder = join(root, model.folder);
    const names = (await readdir(folder, { recursive: true }))
      .map(String)
      .filter((name) => name.endsWith(model.extension))
      .sort();
    for (const name of names) {
      const file = `${model.folder}/${name}`;
      const text = await readFile(join(root, file), 'utf8');
      const raw: unknown = parse(
        model.extension === '.mdx' ? (splitFrontmatter(text).frontmatter ?? '') : text,
      );
      const schema =
        typeof model.schema === 'function'
          ? model.schema({ image } as unknown as Parameters<typeof model.schema>[0])
          : model.schema;
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        schemaFailures.push({ file, messages: parsed.error.issues.map((issue) => issue.message) });
        continue;
      }
      entries.push({
        id: name.replace(/\.[^.]+$/, ''),
        collection,
        filePath: file,
        data: parsed.data as object,
      });
    }
  }
  return { entries, schemaFailures };
}

/** Every content file of `root` through its schema, then the site's rules, as the build does. */
export async function loaderProblems(root: string): Promise<LoaderOutcome> {
  const { entries, schemaFailures } = await loadContentEntries(root);
  const problems = schemaFailures.length === 0 ? contentProblems(entries, root) : [];
  return { schemaFailures, ruleText: problems.length > 0 ? formatProblems(problems) : '' };
}
