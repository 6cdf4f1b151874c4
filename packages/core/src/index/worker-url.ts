// Where the compiled search worker is: beside this module in dist, or — when this module runs
// from TypeScript source (vitest, the tui's tests) — in the package's dist, which a build makes.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LogStreamError } from '../errors/log-stream-error.js';

/**
 * A worker cannot load a `.ts` file: no transformer runs inside it. So the worker is always the
 * compiled `search-worker.js`, and the tests run the real build of it.
 */
export function searchWorkerUrl(moduleUrl: string = import.meta.url): URL {
  const beside = new URL('./search-worker.js', moduleUrl);
  // Not on disk (a bundle served from elsewhere): nothing to check, the Worker says what is wrong.
  if (beside.protocol !== 'file:' || existsSync(fileURLToPath(beside))) return beside;
  const built = new URL('../../dist/index/search-worker.js', moduleUrl);
  if (moduleUrl.endsWith('.ts') && existsSync(fileURLToPath(built))) return built;
  const path = fileURLToPath(moduleUrl.endsWith('.ts') ? built : beside);
  throw new LogStreamError('ERR_FILE_ACCESS', `the search worker ${path} is missing: build @logstream/core (npx tsc -b packages/core), or pass workerUrl`, { path });
}
