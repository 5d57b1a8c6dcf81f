// The browser suites read the three shared site variants (tests/support/sites.ts): the real site at
// the root and under `/report/`, and the three-year fixture. Chromium is looked up first so a missing
// browser fails loudly. NIANJIAN_TEST_SITES=root,years (say) builds only those.
import type { TestProject } from 'vitest/node';
import { findChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { provideSites } from '../support/sites';

export { basePath } from '../support/sites';

export default async function setup(project: TestProject) {
  findChromium();
  return provideSites(project, ['root', 'base', 'years']);
}
