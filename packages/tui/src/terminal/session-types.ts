// What a terminal session works with: its input and output streams, the process, its options.
import type { KeyInput } from '../input/key-reader.js';
import type { TerminalModes } from './terminal-modes.js';

/** The input side: `process.stdin`, a `tty.ReadStream` on /dev/tty, or a test double. */
export interface TerminalInput extends KeyInput {
  readonly isTTY?: boolean | undefined;
  readonly isRaw?: boolean | undefined;
  setRawMode?(mode: boolean): unknown;
}

/** The output side: `process.stdout`, a `tty.WriteStream`, or a test double. */
export interface TerminalOutput {
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
  readonly rows?: number | undefined;
  write(data: string): unknown;
  on(event: 'resize', listener: () => void): unknown;
  off(event: 'resize', listener: () => void): unknown;
}

/** The parts of `process` a session hooks into (a fake in tests). */
export interface SessionProcess {
  readonly pid: number;
  on(event: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
  on(event: 'exit', listener: () => void): unknown;
  off(event: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
  off(event: 'exit', listener: () => void): unknown;
  listenerCount(event: string): number;
  kill(pid: number, signal: NodeJS.Signals): unknown;
  exit(code?: number): unknown;
}

export interface TerminalSessionOptions extends TerminalModes {
  /** @default process.stdin */
  input?: TerminalInput;
  /** @default process.stdout */
  output?: TerminalOutput;
  /** Where a fatal error is printed once the terminal is restored. @default process.stderr */
  errorOutput?: { write(text: string): unknown };
  /** @default process */
  process?: SessionProcess;
}

export interface TerminalSize {
  columns: number;
  rows: number;
}
