// `npm run check:arch`: the architecture rules of .dependency-cruiser.cjs (no cycles, layers one way,
// src/ never imports scripts/, utils/ knows no domain), checked by dependency-cruiser over src/ and
// scripts/. dependency-cruiser cannot read .astro files, so it reads a copy of the tree in which
// each `X.astro` is `X.astro.ts` holding the component's frontmatter and <script> blocks: an import
// of `./X.astro` resolves to it, and the report names it `X.astro` again.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise } from 'dependency-cruiser';
import { projectRoot } from './lib/load-ts.mjs';

const config = createRequire(import.meta.url)(join(projectRoot, '.dependency-cruiser.cjs'));
// Packages are neither followed nor checked (includeOnly), so the copy needs no node_modules/.
const copy = await mkdtemp(join(tmpdir(), 'nianjian-architecture-'));
const folders = ['src', 'scripts'];
const code = /\.(?:ts|mts|mjs|js|cjs)$/;
// What editors write is data, never imported by code.
const skipped = new Set(['src/content']);

/** The imports of a component: its frontmatter and its bundled (not inline) <script> blocks. */
function astroImports(text) {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script(?![^>]*\bis:inline)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => match[1],
  );
  return [frontmatter, ...scripts].join('\n;\n');
}

async function copyTree(folder) {
  if (skipped.has(folder)) return;
  for (const entry of await readdir(join(projectRoot, folder), { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) await copyTree(path);
    else if (code.test(entry.name) || entry.name.endsWith('.astro')) {
      const text = await readFile(join(projectRoot, path), 'utf8');
      const [target, body] = path.endsWith('.astro')
        ? [`${path}.ts`, astroImports(text)]
        : [path, text];
      await mkdir(dirname(join(copy, target)), { recursive: true });
      await writeFile(join(copy, target), body);
    }
  }
}

for (const folder of folders) await copyTree(folder);

const result = await cruise(
  folders,
  {
    ...config.options,
    baseDir: copy,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
    outputType: 'json',
  },
  { extensions: ['.ts', '.mts', '.mjs', '.js', '.cjs'] },
);
await rm(copy, { recursive: true, force: true });

const { summary, modules } = JSON.parse(result.output);
const shown = (path) => path.replace(/\.astro\.ts$/, '.astro');
const violations = summary.violations.map((violation) => {
  const cycle = violation.cycle?.map((step) => shown(step.name ?? step)).join(' → ');
  const rule = config.forbidden.find((candidate) => candidate.name === violation.rule.name);
  return [
    `✗ ${violation.rule.name}: ${shown(violation.from)} → ${shown(violation.to)}`,
    ...(cycle ? [`    cycle: ${shown(violation.from)} → ${cycle}`] : []),
    ...(rule?.comment ? [`    ${rule.comment}`] : []),
  ].join('\n');
});
const dependencies = modules.reduce((total, module) => total + module.dependencies.length, 0);
const counts = `${summary.totalCruised} modules, ${dependencies} dependencies, ${config.forbidden.length} rules`;
if (dependencies === 0) {
  // Nothing resolved means nothing was checked: never a pass.
  console.error(
    `没有找到任何依赖，检查没有进行。No dependency was found, so nothing was checked (${counts}).`,
  );
  process.exit(1);
}
if (violations.length > 0) {
  console.error(violations.join('\n'));
  console.error(
    `\n${violations.length} 处违反架构规则（.dependency-cruiser.cjs）。` +
      `${violations.length} architecture rule violation(s) (.dependency-cruiser.cjs); ${counts}.`,
  );
  process.exit(1);
}
console.log(`架构规则全部通过。Architecture rules: 0 violations, 0 cycles (${counts}).`);
