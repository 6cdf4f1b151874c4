// Waits for a condition with a deadline; on timeout the error says what never arrived.

/** @default 5000 */
export const DEFAULT_WAIT_MS = 5000;

/** Polls `condition` every few milliseconds until it holds; throws `describe()` once `timeoutMs` passed. */
export async function waitFor(condition: () => boolean, describe: () => string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${String(timeoutMs)} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
