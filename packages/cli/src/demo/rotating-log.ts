// A log file the demo writes and rotates by rename, the way logrotate's `create` mode and an
// application that reopens its log a moment later do it together.
import { closeSync, existsSync, openSync, renameSync, writeSync } from 'node:fs';

/** Rotated copies kept (`app.log.1` … `app.log.3`). @default 3 */
export const DEFAULT_KEEP = 3;

/**
 * One log file being written. `rotate()` renames it to `NAME.1` (shifting older copies), creates
 * a fresh `NAME`, and lets the next entry still land in the renamed file before the writer
 * switches over — so a follower has to drain the old file after the rename to miss nothing.
 *
 * @example
 * const log = new RotatingLog('/tmp/demo/app.log');
 * log.append('hello\n');
 * log.rotate();
 * log.close();
 */
export class RotatingLog {
  private fd: number;
  private next: number | undefined;

  constructor(
    readonly path: string,
    private readonly keep = DEFAULT_KEEP,
  ) {
    this.fd = openSync(path, 'a');
  }

  /** Appends `text` to the file being written. */
  append(text: string): void {
    writeSync(this.fd, text);
    if (this.next === undefined) return;
    // The application reopens its log only after one more write to the file it had open.
    closeSync(this.fd);
    this.fd = this.next;
    this.next = undefined;
  }

  /** Renames the file away (NAME -> NAME.1 -> NAME.2 …) and creates a new, empty NAME. */
  rotate(): void {
    if (this.next !== undefined) return;
    for (let i = this.keep - 1; i >= 1; i--) {
      if (existsSync(`${this.path}.${String(i)}`)) renameSync(`${this.path}.${String(i)}`, `${this.path}.${String(i + 1)}`);
    }
    renameSync(this.path, `${this.path}.1`);
    this.next = openSync(this.path, 'a');
  }

  /** Closes the file (and the new one, if a rotation is half done). */
  close(): void {
    closeSync(this.fd);
    if (this.next !== undefined) closeSync(this.next);
    this.next = undefined;
  }
}
