import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const astroCli = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

/**
 * The environment of a child build: Vitest's own variables removed, since Vite reads `BASE_URL`,
 * `MODE` and `NODE_ENV` from the environment and would override the site's configuration.
 */
export function buildEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(key) ||
      key.startsWith('VITEST')
    )
      continue;
    env[key] = value;
  }
  return { ...env, ...extra, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' };
}

export interface BuildResult {
  code: number | null;
  output: string;
}

/** Runs a Node script with the Node running the tests, in `cwd`, collecting its output. */
export function runNode(
  args: string[],
  cwd: string,
  env?: Record<string, string>,
): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: buildEnvironment(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * Runs `astro build` for a project directory into `outDir`, with extra environment (e.g. BASE_PATH).
 * Uses the Node running the tests, so the build sees the same Node version.
 */
export function buildSite(options: {
  root?: string;
  outDir: string;
  env?: Record<string, string>;
}): Promise<BuildResult> {
  const root = options.root ?? projectRoot;
  return runNode(
    [astroCli, 'build', '--root', root, '--outDir', options.outDir],
    root,
    options.env,
  );
}
