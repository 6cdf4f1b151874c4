// The demo's simulated job: a web app and its worker writing live logs on timers, rotated
// every few seconds, all in-process.
import { join } from 'node:path';
import { LogGenerator, type LogSource } from './log-generator.js';
import { RotatingLog } from './rotating-log.js';

/** Seconds between rotations. @default 5 */
export const DEFAULT_ROTATE_EVERY_S = 5;
/** The files the job writes, in the folder it is given. */
export const DEMO_FILES: readonly string[] = ['app.log', 'worker.log'];

/** Options of a {@link SimulatedJob}. */
export interface SimulatedJobOptions {
  /** @default 5000 */
  rotateEveryMs?: number;
  /** Longest pause between two bursts of entries. @default 400 */
  maxPauseMs?: number;
  /** Writing or rotating failed (the folder was removed…); the job has stopped. */
  onError?: (error: unknown) => void;
}

interface Writer {
  readonly log: RotatingLog;
  readonly generator: LogGenerator;
}

/**
 * Writes `app.log` and `worker.log` into `dir` at an irregular pace (bursts of 1–4 entries) and
 * rotates both every `rotateEveryMs`. Call `stop()` to end it; it leaves the files in place.
 *
 * @example
 * const job = new SimulatedJob('/tmp/demo');
 * job.start();
 * // …
 * job.stop();
 */
export class SimulatedJob {
  private readonly writers: Writer[];
  private readonly rotateEveryMs: number;
  private readonly maxPauseMs: number;
  private burstTimer: NodeJS.Timeout | undefined;
  private rotateTimer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly onError: (error: unknown) => void;

  constructor(dir: string, options: SimulatedJobOptions = {}) {
    this.onError = options.onError ?? ((error) => process.emitWarning(String(error)));
    this.rotateEveryMs = options.rotateEveryMs ?? DEFAULT_ROTATE_EVERY_S * 1000;
    this.maxPauseMs = options.maxPauseMs ?? 400;
    const sources: readonly LogSource[] = ['app', 'worker'];
    this.writers = sources.map((source, i) => ({ log: new RotatingLog(join(dir, DEMO_FILES[i] ?? `${source}.log`)), generator: new LogGenerator(source) }));
  }

  /** Writes a first few entries at once, then keeps writing and rotating on timers. */
  start(): void {
    if (this.running) return;
    this.running = true;
    for (const writer of this.writers) for (let i = 0; i < 5; i++) writer.log.append(writer.generator.next());
    this.scheduleBurst();
    this.rotateTimer = setInterval(() => this.guard(() => this.writers.forEach((writer) => writer.log.rotate())), this.rotateEveryMs);
  }

  /** Stops writing and closes the files. */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    clearTimeout(this.burstTimer);
    clearInterval(this.rotateTimer);
    for (const writer of this.writers) {
      try {
        writer.log.close();
      } catch {
        // Already closed or gone with its folder: nothing left to release.
      }
    }
  }

  private scheduleBurst(): void {
    this.burstTimer = setTimeout(() => {
      // The app is busier than the worker: it writes most bursts.
      const writer = Math.random() < 0.7 ? this.writers[0] : this.writers[1];
      const count = 1 + Math.floor(Math.random() * 4);
      this.guard(() => {
        if (writer) for (let i = 0; i < count; i++) writer.log.append(writer.generator.next());
      });
      if (this.running) this.scheduleBurst();
    }, 20 + Math.random() * this.maxPauseMs);
  }

  private guard(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.stop();
      this.onError(error);
    }
  }
}
