// Bundles the compiled CLI (packages/cli/dist, with core and tui) into packages/cli/bundle, the
// files the `logstream` command runs: Node 20 spends ~1 ms per ES module it loads, and the
// browser's first screen waited ~110 ms on about 120 of them. Run by `npm run build`, after tsc.
import { renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = fileURLToPath(new URL('../', import.meta.url));
const outDir = `${root}packages/cli/bundle`;
// Built aside and swapped in, so that a command running meanwhile never finds half a bundle.
const nextDir = `${outDir}.next`;
const oldDir = `${outDir}.old`;

rmSync(nextDir, { recursive: true, force: true });
await build({
  input: {
    logstream: `${root}packages/cli/dist/bin.js`,
    // The core finds its search worker beside the module that starts it (see worker-url.ts).
    'search-worker': `${root}packages/core/dist/index/search-worker.js`,
    // The follow command's output thread, found the same way (see threaded-output.ts).
    'output-thread': `${root}packages/cli/dist/output/output-thread.js`,
  },
  platform: 'node',
  logLevel: 'warn',
  output: {
    dir: nextDir,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    sourcemap: true,
  },
});
rmSync(oldDir, { recursive: true, force: true });
try {
  renameSync(outDir, oldDir);
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
renameSync(nextDir, outDir);
rmSync(oldDir, { recursive: true, force: true });
