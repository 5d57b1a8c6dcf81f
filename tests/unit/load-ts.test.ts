// scripts/lib/load-ts.mjs runs the project's TypeScript from plain scripts (the editors' commands,
// the bench) through a Vite server. Vite sets NODE_ENV=development in the process when it is unset,
// and the bench then started every `astro build` in development mode (no chart cache: 8 s more per
// build on the 10-year corpus). Released, the loader leaves the process's environment as it was.
import { afterEach, expect, test } from 'vitest';
import { loadTypeScript } from '../../scripts/lib/load-ts.mjs';

const vitestNodeEnv = process.env.NODE_ENV;
afterEach(() => {
  process.env.NODE_ENV = vitestNodeEnv;
});

test('loads a module, and closing it leaves NODE_ENV as it found it (unset stays unset)', async () => {
  delete process.env.NODE_ENV;
  const { module, close } = await loadTypeScript('/src/model/translation.ts');
  expect(
    (module as { sourceFingerprint: (text: string) => string }).sourceFingerprint('x'),
  ).toMatch(/^[0-9a-f]{12}$/);
  await close();
  expect(process.env.NODE_ENV).toBeUndefined();
});
