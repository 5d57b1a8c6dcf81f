// The build benchmark (issues 8 and 14):
//   `npm run bench [-- --years 3 --units 60 --photos 20 --runs 3 --pdf on]`
// (the defaults, chosen to stay under 10 minutes on 2 cores; the issue's full size is
// --years 5 --units 150 --photos 600).
//
// Copies the project into a temporary folder (node_modules shared by symlinks, but with its own
// Astro cache), adds a scale corpus written with the real schemas (report years, units in both
// languages, 12-megapixel stand-in photos), then builds it several times and takes the median of:
// a cold build, a warm rebuild with no change, a rebuild after one MDX file of one year changed and
// after one photo changed; with the PDF edition on, the warm and MDX rebuilds are also made with
// NIANJIAN_PDF=fresh (every edition printed again, as before the PDF cache); the image phase
// against raw sharp doing the same transforms on the same photos, paired A B A B; each build's
// phases; search indexing; the PDF edition; the build's peak RSS.
// Writes bench/results/<date>.json and the table in BENCHMARKS.md. Not part of `npm test`.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { copyProjectTo } from './lib/project-copy.mjs';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { durationPattern, parseDuration } from './lib/astro-duration.mjs';
import { renderedAndReused } from './lib/astro-routes-log.mjs';
import { loadTypeScript } from './lib/load-ts.mjs';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const { values: options } = parseArgs({
  options: {
    years: { type: 'string', default: '3' },
    units: { type: 'string', default: '60' },
    photos: { type: 'string', default: '20' },
    runs: { type: 'string', default: '3' },
    /** on (cache), off, or fresh (every build prints every edition, as before the PDF cache). */
    pdf: { type: 'string', default: 'on' },
    keep: { type: 'boolean', default: false },
    /** Only the builds of the phase table: no raw sharp baseline, no "PDFs fresh" rebuilds. */
    quick: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    /** A results file to re-render the medians and BENCHMARKS.md from, without building. */
    from: { type: 'string' },
  },
});
const sizes = {
  years: Number(options.years),
  units: Number(options.units),
  photos: Number(options.photos),
};
const runs = Number(options.runs);
for (const [name, value] of Object.entries({ ...sizes, runs })) {
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a whole number ≥ 1 (got "${value}").`);
}
if (!['on', 'off', 'fresh'].includes(options.pdf))
  throw new Error(`--pdf must be on, off or fresh (got "${options.pdf}").`);

const log = (line) => console.log(`[bench] ${line}`);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// ---------------------------------------------------------------------------------------------
// The corpus

const firstYear = 2007;
/**
 * The phases of a build the bench times, in the order of the phase table (their sum + other =
 * total). `npm run build` (scripts/build.mjs) prints the content check and each post-build step;
 * Astro prints the rest.
 */
const buildPhases = [
  'checkSeconds',
  'startupSeconds',
  'typesSeconds',
  'bundleSeconds',
  'htmlSeconds',
  'imageSeconds',
  'searchSeconds',
  'pdfSeconds',
  'postBuildSeconds',
];

async function copyProject() {
  const root = await mkdtemp(join(os.tmpdir(), 'nianjian-bench-'));
  await copyProjectTo(projectRoot, root);
  return root;
}

/** Report years after the first: the first year's report, metrics and timeline under a new year. */
async function addYears(content) {
  for (let year = firstYear + 1; year < firstYear + sizes.years; year += 1) {
    const rename = (text) => text.replace(/^year: \d+$/m, `year: ${year}`);
    const zh = await readFile(join(content, 'reports', 'zh-cn', `${firstYear}.mdx`), 'utf8');
    for (const locale of ['zh-cn', 'en']) {
      const report = await readFile(join(content, 'reports', locale, `${firstYear}.mdx`), 'utf8');
      await writeFile(
        join(content, 'reports', locale, `${year}.mdx`),
        locale === 'en' ? restamp(rename(report), zh, rename(zh)) : rename(report),
      );
    }
    // The copied report names the first year's units, so the year has them too.
    await corpusLayout.copyUnits(content, firstYear, year);
    for (const collection of ['metrics', 'timelines']) {
      const data = await readFile(join(content, collection, `${firstYear}.yaml`), 'utf8');
      await writeFile(
        join(content, collection, `${year}.yaml`),
        data.replace(/^year: \d+$/m, `year: ${year}`),
      );
    }
  }
}

/**
 * Where the corpus's units live: the one place of the bench that knows the content layout
 * (`src/content/units/<locale>/<year>/<slug>.mdx`, one file per unit, year and language).
 */
const corpusLayout = {
  /** How many units the project has already (per language, in the first year). */
  async existingUnits(content) {
    return (await readdir(join(content, 'units', 'en', String(firstYear)))).length;
  },
  /** Writes a unit in one language: one file per year it is mentioned in (`units/<locale>/<year>/`). */
  async writeUnit(content, { locale, slug, name, years, body }) {
    for (const year of years) {
      const folder = join(content, 'units', locale, String(year));
      await mkdir(folder, { recursive: true });
      // An English unit records the fingerprint of its Chinese source, written first.
      const source = join(content, 'units', 'zh-cn', String(year), `${slug}.mdx`);
      const stamp =
        locale === 'en'
          ? `sourceHash: "${sourceFingerprint(await readFile(source, 'utf8'))}"\n`
          : '';
      const frontmatter = `---\nname: ${name}\nkind: team\nhighlighted: false\n${stamp}---\n\n`;
      await writeFile(join(folder, `${slug}.mdx`), `${frontmatter}${body}\n`);
    }
  },
  /**
   * Copies one year's unit files to another year (quotes and figures then name the new year). An
   * English file whose Chinese source was up to date is stamped with the copied source's
   * fingerprint, so `npm run check` (which `npm run build` runs) does not call it stale.
   */
  async copyUnits(content, fromYear, toYear) {
    const rename = (text) => text.replaceAll(`{${fromYear}}`, `{${toYear}}`);
    for (const locale of ['zh-cn', 'en']) {
      const from = join(content, 'units', locale, String(fromYear));
      const to = join(content, 'units', locale, String(toYear));
      await mkdir(to, { recursive: true });
      for (const file of await readdir(from)) {
        let text = rename(await readFile(join(from, file), 'utf8'));
        const source = join(content, 'units', 'zh-cn', String(fromYear), file);
        if (locale === 'en' && existsSync(source)) {
          const zh = await readFile(source, 'utf8');
          text = restamp(text, zh, rename(zh));
        }
        await writeFile(join(to, file), text);
      }
    }
  },
  /** The MDX file the "one MDX change in one year" rebuild edits: that year's English report. */
  oneYearMdx(content, year) {
    return join(content, 'reports', 'en', `${year}.mdx`);
  },
};

/**
 * What an English file records as `sourceHash` of its Chinese source: the content model's own
 * `sourceFingerprint` (src/model/translation.ts), loaded through Vite as the editors' commands load
 * the project's TypeScript.
 */
const { sourceFingerprint } = await (async () => {
  const { module, close } = await loadTypeScript('/src/model/translation.ts');
  await close();
  return module;
})();

/**
 * An English file whose `sourceHash` was up to date for the Chinese text `before`, stamped for the
 * Chinese text `after` (a stale one stays stale).
 */
function restamp(english, before, after) {
  const line = /^sourceHash:\s*["']?([0-9a-f]{12})["']?\s*$/m;
  const recorded = line.exec(english)?.[1];
  // Quoted: a fingerprint of digits only (or like 12e34…) would be read as a number.
  return recorded && recorded === sourceFingerprint(before)
    ? english.replace(line, `sourceHash: "${sourceFingerprint(after)}"`)
    : english;
}

/** Units up to `sizes.units` per language: plain prose bodies, mentioned in every report year. */
async function addUnits(content) {
  const existing = await corpusLayout.existingUnits(content);
  const years = Array.from({ length: sizes.years }, (_, index) => firstYear + index);
  const paragraph = {
    'zh-cn':
      '该单位大力推行班组轮值班长制，提高了每个员工思考问题、组织管理的能力；总结提炼出“六常法”，规范了员工的职业行为。',
    en:
      'The unit promoted the rotating team-leader system, improving every employee’s ability to think ' +
      'problems through and to organise and manage, and distilled the “Six Constants method”.',
  };
  for (let index = existing + 1; index <= sizes.units; index += 1) {
    const slug = `bench-unit-${String(index).padStart(4, '0')}`;
    for (const locale of ['zh-cn', 'en']) {
      const name = locale === 'en' ? `Benchmark unit ${index}` : `基准测试单位${index}`;
      const body = Array.from({ length: 6 }, () => paragraph[locale]).join('\n\n');
      await corpusLayout.writeUnit(content, { locale, slug, name, years, body });
    }
  }
}

/** Stand-in photos up to `sizes.photos`: the project's 12 MP samples, each re-encoded with its own tint. */
async function addPhotos(content) {
  const folder = join(content, 'photos');
  const samples = (await readdir(folder))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => basename(file, '.yaml'));
  const events = (await readdir(join(content, 'events', 'en'))).map((file) =>
    basename(file, '.yaml'),
  );
  const eventDates = {};
  for (const event of events) {
    const yaml = await readFile(join(content, 'events', 'en', `${event}.yaml`), 'utf8');
    eventDates[event] = /^date: (.+)$/m.exec(yaml)?.[1];
  }
  const jobs = [];
  for (let index = samples.length + 1; index <= sizes.photos; index += 1) {
    const slug = `bench-photo-${String(index).padStart(4, '0')}`;
    const sample = samples[index % samples.length];
    const event = events[index % events.length];
    jobs.push(async () => {
      await tintedCopy(join(folder, `${sample}.jpg`), join(folder, `${slug}.jpg`), index);
      const yaml = [
        `image: ./${slug}.jpg`,
        `order: ${1000 + index}`,
        `event: ${event}`,
        `date: ${eventDates[event]}`,
        'sample: true',
        'caption:',
        `  zh: 基准测试照片${index}。`,
        `  en: Benchmark photo ${index}.`,
        'alt:',
        `  zh: 基准测试用的示例图片${index}`,
        `  en: Sample image ${index} for the benchmark`,
        'credit:',
        '  zh: 示例图片（占位）。',
        '  en: Sample image (stand-in).',
      ].join('\n');
      await writeFile(join(folder, `${slug}.yaml`), `${yaml}\n`);
    });
  }
  await pool(jobs, os.availableParallelism());
}

/** A copy of a photo with its colours shifted, so every file is different (EXIF kept, as a camera writes it). */
function tintedCopy(from, to, seed) {
  return sharp(from)
    .modulate({ hue: (seed * 37) % 360, brightness: 0.9 + (seed % 5) * 0.05 })
    .keepMetadata()
    .jpeg({ quality: 90 })
    .toFile(to);
}

async function pool(jobs, concurrency) {
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (queue.length > 0) await queue.shift()();
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Builds

/**
 * Runs `npm run build` (the copy's scripts/build.mjs: content check, `astro build` into a staging
 * folder, the post-build steps, the swap into dist/) under /usr/bin/time (for the peak RSS of the
 * build and its children) and returns wall time, peak RSS and the phases the log reports.
 */
function build(root, env = {}) {
  const timeAvailable = existsSync('/usr/bin/time');
  const command = timeAvailable ? '/usr/bin/time' : process.execPath;
  const args = [
    ...(timeAvailable ? ['-v', process.execPath] : []),
    join(root, 'scripts', 'build.mjs'),
  ];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: {
        ...process.env,
        ...env,
        ASTRO_TELEMETRY_DISABLED: '1',
        FORCE_COLOR: '0',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0)
        return reject(
          new Error(
            `The benchmark build in ${root} failed (exit ${code}):\n${output.slice(-4000)}`,
          ),
        );
      resolve({ seconds, ...phases(output, seconds) });
    });
  });
}

/** Seconds from Astro's "✓ Completed in …" after a phase heading. */
function completedAfter(output, heading) {
  const at = output.indexOf(heading);
  if (at < 0) return undefined;
  const match = new RegExp(`✓ Completed in (${durationPattern})`).exec(output.slice(at));
  return match ? parseDuration(match[1]) : undefined;
}

/** The seconds scripts/build.mjs printed for one of its phases ("✓ phase <name>: 1.23 s"). */
function buildPhase(output, name) {
  const match = new RegExp(`✓ phase ${name}: ([\\d.]+) s`).exec(output);
  return match ? Number(match[1]) : undefined;
}

/** How many routes Astro rendered and reused from its incremental cache. */
function routeCounts(output) {
  const { rendered, reused } = renderedAndReused(output);
  return { rendered: rendered.length, reused: reused.length };
}

/** The post-build steps of scripts/build-steps.mjs, as the build log names them. */
const postBuildStepNames = ['CSP header', 'Precompression', 'Build record'];

function phases(output, wallSeconds) {
  const pages = Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? NaN);
  const astroTotal = new RegExp(`page\\(s\\) built in (${durationPattern})`).exec(output);
  const html = completedAfter(output, 'generating static routes');
  const images = completedAfter(output, 'generating optimized images') ?? 0;
  // "Indexed 120 pages … in 900 ms." or, with every page unchanged, "Search index unchanged (…): reused in 40 ms."
  const search = /(?:Indexed \d+ pages .* in|Search index unchanged .*: reused in) (\d+) ms/.exec(
    output,
  );
  const types = new RegExp(`\\[types\\] Generated (${durationPattern})`).exec(output);
  const bundle = [...output.matchAll(new RegExp(`\\[vite\\] ✓ built in (${durationPattern})`, 'g'))]
    .map((match) => parseDuration(match[1]) ?? 0)
    .reduce((sum, seconds) => sum + seconds, 0);
  // One line per printed PDF ("PDF edition 2007 en: 40 pages, 900 KB, 12.3 s → …"), one per
  // reused one ("…: unchanged, reused (900 KB) → …"), and the step's total.
  const printed = [...output.matchAll(/PDF edition \d+ [\w-]+: .*?, ([\d.]+) s →/g)].map((match) =>
    Number(match[1]),
  );
  const pdfStep = /PDF edition: \d+ editions, (\d+) printed, (\d+) reused, ([\d.]+) s in all/.exec(
    output,
  );
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(output);
  const imagesGenerated = output.split('\n').filter((line) => line.includes('▶ /_astro/')).length;
  const astroSeconds = astroTotal ? parseDuration(astroTotal[1]) : undefined;
  const checkSeconds = buildPhase(output, 'Content check');
  const astroProcessSeconds = buildPhase(output, 'astro build');
  const steps = Object.fromEntries(
    postBuildStepNames.map((name) => [name, buildPhase(output, name)]),
  );
  const postBuildSeconds = Object.values(steps).reduce((sum, value) => sum + (value ?? 0), 0);
  return {
    pages,
    ...routeCounts(output),
    astroSeconds,
    checkSeconds,
    /** Before Astro's build timer: Node and Vite start, configuration, integrations. */
    startupSeconds:
      astroSeconds !== undefined && astroProcessSeconds !== undefined
        ? astroProcessSeconds - astroSeconds
        : undefined,
    postBuildSeconds,
    precompressSeconds: steps['Precompression'],
    cspSeconds: steps['CSP header'],
    buildRecordSeconds: steps['Build record'],
    typesSeconds: types ? parseDuration(types[1]) : undefined,
    bundleSeconds: bundle,
    htmlSeconds: html,
    pagesPerSecond: html ? pages / html : undefined,
    imageSeconds: images,
    imagesGenerated,
    searchSeconds: search ? Number(search[1]) / 1000 : undefined,
    pdfSeconds: pdfStep
      ? Number(pdfStep[3])
      : printed.length > 0
        ? printed.reduce((sum, seconds) => sum + seconds, 0)
        : undefined,
    pdfPrinted: pdfStep ? Number(pdfStep[1]) : printed.length,
    pdfReused: pdfStep ? Number(pdfStep[2]) : 0,
    peakRssMB: rss ? Math.round(Number(rss[1]) / 1024) : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// The raw sharp baseline

/**
 * The transforms the build made for the photos, read back from dist/_astro and grouped by source
 * photo as Astro's image queue groups them: each rendition's format, width and height and the
 * build's bytes, to check that the baseline did the same work. Placeholders (data: URLs made in the
 * HTML phase) and chart files are not part of the image phase.
 */
async function photoTransforms(root) {
  const photos = join(root, 'src', 'content', 'photos');
  const sources = new Set(
    (await readdir(photos))
      .filter((file) => file.endsWith('.jpg'))
      .map((file) => basename(file, '.jpg')),
  );
  const outputs = (await readdir(join(root, 'dist', '_astro'))).filter((file) =>
    /\.(jpe?g|webp|avif|png)$/.test(file),
  );
  /** @type {Map<string, Array<{ width: number, height: number, format: string, built: Buffer }>>} */
  const bySource = new Map();
  for (const file of outputs.sort()) {
    const source = file.split('.')[0];
    if (!sources.has(source)) continue;
    const built = await readFile(join(root, 'dist', '_astro', file));
    const { width, height } = await sharp(built).metadata();
    const path = join(photos, `${source}.jpg`);
    if (!bySource.has(path)) bySource.set(path, []);
    bySource.get(path).push({ width, height, format: file.split('.').pop(), built });
  }
  return [...bySource].map(([source, renditions]) => ({ source, renditions }));
}

/**
 * The project's image service options, read from astro.config.mjs's
 * `sharpImageService({ avif: { effort: 2 } })` (a plain object literal of numbers and strings).
 */
async function serviceConfig() {
  const config = await readFile(join(projectRoot, 'astro.config.mjs'), 'utf8');
  const literal = /sharpImageService\((\{[^()]*\})\)/.exec(config)?.[1];
  if (!literal) return {};
  return JSON.parse(literal.replace(/([A-Za-z_]\w*)\s*:/g, '"$1":').replace(/'/g, '"'));
}

/**
 * Raw sharp doing what the build's image phase does (astro/dist/assets/services/sharp.js and
 * assets/build/generate.js): per source photo one job that reads the file once and makes its
 * renditions one after another, as many jobs at once as CPUs; each rendition decoded with
 * `failOn: 'none', pages: -1`, turned upright (`rotate()`), resized to the build's width and
 * height without enlargement, encoded with the service's options for its format and no metadata
 * (sharp's default, as in the build). Returns the seconds and how many renditions came out
 * byte-identical to the build's (all of them, when the work is the same).
 */
async function sharpBaseline(groups) {
  const config = await serviceConfig();
  sharp.cache(false);
  let identical = 0;
  let total = 0;
  const started = performance.now();
  await pool(
    groups.map(({ source, renditions }) => async () => {
      const input = await readFile(source);
      for (const { width, height, format, built } of renditions) {
        const image = sharp(input, { failOn: 'none', pages: -1 })
          .rotate()
          .resize({ width, height, withoutEnlargement: true });
        if (format === 'avif') image.avif({ ...config.avif });
        else if (format === 'webp') image.webp({ ...config.webp });
        else if (format === 'png') image.png({ ...config.png });
        else image.jpeg({ ...config.jpeg });
        const output = await image.toBuffer();
        total += 1;
        if (output.equals(built)) identical += 1;
      }
    }),
    os.availableParallelism(),
  );
  return { seconds: (performance.now() - started) / 1000, identical, total };
}

// ---------------------------------------------------------------------------------------------
// The run

function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? 'unknown CPU'} × ${os.availableParallelism()}`,
    memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    sharp: sharp.versions.sharp,
    vips: sharp.versions.vips,
  };
}

async function main() {
  if (options.from) {
    // Re-renders BENCHMARKS.md (and the medians) from a results file, without building.
    const result = JSON.parse(await readFile(resolve(options.from), 'utf8'));
    result.medians = medians(result.samples);
    await writeFile(resolve(options.from), `${JSON.stringify(result, null, 2)}\n`);
    await updateBenchmarks(result, relative(projectRoot, resolve(options.from)));
    console.log(JSON.stringify(result.medians, null, 2));
    return;
  }
  const root = await copyProject();
  log(
    `corpus in ${root}: ${sizes.years} report years, ${sizes.units} units × 2 languages, ${sizes.photos} photos`,
  );
  const content = join(root, 'src', 'content');
  await addYears(content);
  await addUnits(content);
  await addPhotos(content);
  const pdf = options.pdf;
  const env =
    pdf === 'off' ? { NIANJIAN_PDF: 'off' } : pdf === 'fresh' ? { NIANJIAN_PDF: 'fresh' } : {};
  // With the cache on, the warm and MDX rebuilds are made a second time with every edition printed
  // again (NIANJIAN_PDF=fresh): the "before" of the PDF cache, on the same corpus and machine.
  const before = pdf === 'on' && !options.quick;
  const loadAverage = () => os.loadavg().map((value) => Number(value.toFixed(2)));

  const samples = {
    cold: [],
    imageCold: [],
    warm: [],
    warmFresh: [],
    mdxChange: [],
    mdxChangeFresh: [],
    figureChange: [],
    photoChange: [],
    imagePairs: [],
    loadAverage: [],
  };
  const lastYear = firstYear + sizes.years - 1;
  let transforms = [];
  let edits = 0;
  /** One more sentence in the last year's English report: one edition of one year changes. */
  const editOneYear = async () => {
    edits += 1;
    const file = corpusLayout.oneYearMdx(content, lastYear);
    await writeFile(file, `${await readFile(file, 'utf8')}\nBenchmark edit ${edits}.\n`);
  };
  const step = async (name, list, stepEnv = env) => {
    samples.loadAverage.push({ step: name, before: loadAverage() });
    const sample = await build(root, stepEnv);
    sample.loadAverage = loadAverage();
    list.push(sample);
    const routes = `${sample.rendered} routes rendered, ${sample.reused} reused`;
    const pdfs =
      sample.pdfSeconds !== undefined
        ? `; PDF ${sample.pdfSeconds.toFixed(1)} s (${sample.pdfPrinted} printed, ${sample.pdfReused} reused)`
        : '';
    log(
      `${name}: ${sample.seconds.toFixed(1)} s (${routes}; images ${sample.imageSeconds.toFixed(1)} s${pdfs}); ` +
        `load average ${sample.loadAverage.join(' ')}`,
    );
    return sample;
  };
  try {
    for (let run = 1; run <= runs; run += 1) {
      for (const cache of [
        'dist',
        '.astro',
        join('node_modules', '.astro'),
        join('node_modules', '.vite'),
      ]) {
        await rm(join(root, cache), { recursive: true, force: true });
      }
      // The image phase and raw sharp, paired A B A B: load from other work hits both alike.
      const a1 = await step(`run ${run}: cold build`, samples.cold);
      if (run === 1 && !options.quick) transforms = await photoTransforms(root);
      if (options.quick) await step(`run ${run}: warm rebuild`, samples.warm);
      else {
        const b1 = await sharpBaseline(transforms);
        log(
          `run ${run}: raw sharp ${b1.seconds.toFixed(1)} s (${b1.identical}/${b1.total} identical)`,
        );
        await rm(join(root, 'node_modules', '.astro', 'assets'), { recursive: true, force: true });
        const a2 = await step(`run ${run}: rebuild with no image cache`, samples.imageCold);
        const b2 = await sharpBaseline(transforms);
        log(
          `run ${run}: raw sharp ${b2.seconds.toFixed(1)} s (${b2.identical}/${b2.total} identical)`,
        );
        samples.imagePairs.push(
          { image: a1.imageSeconds, sharp: b1.seconds, identical: b1.identical, total: b1.total },
          { image: a2.imageSeconds, sharp: b2.seconds, identical: b2.identical, total: b2.total },
        );
        await step(`run ${run}: warm rebuild`, samples.warm);
      }
      if (before)
        await step(`run ${run}: warm rebuild, PDFs fresh`, samples.warmFresh, {
          NIANJIAN_PDF: 'fresh',
        });
      await editOneYear();
      await step(`run ${run}: after one MDX change in ${lastYear}`, samples.mdxChange);
      if (before) {
        await editOneYear();
        await step(
          `run ${run}: after one MDX change in ${lastYear}, PDFs fresh`,
          samples.mdxChangeFresh,
          {
            NIANJIAN_PDF: 'fresh',
          },
        );
      }
      // One figure of the last year, its first (teams.total: 108 becomes 107, then 108 again).
      const figures = join(content, 'metrics', `${lastYear}.yaml`);
      const yaml = await readFile(figures, 'utf8');
      const changed = yaml.replace(
        /^(    value: )(\d+)$/m,
        (_, prefix, value) => `${prefix}${Number(value) + (run % 2 ? -1 : 1)}`,
      );
      await writeFile(figures, changed);
      await step(`run ${run}: after one figure change in ${lastYear}`, samples.figureChange);
      const photo = join(content, 'photos', 'musical.jpg');
      const original = await readFile(photo);
      await sharp(original)
        .modulate({ brightness: 1 + run / 100 })
        .keepMetadata()
        .jpeg({ quality: 90 })
        .toFile(`${photo}.new`);
      await cp(`${photo}.new`, photo);
      await rm(`${photo}.new`);
      await step(`run ${run}: after one photo change`, samples.photoChange);
    }
  } finally {
    if (!options.keep) await rm(root, { recursive: true, force: true });
  }

  const result = {
    date: new Date().toISOString(),
    machine: machine(),
    corpus: {
      ...sizes,
      pages: samples.cold[0].pages,
      photoTransforms: transforms.reduce((sum, group) => sum + group.renditions.length, 0),
      pdf,
    },
    runs,
    medians: medians(samples),
    samples,
  };
  console.log(JSON.stringify(result.medians, null, 2));
  if (options['no-write']) return;
  const stamp = result.date.slice(0, 16).replace(':', '');
  await mkdir(join(projectRoot, 'bench', 'results'), { recursive: true });
  const file = join(projectRoot, 'bench', 'results', `${stamp}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  await updateBenchmarks(result, `bench/results/${stamp}.json`);
  log(`wrote ${file} and BENCHMARKS.md`);
}

/**
 * The medians of the runs. The image-phase ratio is taken pair by pair (an image phase over the
 * raw sharp run right after it), so load from other work on a shared machine hits both sides of
 * each ratio alike; its spread is the lowest and highest pair.
 */
function medians(samples) {
  const numbers = (list, key) =>
    (list ?? [])
      .map((sample) => sample[key])
      .filter((value) => typeof value === 'number' && !Number.isNaN(value));
  const pick = (list, key) => {
    const values = numbers(list, key);
    return values.length > 0 ? median(values) : undefined;
  };
  const cold = samples.cold;
  // Results written before issue 14 have one unpaired baseline per run.
  const pairs =
    samples.imagePairs ??
    cold.map((sample, run) => ({ image: sample.imageSeconds, sharp: samples.sharpBaseline[run] }));
  const ratios = pairs.map((pair) => pair.image / pair.sharp);
  const phasesOf = (list) =>
    Object.fromEntries(
      [
        'seconds',
        ...buildPhases,
        'pdfPrinted',
        'pdfReused',
        'rendered',
        'reused',
        'cspSeconds',
        'precompressSeconds',
        'buildRecordSeconds',
      ].map((key) => [key, pick(list, key)]),
    );
  return {
    coldBuildSeconds: pick(cold, 'seconds'),
    warmRebuildSeconds: pick(samples.warm, 'seconds'),
    mdxChangeRebuildSeconds: pick(samples.mdxChange, 'seconds'),
    photoChangeRebuildSeconds: pick(samples.photoChange, 'seconds'),
    coldImagePhaseSeconds: pick(cold, 'imageSeconds'),
    sharpBaselineSeconds: median(pairs.map((pair) => pair.sharp)),
    imagePhaseToSharpRatio: median(ratios),
    imagePhaseToSharpRatioRange:
      ratios.length > 0 ? [Math.min(...ratios), Math.max(...ratios)] : [Number.NaN, Number.NaN],
    baselineIdentical: pairs[0]?.identical,
    baselineTotal: pairs[0]?.total,
    htmlPhaseSeconds: pick(cold, 'htmlSeconds'),
    pagesPerSecond: pick(cold, 'pagesPerSecond'),
    searchIndexSeconds: pick(cold, 'searchSeconds'),
    pdfSeconds: pick(cold, 'pdfSeconds'),
    warmPdfSeconds: pick(samples.warm, 'pdfSeconds'),
    peakRssMB: pick(cold, 'peakRssMB'),
    phases: {
      cold: phasesOf(cold),
      warm: phasesOf(samples.warm),
      warmFresh: phasesOf(samples.warmFresh),
      mdxChange: phasesOf(samples.mdxChange),
      mdxChangeFresh: phasesOf(samples.mdxChangeFresh),
      figureChange: phasesOf(samples.figureChange),
      photoChange: phasesOf(samples.photoChange),
    },
  };
}

/** Replaces the build table in BENCHMARKS.md (between its markers) with this run's medians. */
async function updateBenchmarks(result, resultsFile) {
  const path = join(projectRoot, 'BENCHMARKS.md');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const m = result.medians;
  const s = (value, digits = 1) =>
    typeof value === 'number' && !Number.isNaN(value) ? value.toFixed(digits) : 'n/a';
  const loads = (result.samples.loadAverage ?? []).map((entry) => entry.before[0]);
  const other = (phase) =>
    phase.seconds - buildPhases.reduce((sum, key) => sum + (phase[key] ?? 0), 0);
  const phaseRow = (label, phase) =>
    phase && phase.seconds !== undefined
      ? `| ${label} | ${s(phase.seconds)} | ${s(phase.checkSeconds)} | ${s(phase.startupSeconds)} | ` +
        `${s(phase.typesSeconds)} | ${s(phase.bundleSeconds)} | ${s(phase.htmlSeconds)} | ` +
        `${s(phase.rendered, 0)} / ${s(phase.reused, 0)} | ${s(phase.imageSeconds)} | ` +
        `${s(phase.searchSeconds)} | ${s(phase.pdfSeconds)} (${s(phase.pdfPrinted, 0)} printed, ` +
        `${s(phase.pdfReused, 0)} reused) | ${s(phase.cspSeconds)} · ${s(phase.precompressSeconds)} · ` +
        `${s(phase.buildRecordSeconds)} | ${s(other(phase))} |`
      : undefined;
  const p = m.phases ?? {};
  const { pdf } = result.corpus;
  // Results written before issue 14 say true/false.
  const pdfMode = pdf === false ? 'off' : pdf === true ? 'on' : pdf;
  const pairs =
    result.samples.imagePairs ??
    result.samples.cold.map((sample, run) => ({
      image: sample.imageSeconds,
      sharp: result.samples.sharpBaseline[run],
    }));
  const table = [
    start,
    `Machine: ${result.machine.cpu}, ${result.machine.memoryGB} GB RAM, ${result.machine.os}; ` +
      `Node ${result.machine.node}, sharp ${result.machine.sharp} (libvips ${result.machine.vips}).`,
    `Corpus: ${result.corpus.years} report years, ${result.corpus.units} units × 2 languages, ` +
      `${result.corpus.photos} photos at 12 MP → ${result.corpus.pages} pages, ` +
      `${result.corpus.photoTransforms} photo renditions; PDF edition ${pdfMode}. ` +
      `Median of ${result.runs} run${result.runs === 1 ? '' : 's'}, ` +
      `${result.date.slice(0, 16).replace('T', ' ')} UTC ` +
      `(\`${resultsFile ?? `bench/results/${result.date.slice(0, 10)}.json`}\`)` +
      (loads.length > 0
        ? `; 1-minute load average before each build ${Math.min(...loads).toFixed(1)}–` +
          `${Math.max(...loads).toFixed(1)}.`
        : '.'),
    '',
    '| Figure | Median |',
    '| --- | ---: |',
    `| Cold build | ${s(m.coldBuildSeconds)} s |`,
    `| Warm rebuild, no change | ${s(m.warmRebuildSeconds)} s |`,
    ...(p.warmFresh?.seconds !== undefined
      ? [
          '| Warm rebuild, no change, every PDF printed again (before the PDF cache) | ' +
            `${s(p.warmFresh.seconds)} s |`,
        ]
      : []),
    `| Rebuild after one MDX change in one year | ${s(m.mdxChangeRebuildSeconds)} s |`,
    ...(p.mdxChangeFresh?.seconds !== undefined
      ? [
          '| Rebuild after one MDX change in one year, every PDF printed again (before) | ' +
            `${s(p.mdxChangeFresh.seconds)} s |`,
        ]
      : []),
    `| Rebuild after one photo change | ${s(m.photoChangeRebuildSeconds)} s |`,
    `| Image phase (cold) | ${s(m.coldImagePhaseSeconds)} s |`,
    `| Raw sharp, same transforms and photos | ${s(m.sharpBaselineSeconds)} s |`,
    `| **Image phase ÷ raw sharp** (paired A B A B; lowest–highest pair) | **${s(m.imagePhaseToSharpRatio, 2)}×** ` +
      `(${s(m.imagePhaseToSharpRatioRange?.[0], 2)}–${s(m.imagePhaseToSharpRatioRange?.[1], 2)}) |`,
    ...(m.baselineTotal
      ? [
          `| Raw sharp renditions byte-identical to the build's | ${m.baselineIdentical} of ${m.baselineTotal} |`,
        ]
      : []),
    `| HTML phase (cold) | ${s(m.htmlPhaseSeconds)} s (${s(m.pagesPerSecond)} pages/s) |`,
    `| Search indexing | ${s(m.searchIndexSeconds, 2)} s |`,
    `| PDF edition (cold; warm rebuild) | ${s(m.pdfSeconds)} s; ${s(m.warmPdfSeconds)} s |`,
    `| Peak RSS of the build | ${s(m.peakRssMB, 0)} MB |`,
    '',
    ...(m.phases
      ? [
          'Where the time goes (seconds, medians) in `npm run build`. Check: the content check; ' +
            "Start: Astro's process before its build timer (Node, configuration, integrations); " +
            'Types: content sync and types; Bundle: Vite; HTML: the static routes phase, with the ' +
            'routes (pages and files) it rendered / reused from the incremental cache; Post-build: ' +
            'CSP header · precompression · build record; Other: the rest (build info, sitemap, ' +
            'copying files, the swap).',
          '',
          '| Build | Wall | Check | Start | Types | Bundle | HTML | Rendered / reused | Images | Search | PDF | ' +
            'Post-build | Other |',
          '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |',
          phaseRow('Cold', p.cold),
          phaseRow('Warm, no change', p.warm),
          phaseRow('Warm, no change, PDFs fresh', p.warmFresh),
          phaseRow('One MDX change', p.mdxChange),
          phaseRow('One MDX change, PDFs fresh', p.mdxChangeFresh),
          phaseRow('One figure change', p.figureChange),
          phaseRow('One photo change', p.photoChange),
          '',
        ].filter((line) => line !== undefined)
      : []),
    ...(pairs.length > 0
      ? [
          `Image phase / raw sharp, pair by pair: ${pairs
            .map(
              (pair) =>
                `${s(pair.image, 1)} s / ${s(pair.sharp, 1)} s = ${s(pair.image / pair.sharp, 2)}×`,
            )
            .join('; ')}.`,
        ]
      : ['No raw sharp comparison in this run (`--quick`).']),
    end,
  ].join('\n');
  const current = existsSync(path)
    ? await readFile(path, 'utf8')
    : `# Benchmarks\n\n${start}\n${end}\n`;
  const updated = current.includes(start)
    ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), table)
    : `${current.trimEnd()}\n\n## Build\n\n${table}\n`;
  await writeFile(path, updated);
}

await main();
