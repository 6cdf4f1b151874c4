// Coalesces redraw requests into at most one frame per tick and per interval (~30 fps).
import type { Clock } from '../terminal/clock.js';
import { systemClock } from '../terminal/clock.js';

/** 33 ms between frames: about 30 frames a second. */
export const DEFAULT_FRAME_INTERVAL_MS = 33;

export interface FrameSchedulerOptions {
  /** The least time between two frames. @default 33 */
  intervalMs?: number;
  /** @default systemClock */
  clock?: Clock;
}

/**
 * Calls `render` after {@link invalidate}, never twice in one tick and never sooner than
 * `intervalMs` after the previous frame: a thousand new lines in a burst cost one frame. The
 * first request after a quiet spell renders on the next tick (a timer of 0 ms), so every
 * `invalidate()` of the current synchronous work is folded into it.
 *
 * @example
 * const scheduler = new FrameScheduler(() => renderer.render(draw()));
 * stream.subscribe({ onLines: (lines) => { model.add(lines); scheduler.invalidate(); } });
 * output.on('resize', () => { renderer.invalidate(); scheduler.flush(); });
 */
export class FrameScheduler {
  readonly #render: () => void;
  readonly #intervalMs: number;
  readonly #clock: Clock;
  #timer: unknown;
  #pending = false;
  #lastFrame = -Infinity;
  #disposed = false;

  constructor(render: () => void, options: FrameSchedulerOptions = {}) {
    const intervalMs = options.intervalMs ?? DEFAULT_FRAME_INTERVAL_MS;
    if (!(intervalMs >= 0)) throw new RangeError(`intervalMs must be a number ≥ 0, got ${intervalMs}`);
    this.#render = render;
    this.#intervalMs = intervalMs;
    this.#clock = options.clock ?? systemClock;
  }

  /** Whether a frame is scheduled and not drawn yet. */
  get pending(): boolean {
    return this.#pending;
  }

  /** Asks for a frame; calls made before it is drawn are folded into it. */
  invalidate(): void {
    if (this.#pending || this.#disposed) return;
    this.#pending = true;
    const wait = Math.max(0, this.#lastFrame + this.#intervalMs - this.#clock.now());
    this.#timer = this.#clock.setTimeout(() => this.#frame(), wait);
  }

  /** Draws a frame now, whether one was asked for or not, and cancels the scheduled one. */
  flush(): void {
    if (this.#disposed) return;
    this.#cancel();
    this.#frame();
  }

  /** Cancels any scheduled frame and ignores later requests. Safe to call twice. */
  dispose(): void {
    this.#disposed = true;
    this.#cancel();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  #frame(): void {
    this.#timer = undefined;
    this.#pending = false;
    this.#lastFrame = this.#clock.now();
    this.#render();
  }

  #cancel(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = false;
  }
}
