// `npm run build` runs the content check beside `astro build` (scripts/build.mjs,
// scripts/lib/side-by-side.mjs). A content problem only the check refuses (a translation left stale
// by an edit of its Chinese source: Astro would build it) still stops the build: the check's
// problem is printed alone, none of Astro's lines, Astro is stopped (no process of it is left),
// and dist/ is untouched. The stopping itself, before and after Astro writes pages:
// tests/unit/build-pipeline.test.ts. Content problems Astro refuses too: commands.test.ts.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  copyProject,
  edit,
  fingerprintTree,
  removeFixtures,
  runScript,
  seedDist,
} from '../support/fixture';

afterAll(removeFixtures);

const hotelZh = 'src/content/units/zh-cn/2007/hotel.mdx';
const hotelEn = 'src/content/units/en/2007/hotel.mdx';

/** The command lines of the running processes that name `folder`. */
async function processesIn(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const status = await readFile(`/proc/${pid}/stat`, 'utf8');
      if (/^\d+ \(.*\) [ZX] /.test(status)) continue; // ended, not yet reaped
      const command = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
      if (command.includes(folder)) found.push(`${pid}: ${command}`);
    } catch {
      // ended while being read
    }
  }
  return found;
}

describe('npm run build: the content check beside astro build', () => {
  test('a problem only the check finds: its words alone, Astro stopped, dist/ untouched', async () => {
    const root = await copyProject();
    const before = await seedDist(root);
    await edit(root, hotelZh, '规范了员工职业行为', '规范了全体员工的职业行为');
    const result = await runScript(root, 'scripts/build.mjs');
    expect(result.code).toBe(1);
    expect(result.output).toContain(`${hotelEn}:8 — 字段 field "sourceHash"`);
    expect(result.output).toContain('译文已过期');
    expect(result.output).toContain('dist/ was left exactly as it was');
    // None of Astro's lines: they were held back, and dropped with the failed check.
    expect(result.output).not.toMatch(/\[(content|types|build|vite)\]/);
    expect(result.output).not.toContain('2/3');
    // Paused before its first page while the check ran, so it was killed, not let finish.
    expect(result.output).not.toContain('Astro had begun writing pages');
    expect(await fingerprintTree(join(root, 'dist'))).toBe(before);
    expect(existsSync(join(root, '.dist-tmp'))).toBe(false);
    expect(existsSync(join(root, '.build.lock'))).toBe(false);
    expect(await processesIn(root)).toEqual([]);
  });
});
