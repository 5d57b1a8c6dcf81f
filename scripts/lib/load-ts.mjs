// Runs the project's TypeScript modules from a plain Node script, through Vite (the same module
// pipeline as the build), so editor commands reuse the real schemas and utilities.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Imports a TypeScript module of the project. With `astro: true` the module may import Astro's
 * virtual modules (`astro:content`, used by the schemas' `reference()`): the Vite configuration
 * then comes from Astro itself (`getViteConfig`), as in the test runner.
 * Returns the module and a function that releases the Vite server.
 */
export async function loadTypeScript(modulePath, { astro = false } = {}) {
  const { createServer, createServerModuleRunner } = await import('vite');
  // Vite's server sets NODE_ENV=development in this process when it is unset; every process this
  // one starts afterwards would inherit it (an `astro build` started by the bench then built in
  // development mode: no chart cache, 8 s more per build). `close()` puts it back.
  const nodeEnv = process.env.NODE_ENV;
  let config = { configFile: false, root: projectRoot, logLevel: 'silent' };
  if (astro) {
    const { getViteConfig } = await import('astro/config');
    const configFn = getViteConfig(
      { logLevel: 'silent', server: { middlewareMode: true, hmr: false, ws: false, watch: null } },
      { root: projectRoot, logLevel: 'silent' },
    );
    config = {
      ...(await configFn({ command: 'serve', mode: 'development' })),
      configFile: false,
      // Its own dependency cache: this server pre-bundles browser dependencies it never serves,
      // under another configuration than `astro build`'s, which runs beside the check in
      // `npm run build` (scripts/build.mjs) and would otherwise find the shared cache rewritten
      // ("Re-optimizing dependencies because vite config has changed") or being rewritten.
      // Inside node_modules/.vite, which copies of the project keep their own (project-copy.mjs).
      cacheDir: join(projectRoot, 'node_modules', '.vite', 'scripts'),
    };
  } else {
    config = { ...config, server: { middlewareMode: true, hmr: false, ws: false, watch: null } };
  }
  const server = await createServer(config);
  const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
  const module = await runner.import(modulePath);
  return {
    module,
    close: async () => {
      await runner.close();
      await server.close();
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    },
  };
}
