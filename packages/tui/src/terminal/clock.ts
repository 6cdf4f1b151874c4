// The time source and timers the scheduler and the key reader use, injectable for tests.

/** Time and one-shot timers; the default is Node's, tests pass a manual clock. */
export interface Clock {
  /** Milliseconds, only compared with each other. */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node's `performance.now`, `setTimeout` and `clearTimeout`; timers do not keep the process alive. */
export const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
