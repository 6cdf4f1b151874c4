// Small pieces every stream-like class shares: a subscription handle, and closing on abort.
import type { Subscription } from './stream-types.js';

/** A handle whose `unsubscribe()` (also `[Symbol.dispose]`) calls `leave` once, however often it is called. */
export function subscriptionOf<S>(subscriber: S, leave: (subscriber: S) => unknown): Subscription<S> {
  let active = true;
  const unsubscribe = () => {
    if (!active) return;
    active = false;
    leave(subscriber);
  };
  return { subscriber, unsubscribe, [Symbol.dispose]: unsubscribe };
}

/** Calls `close` when `signal` aborts (at once if it already has); returns the function that stops listening. */
export function closeOnAbort(signal: AbortSignal | undefined, close: () => unknown): () => void {
  if (!signal) return () => undefined;
  if (signal.aborted) {
    void close();
    return () => undefined;
  }
  const onAbort = () => void close();
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}
