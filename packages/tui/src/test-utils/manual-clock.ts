// A clock whose time moves only when a test says so; timers fire in due order.
import type { Clock } from '../terminal/clock.js';

interface Timer {
  id: number;
  due: number;
  callback: () => void;
}

/** Implements {@link Clock}; `advance(ms)` runs every timer that falls due, in order. */
export class ManualClock implements Clock {
  #now = 0;
  #nextId = 1;
  #timers: Timer[] = [];

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const timer = { id: this.#nextId++, due: this.#now + Math.max(0, ms), callback };
    this.#timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers = this.#timers.filter((timer) => timer.id !== handle);
  }

  /** How many timers are waiting. */
  get pending(): number {
    return this.#timers.length;
  }

  /** Moves time on by `ms`, firing due timers (and those they set that fall due) in order. */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      const next = this.#timers.filter((timer) => timer.due <= end).sort((a, b) => a.due - b.due || a.id - b.id)[0];
      if (!next) break;
      this.#timers = this.#timers.filter((timer) => timer !== next);
      this.#now = next.due;
      next.callback();
    }
    this.#now = end;
  }
}
