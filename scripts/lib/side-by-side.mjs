// `npm run build` runs the content check and `astro build` at the same time (two cores: the check
// takes ~6 s of one while Astro starts and bundles, mostly on the other). What it keeps from the
// check running first: the check's problems are printed alone, all at once, never mixed with
// Astro's lines; a failed check stops the build and leaves dist/ untouched. Astro's output is held
// back until the check has passed, then printed as it comes.
import { spawn } from 'node:child_process';

/**
 * The line Astro prints before it renders and writes pages. From then on it writes its incremental
 * build's page copies (node_modules/.astro/dist/) and records them only at its end, so it must not
 * be killed once it has written one: a copy newer than its record could later be restored as the
 * old page. `npm run build` pauses it at this line while the check still runs (on the 10-year
 * corpus the check ends seconds before: no pause), so that a failed check finds it with no page
 * written, and kills it.
 */
export const renderingStarted = 'generating static routes';

/** A page Astro has written (or restored), as it logs it: "21:15:59   ├─ /2016/index.html (+12ms)". */
const pageLine = /[├└]─ \//;

/** Whether Astro's output shows it has written a page. */
export function hasWrittenPages(/** @type {string} */ output) {
  const start = output.indexOf(renderingStarted);
  return start >= 0 && pageLine.test(output.slice(start));
}

/**
 * Starts `node <args>` with its output collected. `group`: in a process group of its own, so
 * that it and whatever it starts (Chromium for the PDF edition) can be paused and killed together.
 * `onOutput(chunk, stream)` sees each chunk as it comes.
 * @param {string[]} args
 * @param {{
 *   cwd: string, env?: NodeJS.ProcessEnv, group?: boolean,
 *   onOutput?: (chunk: Buffer, stream: 'stdout' | 'stderr') => void,
 * }} options
 */
export function startNode(args, { cwd, env = process.env, group = false, onOutput }) {
  const child = spawn(process.execPath, args, {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // A group of its own on Linux and macOS. Not on Windows: there a detached child gets a console
    // window of its own, and there are no process groups or SIGSTOP (signalGroup then returns
    // false: Astro is never paused, and a failed check waits for it to end, its result unused).
    detached: group && process.platform !== 'win32',
    windowsHide: true,
  });
  let output = '';
  for (const stream of /** @type {const} */ (['stdout', 'stderr'])) {
    child[stream].on('data', (chunk) => {
      output += chunk.toString();
      onOutput?.(chunk, stream);
    });
  }
  /** @type {Promise<{ code: number, output: string }>} */
  const done = new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: 1, output: `${output}${String(error)}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
  return { child, done, output: () => output };
}

/** Sends `signal` to the process group led by `pid`; false when it is gone. */
export function signalGroup(
  /** @type {number | undefined} */ pid,
  /** @type {NodeJS.Signals} */ signal,
) {
  if (pid === undefined) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops a run of `astro build` started with `group: true` whose result is no longer wanted. It is
 * paused first; its output up to the pause is read (a piped stdout is written synchronously on
 * Linux, so every line it printed is in the pipe). Before it wrote a page it is killed; after, it
 * is let run to its end (rare: see `renderingStarted`), so that its incremental-build record
 * matches its page copies.
 * @param {ReturnType<typeof startNode>} run
 * @returns {Promise<'ended' | 'killed' | 'finished'>} `ended`: it had ended already; `finished`: let
 *   run to its end.
 */
export async function stopAstro(run) {
  const pid = run.child.pid;
  if (run.child.exitCode !== null || !signalGroup(pid, 'SIGSTOP')) {
    await run.done;
    return 'ended';
  }
  // Read what it printed before the pause: wait until no output came for 100 ms.
  let seen = run.output().length;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (run.output().length === seen) break;
    seen = run.output().length;
  }
  if (hasWrittenPages(run.output())) {
    signalGroup(pid, 'SIGCONT');
    await run.done;
    return 'finished';
  }
  signalGroup(pid, 'SIGKILL');
  await run.done;
  return 'killed';
}

/**
 * Kills the process group of a run started with `group: true` if it is still running: for a
 * build that exits (Ctrl-C) while Astro runs in its own group, which the terminal does not reach.
 * @param {ReturnType<typeof startNode>} run
 */
export function killGroupSync(run) {
  if (run.child.exitCode !== null || run.child.signalCode !== null) return;
  // As the terminal's Ctrl-C would have; SIGCONT in case it was paused by stopAstro.
  if (signalGroup(run.child.pid, 'SIGTERM')) signalGroup(run.child.pid, 'SIGCONT');
}
