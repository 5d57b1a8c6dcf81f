import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The 2007 source document, committed with the project (sources/2007/README.md says where it comes from). */
export const sourceTextFile = fileURLToPath(
  new URL('../../sources/2007/magazine-spread.txt', import.meta.url),
);

/** The whole source document, as committed. */
export function readSourceText(): string {
  return readFileSync(sourceTextFile, 'utf8');
}
