// Where the compiled output thread is: a worker cannot load a .ts file, so the thread is always
// the built output-thread.js, and the tests run the real build of it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the compiled output thread is: beside this module (dist, or the CLI bundle), or — when
 * this module runs from TypeScript source under vitest — in the package's dist, which a build makes.
 */
export function outputThreadUrl(moduleUrl: string = import.meta.url): URL {
  const beside = new URL('./output-thread.js', moduleUrl);
  if (!moduleUrl.endsWith('.ts')) return beside;
  const built = new URL('../../dist/output/output-thread.js', moduleUrl);
  if (!existsSync(fileURLToPath(built))) throw new Error(`the output thread ${fileURLToPath(built)} is missing: build the CLI first (npm run build)`);
  return built;
}
