// The output threads alive in this process, so that exiting can first stop them from writing:
// exit(3) waits for every thread, and one blocked writing to a reader that takes nothing never ends.

/** An output thread that can be told not to start another write. */
export interface StoppableOutputThread {
  /** False when the thread is still blocked in a write after `waitMs`. */
  stopWriting(waitMs: number): boolean;
}

const threads = new Set<StoppableOutputThread>();

/** Registers a running output thread; the returned function unregisters it once it has ended. */
export function trackOutputThread(thread: StoppableOutputThread): () => void {
  threads.add(thread);
  return () => threads.delete(thread);
}

/** Stops every output thread from writing; false if one stays blocked in a write for `waitMs`. */
export function stopOutputThreads(waitMs: number): boolean {
  const deadline = Date.now() + waitMs;
  let stopped = true;
  for (const thread of threads) stopped = thread.stopWriting(Math.max(0, deadline - Date.now())) && stopped;
  return stopped;
}
