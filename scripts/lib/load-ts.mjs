// Runs the project's TypeScript modules from a plain Node script, through Vite (the same module
// pipeline as the build), so editor commands reuse the real schemas and utilities.
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
  let config = { configFile: false, root: projectRoot, logLevel: 'silent' };
  if (astro) {
    const { getViteConfig } = await import('astro/config');
    const configFn = getViteConfig(
      { logLevel: 'silent', server: { middlewareMode: true, hmr: false, ws: false, watch: null } },
      { root: projectRoot, logLevel: 'silent' },
    );
    config = { ...(await configFn({ command: 'serve', mode: 'development' })), configFile: false };
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
    },
  };
}
