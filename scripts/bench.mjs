// The build benchmark (issue 8):
//   `npm run bench [-- --years 3 --units 60 --photos 20 --runs 3 --pdf on]`
// (the defaults, chosen to stay under 10 minutes on 2 cores; the issue's full size is
// --years 5 --units 150 --photos 600).
//
// Copies the project into a temporary folder (node_modules shared by symlinks, but with its own
// Astro cache), adds a scale corpus written with the real schemas (report years, units in both
// languages, 12-megapixel stand-in photos), then builds it several times and takes the median of:
// a cold build, a warm rebuild with no change, a rebuild after one MDX file changed and after one
// photo changed; the image phase against raw sharp doing the same transforms on the same photos;
// pages per second of the HTML phase; search indexing; the PDF edition; the build's peak RSS.
// Writes bench/results/<date>.json and the table in BENCHMARKS.md. Not part of `npm test`.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const { values: options } = parseArgs({
  options: {
    years: { type: 'string', default: '3' },
    units: { type: 'string', default: '60' },
    photos: { type: 'string', default: '20' },
    runs: { type: 'string', default: '3' },
    pdf: { type: 'string', default: 'on' },
    keep: { type: 'boolean', default: false },
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

const log = (line) => console.log(`[bench] ${line}`);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// ---------------------------------------------------------------------------------------------
// The corpus

/** What a copy of the project needs to build (as tests/support/fixture-site.ts). */
const projectEntries = [
  'src',
  'public',
  'scripts',
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
];
const firstYear = 2007;

async function copyProject() {
  const root = await mkdtemp(join(os.tmpdir(), 'nianjian-bench-'));
  for (const entry of projectEntries)
    await cp(join(projectRoot, entry), join(root, entry), { recursive: true });
  // Every package by symlink, but a node_modules folder of its own: Astro keeps its cache (images,
  // content store) in node_modules/.astro, and a cold build must not find the project's.
  await mkdir(join(root, 'node_modules'));
  for (const entry of await readdir(join(projectRoot, 'node_modules'))) {
    if (entry === '.astro' || entry === '.vite' || entry === '.vite-temp') continue;
    await symlink(join(projectRoot, 'node_modules', entry), join(root, 'node_modules', entry));
  }
  return root;
}

/** Report years after the first: the first year's report, metrics and timeline under a new year. */
async function addYears(content) {
  for (let year = firstYear + 1; year < firstYear + sizes.years; year += 1) {
    for (const locale of ['zh-cn', 'en']) {
      const report = await readFile(join(content, 'reports', locale, `${firstYear}.mdx`), 'utf8');
      await writeFile(
        join(content, 'reports', locale, `${year}.mdx`),
        report.replace(/^year: \d+$/m, `year: ${year}`),
      );
    }
    for (const collection of ['metrics', 'timelines']) {
      const data = await readFile(join(content, collection, `${firstYear}.yaml`), 'utf8');
      await writeFile(
        join(content, collection, `${year}.yaml`),
        data.replace(/^year: \d+$/m, `year: ${year}`),
      );
    }
  }
}

/** Units up to `sizes.units` per language: plain prose bodies, mentioned in every report year. */
async function addUnits(content) {
  const existing = (await readdir(join(content, 'units', 'en'))).length;
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
      const frontmatter = `---\nname: ${name}\nkind: team\nyears: [${years.join(', ')}]\nhighlighted: false\n---\n\n`;
      await writeFile(join(content, 'units', locale, `${slug}.mdx`), `${frontmatter}${body}\n`);
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
 * Runs `astro build` under /usr/bin/time (for the peak RSS of the build process and its children)
 * and returns wall time, peak RSS and the phases Astro and our integrations report in the log.
 */
function build(root, env = {}) {
  const astro = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const timeAvailable = existsSync('/usr/bin/time');
  const command = timeAvailable ? '/usr/bin/time' : process.execPath;
  const args = [...(timeAvailable ? ['-v', process.execPath] : []), astro, 'build', '--root', root];
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
      resolve({ seconds, ...phases(output) });
    });
  });
}

/** Seconds from Astro's "✓ Completed in 1.2s" / "in 850ms" after a phase heading. */
function completedAfter(output, heading) {
  const at = output.indexOf(heading);
  if (at < 0) return undefined;
  const match = /✓ Completed in ([\d.]+)(ms|s|m)/.exec(output.slice(at));
  if (!match) return undefined;
  const value = Number(match[1]);
  return match[2] === 'ms' ? value / 1000 : match[2] === 'm' ? value * 60 : value;
}

function phases(output) {
  const pages = Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? NaN);
  const html = completedAfter(output, 'generating static routes');
  const images = completedAfter(output, 'generating optimized images') ?? 0;
  const search = /Indexed \d+ pages .* in (\d+) ms/.exec(output);
  // One line per PDF ("PDF edition 2007 en: 40 pages, 900 KB, 12.3 s → …"), made one after another.
  const pdfs = [...output.matchAll(/PDF edition \d+ [\w-]+: .*?, ([\d.]+) s →/g)].map((match) =>
    Number(match[1]),
  );
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(output);
  const imagesGenerated = output.split('\n').filter((line) => line.includes('▶ /_astro/')).length;
  return {
    pages,
    htmlSeconds: html,
    pagesPerSecond: html ? pages / html : undefined,
    imageSeconds: images,
    imagesGenerated,
    searchSeconds: search ? Number(search[1]) / 1000 : undefined,
    pdfSeconds: pdfs.length > 0 ? pdfs.reduce((sum, seconds) => sum + seconds, 0) : undefined,
    peakRssMB: rss ? Math.round(Number(rss[1]) / 1024) : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// The raw sharp baseline

/**
 * The transforms the build made for the photos, read back from dist/_astro: source file, output
 * format and width, as Astro's sharp service applies them (rotate, resize, encode with the
 * project's encoder options). Placeholders and chart files are not part of the image phase.
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
  const transforms = [];
  for (const file of outputs) {
    const source = file.split('.')[0];
    if (!sources.has(source)) continue;
    const { width } = await sharp(join(root, 'dist', '_astro', file)).metadata();
    transforms.push({
      source: join(photos, `${source}.jpg`),
      width,
      format: file.split('.').pop(),
    });
  }
  return transforms;
}

/** The project's encoder options, as in astro.config.mjs (sharpImageService({ avif: { effort } })). */
async function encoderOptions() {
  const config = await readFile(join(projectRoot, 'astro.config.mjs'), 'utf8');
  const effort = /avif:\s*\{\s*effort:\s*(\d+)/.exec(config)?.[1];
  return { avif: effort ? { effort: Number(effort) } : {}, webp: {}, jpeg: {} };
}

async function sharpBaseline(transforms) {
  const encoders = await encoderOptions();
  sharp.cache(false);
  const started = performance.now();
  await pool(
    transforms.map(({ source, width, format }) => async () => {
      const buffer = await readFile(source);
      const image = sharp(buffer, { failOn: 'none' })
        .rotate()
        .resize({ width, withoutEnlargement: true });
      if (format === 'avif') await image.avif(encoders.avif).toBuffer();
      else if (format === 'webp') await image.webp(encoders.webp).toBuffer();
      else await image.jpeg(encoders.jpeg).toBuffer();
    }),
    // Astro's image queue runs one transform per CPU; so does the baseline.
    os.availableParallelism(),
  );
  return (performance.now() - started) / 1000;
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
    await updateBenchmarks(result);
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
  const env = options.pdf === 'off' ? { NIANJIAN_PDF: 'off' } : {};

  const samples = { cold: [], warm: [], mdxChange: [], photoChange: [], sharpBaseline: [] };
  let transforms = [];
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
      samples.cold.push(await build(root, env));
      log(`run ${run}: cold build ${samples.cold.at(-1).seconds.toFixed(1)} s`);
      if (run === 1) transforms = await photoTransforms(root);
      samples.sharpBaseline.push(await sharpBaseline(transforms));
      log(
        `run ${run}: raw sharp, same ${transforms.length} transforms: ${samples.sharpBaseline.at(-1).toFixed(1)} s`,
      );
      samples.warm.push(await build(root, env));
      log(`run ${run}: warm rebuild ${samples.warm.at(-1).seconds.toFixed(1)} s`);
      const unit = join(content, 'units', 'en', 'hotel.mdx');
      await writeFile(unit, `${await readFile(unit, 'utf8')}\nBenchmark edit ${run}.\n`);
      samples.mdxChange.push(await build(root, env));
      log(`run ${run}: after one MDX change ${samples.mdxChange.at(-1).seconds.toFixed(1)} s`);
      const photo = join(content, 'photos', 'musical.jpg');
      const original = await readFile(photo);
      await sharp(original)
        .modulate({ brightness: 1 + run / 100 })
        .keepMetadata()
        .jpeg({ quality: 90 })
        .toFile(`${photo}.new`);
      await cp(`${photo}.new`, photo);
      await rm(`${photo}.new`);
      samples.photoChange.push(await build(root, env));
      log(`run ${run}: after one photo change ${samples.photoChange.at(-1).seconds.toFixed(1)} s`);
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
      photoTransforms: transforms.length,
      pdf: options.pdf !== 'off',
    },
    runs,
    medians: medians(samples),
    samples,
  };
  console.log(JSON.stringify(result.medians, null, 2));
  if (options['no-write']) return;
  const day = result.date.slice(0, 10);
  await mkdir(join(projectRoot, 'bench', 'results'), { recursive: true });
  const file = join(projectRoot, 'bench', 'results', `${day}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  await updateBenchmarks(result);
  log(`wrote ${file} and BENCHMARKS.md`);
}

/**
 * The medians of the runs. The image-phase ratio is taken run by run (the cold build's image phase
 * over the raw sharp baseline of the same run), so load from other work on a shared machine hits
 * both sides of each ratio alike.
 */
function medians(samples) {
  const pick = (list, key) =>
    median(
      list
        .map((sample) => sample[key])
        .filter((value) => typeof value === 'number' && !Number.isNaN(value)),
    );
  const cold = samples.cold;
  return {
    coldBuildSeconds: pick(cold, 'seconds'),
    warmRebuildSeconds: pick(samples.warm, 'seconds'),
    mdxChangeRebuildSeconds: pick(samples.mdxChange, 'seconds'),
    photoChangeRebuildSeconds: pick(samples.photoChange, 'seconds'),
    coldImagePhaseSeconds: pick(cold, 'imageSeconds'),
    sharpBaselineSeconds: median(samples.sharpBaseline),
    imagePhaseToSharpRatio: median(
      cold.map((sample, run) => sample.imageSeconds / samples.sharpBaseline[run]),
    ),
    htmlPhaseSeconds: pick(cold, 'htmlSeconds'),
    pagesPerSecond: pick(cold, 'pagesPerSecond'),
    searchIndexSeconds: pick(cold, 'searchSeconds'),
    pdfSeconds: pick(cold, 'pdfSeconds'),
    warmPdfSeconds: pick(samples.warm, 'pdfSeconds'),
    peakRssMB: pick(cold, 'peakRssMB'),
  };
}

/** Replaces the build table in BENCHMARKS.md (between its markers) with this run's medians. */
async function updateBenchmarks(result) {
  const path = join(projectRoot, 'BENCHMARKS.md');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const m = result.medians;
  const s = (value, digits = 1) =>
    typeof value === 'number' && !Number.isNaN(value) ? value.toFixed(digits) : 'n/a';
  const table = [
    start,
    `Machine: ${result.machine.cpu}, ${result.machine.memoryGB} GB RAM, ${result.machine.os}; ` +
      `Node ${result.machine.node}, sharp ${result.machine.sharp} (libvips ${result.machine.vips}).`,
    `Corpus: ${result.corpus.years} report years, ${result.corpus.units} units × 2 languages, ` +
      `${result.corpus.photos} photos at 12 MP → ${result.corpus.pages} pages, ` +
      `${result.corpus.photoTransforms} photo renditions; PDF edition ${result.corpus.pdf ? 'on' : 'off'}. ` +
      `Median of ${result.runs} runs, ${result.date.slice(0, 16).replace('T', ' ')} UTC ` +
      `(\`bench/results/${result.date.slice(0, 10)}.json\`).`,
    '',
    '| Figure | Median |',
    '| --- | ---: |',
    `| Cold build | ${s(m.coldBuildSeconds)} s |`,
    `| Warm rebuild, no change | ${s(m.warmRebuildSeconds)} s |`,
    `| Rebuild after one MDX change | ${s(m.mdxChangeRebuildSeconds)} s |`,
    `| Rebuild after one photo change | ${s(m.photoChangeRebuildSeconds)} s |`,
    `| Image phase (cold) | ${s(m.coldImagePhaseSeconds)} s |`,
    `| Raw sharp, same transforms and photos | ${s(m.sharpBaselineSeconds)} s |`,
    `| **Image phase ÷ raw sharp** | **${s(m.imagePhaseToSharpRatio, 2)}×** |`,
    `| HTML phase (cold) | ${s(m.htmlPhaseSeconds)} s (${s(m.pagesPerSecond)} pages/s) |`,
    `| Search indexing | ${s(m.searchIndexSeconds, 2)} s |`,
    `| PDF edition (cold; warm rebuild) | ${s(m.pdfSeconds)} s; ${s(m.warmPdfSeconds)} s |`,
    `| Peak RSS of the build | ${s(m.peakRssMB, 0)} MB |`,
    '',
    `Run by run (cold build / image phase / raw sharp / ratio): ${result.samples.cold
      .map(
        (sample, run) =>
          `${s(sample.seconds, 0)} s / ${s(sample.imageSeconds, 0)} s / ` +
          `${s(result.samples.sharpBaseline[run], 0)} s / ` +
          `${s(sample.imageSeconds / result.samples.sharpBaseline[run], 2)}×`,
      )
      .join('; ')}.`,
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
