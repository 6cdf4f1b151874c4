// Runs the built `logstream` in a real pseudo-terminal (node-pty) for end-to-end tests of the
// browser: types keys, and reads the screen through a headless xterm that the output feeds.
import xterm from '@xterm/headless';
import pty from 'node-pty';
import { afterEach } from 'vitest';
import { CLI_BIN } from './cli-process.js';
import { DEFAULT_WAIT_MS, waitFor } from './wait-for.js';

const running = new Set<PtyCli>();

afterEach(() => {
  for (const cli of running) cli.kill();
  running.clear();
});

/** `logstream ARGS…` in a pseudo-terminal of `cols` × `rows`. */
export class PtyCli {
  readonly term: InstanceType<typeof xterm.Terminal>;
  /** Everything the program wrote, raw. */
  output = '';
  exit: { code: number; signal: number | undefined } | undefined;
  private readonly child: pty.IPty;
  private pending: Promise<void> = Promise.resolve();

  constructor(args: readonly string[], options: { cwd: string; cols?: number; rows?: number; env?: NodeJS.ProcessEnv }) {
    const cols = options.cols ?? 100;
    const rows = options.rows ?? 24;
    this.term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 0 });
    this.child = pty.spawn(process.execPath, [CLI_BIN, ...args], { cols, rows, cwd: options.cwd, env: { ...process.env, TERM: 'xterm-256color', ...options.env } });
    this.child.onData((data) => {
      this.output += data;
      this.pending = this.pending.then(() => new Promise<void>((resolve) => this.term.write(data, resolve)));
    });
    this.child.onExit(({ exitCode, signal }) => (this.exit = { code: exitCode, signal }));
    running.add(this);
  }

  /** The screen as text, one row per line, trailing blanks trimmed. */
  screen(): string {
    const buffer = this.term.buffer.active;
    const rows: string[] = [];
    for (let y = 0; y < this.term.rows; y++) rows.push(buffer.getLine(y)?.translateToString(true) ?? '');
    return rows.join('\n');
  }

  /** Waits until the screen satisfies `test`. */
  async waitForScreen(test: (screen: string) => boolean, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    let ok = false;
    await waitFor(
      () => {
        void this.pending.then(() => (ok = test(this.screen())));
        return ok;
      },
      () => `the screen never showed ${what}:\n${this.screen()}`,
      timeoutMs,
    );
  }

  /** Types `keys` into the terminal. */
  type(keys: string): void {
    this.child.write(keys);
  }

  async waitForExit(timeoutMs = DEFAULT_WAIT_MS): Promise<{ code: number; signal: number | undefined }> {
    await waitFor(() => this.exit !== undefined, () => `the program did not exit; screen:\n${this.screen()}`, timeoutMs);
    await this.pending;
    return this.exit as { code: number; signal: number | undefined };
  }

  /** Sends `signal` to the program. */
  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  kill(): void {
    if (!this.exit) this.child.kill('SIGKILL');
    this.term.dispose();
  }
}
