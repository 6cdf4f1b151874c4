// In-memory stand-ins for a terminal's stdin and stdout: sizes, raw mode and resizes, recorded.
import { EventEmitter } from 'node:events';

/** A stdout that claims to be a TTY and keeps what was written. */
export class FakeTtyOutput extends EventEmitter {
  readonly isTTY = true;
  columns: number;
  rows: number;
  readonly writes: string[] = [];
  /** Make `write` throw, as writing to a terminal that hung up does. */
  failWrites = false;

  constructor(columns = 80, rows = 24) {
    super();
    this.columns = columns;
    this.rows = rows;
  }

  write(data: string): boolean {
    if (this.failWrites) throw Object.assign(new Error('write EIO'), { code: 'EIO' });
    this.writes.push(data);
    return true;
  }

  /** Everything written so far. */
  get text(): string {
    return this.writes.join('');
  }

  /** Changes the size and emits `resize`, as a tty.WriteStream does on SIGWINCH. */
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

/** A stdin that claims to be a TTY, records raw-mode changes and lets a test type. */
export class FakeTtyInput extends EventEmitter {
  readonly isTTY = true;
  isRaw = false;
  /** Every `setRawMode` argument, in order. */
  readonly rawModeCalls: boolean[] = [];
  flowing = false;

  setRawMode(mode: boolean): this {
    this.rawModeCalls.push(mode);
    this.isRaw = mode;
    return this;
  }

  resume(): this {
    this.flowing = true;
    return this;
  }

  pause(): this {
    this.flowing = false;
    return this;
  }

  /** Delivers `data` as a `data` event (a Buffer when given one). */
  send(data: string | Buffer): void {
    this.emit('data', data);
  }
}
