// A stand-in for `process` that records exit and kill calls instead of doing them.
import { EventEmitter } from 'node:events';

/** Emits signals and errors like `process`; `exit` and `kill` are only recorded. */
export class FakeProcess extends EventEmitter {
  readonly pid = 4242;
  readonly exitCodes: (number | undefined)[] = [];
  readonly kills: { pid: number; signal: NodeJS.Signals }[] = [];

  exit(code?: number): void {
    this.exitCodes.push(code);
  }

  kill(pid: number, signal: NodeJS.Signals): boolean {
    this.kills.push({ pid, signal });
    return true;
  }

  /** How many listeners of the events a terminal session hooks are installed. */
  hookCount(): number {
    const events = ['SIGTERM', 'SIGHUP', 'SIGINT', 'uncaughtException', 'unhandledRejection', 'exit'];
    return events.reduce((sum, event) => sum + this.listenerCount(event), 0);
  }
}
