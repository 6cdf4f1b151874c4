// Waits for a condition with a deadline; on timeout the error says what never arrived.

export interface WaitOptions {
  /** @default 5000 */
  timeoutMs?: number;
  /** @default 5 */
  intervalMs?: number;
}

/** Polls `condition` until it is true; throws `describe()` if the deadline passes first. */
export async function waitFor(condition: () => boolean, describe: () => string, options: WaitOptions = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${options.timeoutMs ?? 5000} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 5));
  }
}
