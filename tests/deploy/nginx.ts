// Real nginx for the deploy tests: Debian's nginx with the brotli module, run as the test's own
// process on a free loopback port, with a temporary prefix and the project's deploy/ configuration
// pointed at a publish folder. Missing nginx or module fails the tests, never skips them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../support/build-site';

const nginxCandidates = ['/usr/sbin/nginx', '/usr/bin/nginx'];
/** Debian's `libnginx-mod-http-brotli-static`. Its modules-enabled snippet names it relative to nginx's
 * compiled prefix (/usr/share/nginx/modules → /usr/lib/nginx/modules), which a temporary prefix
 * replaces, so the tests load it by its absolute path. */
const brotliModuleCandidates = ['/usr/lib/nginx/modules/ngx_http_brotli_static_module.so'];

export const missingNginxMessage =
  'The deploy tests need nginx and its brotli module: `sudo apt-get install nginx libnginx-mod-http-brotli-static` ' +
  '(.ci/run installs both), or set NGINX_PATH and NGINX_BROTLI_MODULE.';

/** The nginx executable and the brotli module to load; throws, saying what to install, if either is missing. */
export function findNginx(): { nginx: string; brotliModule: string } {
  const nginx = process.env.NGINX_PATH ?? nginxCandidates.find((path) => existsSync(path));
  const brotliModule =
    process.env.NGINX_BROTLI_MODULE ?? brotliModuleCandidates.find((path) => existsSync(path));
  if (!nginx || !existsSync(nginx) || !brotliModule || !existsSync(brotliModule))
    throw new Error(missingNginxMessage);
  return { nginx, brotliModule };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('No free port on 127.0.0.1');
  return address.port;
}

/**
 * Waits until this nginx serves `port`. Something answering there is not enough (another process
 * may have taken the port, and nginx retries its bind for 2.5 s before it exits saying so): nginx
 * writes its pid file only once it has bound every port, so that file naming this nginx is the sign.
 */
async function waitForPort(
  port: number,
  child: ChildProcess,
  pidFile: string,
  log: () => Promise<string>,
): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (child.exitCode !== null)
      throw new Error(`nginx exited (${child.exitCode}):\n${await log()}`);
    const bound = (await readFile(pidFile, 'utf8').catch(() => '')).trim() === String(child.pid);
    const open =
      bound &&
      (await new Promise<boolean>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
        socket.on('error', () => resolve(false));
      }));
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not answer on port ${port}:\n${await log()}`);
}

export interface RunningNginx {
  /** The site's address, ending in its base path, e.g. http://127.0.0.1:41234/ */
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts nginx with deploy/nginx.conf (or, for `basePath: '/report/'`, deploy/nginx.base-path.conf)
 * serving the publish folder `target` (`target/current` is the live release). `server`: the text to
 * use instead of that file (a host that serves the report beside other applications), with
 * /srv/nianjian and `listen 80;` replaced the same way.
 */
export async function startNginx(
  target: string,
  options: { basePath?: string; server?: string } = {},
): Promise<RunningNginx> {
  // The port is free when freePort() looks, not necessarily a moment later when nginx binds it:
  // another process (a test file running beside this one, another user's server) may take it
  // first. nginx then exits saying so; try another port rather than fail the run.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startNginxOnce(target, options);
    } catch (error) {
      if (attempt >= 5 || !String(error).includes('Address already in use')) throw error;
    }
  }
}

async function startNginxOnce(
  target: string,
  options: { basePath?: string; server?: string },
): Promise<RunningNginx> {
  const { nginx, brotliModule } = findNginx();
  const basePath = options.basePath ?? '/';
  const prefix = await mkdtemp(join(tmpdir(), 'nianjian-nginx-'));
  const port = await freePort();
  const pidFile = join(prefix, 'nginx.pid');
  await mkdir(join(prefix, 'conf'), { recursive: true });
  await copyFile(
    join(projectRoot, 'deploy', 'site.conf'),
    join(prefix, 'conf', 'nianjian-site.conf'),
  );
  const serverFile = basePath === '/' ? 'nginx.conf' : 'nginx.base-path.conf';
  const server = (
    options.server ?? (await readFile(join(projectRoot, 'deploy', serverFile), 'utf8'))
  )
    .replaceAll('/srv/nianjian', target)
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`);
  await writeFile(join(prefix, 'conf', 'nianjian.conf'), server);
  // The main configuration as Debian's, reduced to what a test needs: logs and temp files in the prefix.
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
    (kind) => `${kind}_temp_path ${join(prefix, `${kind}_temp`)};`,
  );
  await writeFile(
    join(prefix, 'conf', 'nginx.conf'),
    [
      `load_module ${brotliModule};`,
      // As root, nginx's workers would switch to `nobody`, who may not read the test's folders.
      ...(process.getuid?.() === 0 ? [`user ${userInfo().username};`] : []),
      'daemon off;',
      'worker_processes 1;',
      `pid ${pidFile};`,
      `error_log ${join(prefix, 'error.log')} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '  sendfile on;',
      '  tcp_nopush on;',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      // Debian turns gzip on for the whole http block; the site's server block must cope with that.
      '  gzip on;',
      ...temp.map((line) => `  ${line}`),
      '  include nianjian.conf;',
      '}',
      '',
    ].join('\n'),
  );
  const config = join(prefix, 'conf', 'nginx.conf');
  const test = spawnSync(
    nginx,
    ['-t', '-p', prefix, '-c', config, '-e', join(prefix, 'error.log')],
    { encoding: 'utf8' },
  );
  if (test.status !== 0) throw new Error(`nginx -t rejected the configuration:\n${test.stderr}`);
  const child = spawn(nginx, ['-p', prefix, '-c', config, '-e', join(prefix, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const log = async () =>
    `${stderr}${await readFile(join(prefix, 'error.log'), 'utf8').catch(() => '')}`;
  try {
    await waitForPort(port, child, pidFile, log);
  } catch (error) {
    child.kill('SIGKILL');
    await rm(prefix, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGQUIT');
        await exited;
      }
      await rm(prefix, { recursive: true, force: true });
    },
  };
}

/**
 * Publishes `build` into a new temporary publish folder (as `npm run publish` does) and serves it
 * with nginx; `stop()` ends nginx and removes the folder.
 */
export async function servePublished(build: string): Promise<RunningNginx & { target: string }> {
  const { publish } = await import('../../scripts/lib/releases.mjs');
  const target = await mkdtemp(join(tmpdir(), 'nianjian-publish-'));
  await publish({ build, target, root: projectRoot });
  const nginx = await startNginx(target);
  return {
    ...nginx,
    target,
    stop: async () => {
      await nginx.stop();
      await rm(target, { recursive: true, force: true });
    },
  };
}
