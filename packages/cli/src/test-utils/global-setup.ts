// Vitest global setup: builds core and cli once, so end-to-end tests run the real dist/bin.js.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** Runs `tsc -b packages/core packages/cli` from the repository root (incremental: fast when up to date). */
export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-b', 'packages/core', 'packages/cli'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? '';
    throw new Error(`building packages/core and packages/cli failed:\n${output}`);
  }
}
