// Vitest global setup: builds and bundles the packages once (as `npm run build` does), so end-to-end
// tests run the real `logstream` command from bin/logstream.js.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Runs tsc -b (incremental: fast when up to date), scripts/bundle-cli.js and packages/cli/scripts/build-native.js
 * (up to date: nothing to do), from the repository root.
 */
export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const steps: [string, string[]][] = [
    [tsc, ['-b', 'packages/core', 'packages/tui', 'packages/cli']],
    ['scripts/bundle-cli.js', []],
    ['packages/cli/scripts/build-native.js', []],
  ];
  for (const [script, args] of steps) {
    try {
      execFileSync(process.execPath, [script, ...args], { cwd: root, stdio: 'pipe' });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`building failed (${script}):\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
    }
  }
}
