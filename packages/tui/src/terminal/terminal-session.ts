// Owns the terminal while the browser runs, and always gives it back, however the process ends.
import { inspect } from 'node:util';
import { NotATerminalError } from './not-a-terminal-error.js';
import type { SessionProcess, TerminalInput, TerminalOutput, TerminalSessionOptions, TerminalSize } from './session-types.js';
import { enterSequence, restoreSequence } from './terminal-modes.js';

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];

/**
 * A full-screen session: on construction it puts the input in raw mode and the output on the
 * alternate screen with the cursor hidden, the mouse reported and pastes bracketed. It hooks
 * SIGTERM, SIGHUP, SIGINT, `uncaughtException`, `unhandledRejection` and `exit`, so the
 * terminal is restored whichever way the process ends; {@link restore} does it on purpose.
 *
 * @example
 * using session = new TerminalSession();
 * const renderer = new Renderer(session);
 * using keys = readKeys(session.input, onInput);
 * session.onResize(() => { renderer.invalidate(); scheduler.flush(); });
 */
export class TerminalSession {
  readonly input: TerminalInput;
  readonly output: TerminalOutput;
  readonly #errorOutput: { write(text: string): unknown };
  readonly #process: SessionProcess;
  readonly #wasRaw: boolean;
  readonly #resizeListeners = new Set<(size: TerminalSize) => void>();
  #active = true;

  constructor(options: TerminalSessionOptions = {}) {
    this.input = options.input ?? process.stdin;
    this.output = options.output ?? process.stdout;
    this.#errorOutput = options.errorOutput ?? process.stderr;
    this.#process = options.process ?? process;
    if (!this.input.isTTY || typeof this.input.setRawMode !== 'function') throw new NotATerminalError('input');
    if (!this.output.isTTY) throw new NotATerminalError('output');
    this.#wasRaw = this.input.isRaw === true;
    for (const signal of SIGNALS) this.#process.on(signal, this.#onSignal);
    this.#process.on('uncaughtException', this.#onFatal);
    this.#process.on('unhandledRejection', this.#onFatal);
    this.#process.on('exit', this.#onExit);
    this.output.on('resize', this.#onResize);
    this.input.setRawMode(true);
    this.output.write(enterSequence(options));
  }

  /** Whether the session still owns the terminal (not yet restored). */
  get active(): boolean {
    return this.#active;
  }

  /** The terminal's size now (80 × 24 when the output does not say). */
  get size(): TerminalSize {
    return { columns: this.output.columns ?? 80, rows: this.output.rows ?? 24 };
  }

  /** Writes to the terminal while the session is active; afterwards, drops the data. */
  write(data: string): void {
    if (this.#active) this.output.write(data);
  }

  /** Calls `listener` with the new size after every resize; returns the function that stops it. */
  onResize(listener: (size: TerminalSize) => void): () => void {
    this.#resizeListeners.add(listener);
    return () => this.#resizeListeners.delete(listener);
  }

  /**
   * Leaves the alternate screen with the cursor shown, mouse and paste modes off and the input's
   * raw mode back as it was; removes every handler the session installed. Safe to call twice.
   */
  restore(): void {
    if (!this.#active) return;
    this.#active = false;
    for (const signal of SIGNALS) this.#process.off(signal, this.#onSignal);
    this.#process.off('uncaughtException', this.#onFatal);
    this.#process.off('unhandledRejection', this.#onFatal);
    this.#process.off('exit', this.#onExit);
    this.output.off('resize', this.#onResize);
    this.#resizeListeners.clear();
    // After SIGHUP the terminal may be gone: restoring must not throw on top of that.
    attempt(() => this.output.write(restoreSequence()));
    attempt(() => this.input.setRawMode?.(this.#wasRaw));
    attempt(() => this.input.pause?.());
  }

  [Symbol.dispose](): void {
    this.restore();
  }

  readonly #onSignal = (signal: NodeJS.Signals): void => {
    this.restore();
    // With no other handler left, die of the signal as the default action would have.
    if (this.#process.listenerCount(signal) === 0) this.#process.kill(this.#process.pid, signal);
  };

  readonly #onFatal = (error: unknown): void => {
    this.restore();
    attempt(() => this.#errorOutput.write(`${inspect(error)}\n`));
    this.#process.exit(1);
  };

  readonly #onExit = (): void => this.restore();

  readonly #onResize = (): void => {
    const size = this.size;
    for (const listener of [...this.#resizeListeners]) listener(size);
  };
}

function attempt(action: () => unknown): void {
  try {
    action();
  } catch {
    // Nothing more can be done for a terminal that is gone.
  }
}
