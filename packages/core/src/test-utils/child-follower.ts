// Runs test-utils/follow-child.mjs in a child process (as `nobody` when the tests run as root, so
// that file permissions apply) and collects what it prints; killed when the test ends.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach } from 'vitest';
import type { LogStreamOptions } from '../stream/stream-types.js';
import { waitFor } from './wait-for.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

export interface ChildOutput {
  records: Record<string, string>[];
  waitFor(key: string, value: string, timeoutMs?: number): Promise<void>;
}

const NOBODY = 65534;
let runnable: string | undefined;

afterAll(() => {
  if (runnable) rmSync(dirname(runnable), { recursive: true, force: true });
  runnable = undefined;
});

/**
 * The child script beside a copy of the built core, in a folder anyone can read: the repository
 * may sit where `nobody` cannot reach (CI clones it into a folder of its own choosing).
 */
function childScript(): string {
  if (runnable) return runnable;
  const dir = mkdtempSync(join(tmpdir(), 'logstream-child-'));
  chmodSync(dir, 0o755);
  cpSync(fileURLToPath(new URL('../../dist', import.meta.url)), join(dir, 'dist'), { recursive: true });
  copyFileSync(fileURLToPath(new URL('./follow-child.mjs', import.meta.url)), join(dir, 'follow-child.mjs'));
  runnable = join(dir, 'follow-child.mjs');
  return runnable;
}

export function followInChild(path: string, options: LogStreamOptions = {}): ChildOutput {
  const script = childScript();
  const asNobody = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
  const child = spawn(process.execPath, [script, path, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'], ...asNobody });
  children.push(child);
  const records: Record<string, string>[] = [];
  let buffered = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const part of parts) records.push(JSON.parse(part) as Record<string, string>);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return {
    records,
    waitFor: (key, value, timeoutMs = 5000) =>
      waitFor(() => records.some((r) => r[key] === value), () => `child never printed ${key}=${value}; it printed ${JSON.stringify(records)} ${stderr}`, { timeoutMs }),
  };
}
