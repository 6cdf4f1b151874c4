// Runs the built `logstream` command (bin/logstream.js, running the bundle) as a child process for end-to-end tests:
// collects its output, waits for text or exit with deadlines, and kills it after each test.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { DEFAULT_WAIT_MS, waitFor } from './wait-for.js';

/** The `logstream` command as installed; it runs the bundle that the global setup builds. */
export const CLI_BIN = fileURLToPath(new URL('../../bin/logstream.js', import.meta.url));
/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

const running = new Set<ChildProcess>();

afterEach(async () => {
  const children = [...running];
  running.clear();
  await Promise.all(children.map(async (child) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }));
});

/** How a child ended. */
export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A running CLI with its output so far. */
export class CliProcess {
  stdout = '';
  stderr = '';
  exit: Exit | undefined;
  readonly exited: Promise<Exit>;

  constructor(readonly child: ChildProcess, readonly args: readonly string[]) {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => child.once('close', (code, signal) => resolve((this.exit = { code, signal }))));
  }

  /** Waits until stdout contains `text`; the error names what never arrived and shows the output. */
  async waitForStdout(text: string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    await waitFor(() => this.stdout.includes(text), () => `stdout of \`logstream ${this.args.join(' ')}\` never contained ${JSON.stringify(text)}${this.describe()}`, timeoutMs);
  }

  /** Waits until stderr contains `text`. */
  async waitForStderr(text: string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    await waitFor(() => this.stderr.includes(text), () => `stderr of \`logstream ${this.args.join(' ')}\` never contained ${JSON.stringify(text)}${this.describe()}`, timeoutMs);
  }

  /** Waits for the process to exit. */
  async waitForExit(timeoutMs = DEFAULT_WAIT_MS): Promise<Exit> {
    await waitFor(() => this.exit !== undefined, () => `\`logstream ${this.args.join(' ')}\` never exited${this.describe()}`, timeoutMs);
    return this.exited;
  }

  private describe(): string {
    const state = this.exit ? `exited with ${JSON.stringify(this.exit)}` : 'still running';
    return `\n(${state})\nstdout: ${JSON.stringify(this.stdout)}\nstderr: ${JSON.stringify(this.stderr)}`;
  }
}

/**
 * Starts `node bin/logstream.js ARGS…` (after `wrapper`, e.g. `runuser -u nobody --`); it is killed
 * after the test if still running.
 */
export function startCli(args: readonly string[], options: SpawnOptions = {}, wrapper: readonly string[] = []): CliProcess {
  const [command, ...rest] = [...wrapper, process.execPath, CLI_BIN, ...args] as [string, ...string[]];
  const child = spawn(command, rest, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  running.add(child);
  return new CliProcess(child, args);
}

/** Runs the CLI to completion and returns its output and exit. */
export async function runCli(args: readonly string[], options: SpawnOptions = {}, timeoutMs = DEFAULT_WAIT_MS, wrapper: readonly string[] = []): Promise<CliProcess & { exit: Exit }> {
  const cli = startCli(args, options, wrapper);
  await cli.waitForExit(timeoutMs);
  return cli as CliProcess & { exit: Exit };
}
