// One interval timer per distinct period, shared by every watcher and stream that polls at it,
// so following hundreds of files costs one timer wake-up per period, not hundreds.

type Tick = () => void;

interface Timer {
  handle: NodeJS.Timeout;
  ticks: Set<Tick>;
}

const timers = new Map<number, Timer>();

/** Calls `tick` every `periodMs` until the returned function is called. */
export function onTick(periodMs: number, tick: Tick): () => void {
  let timer = timers.get(periodMs);
  if (!timer) {
    const ticks = new Set<Tick>();
    const handle = setInterval(() => {
      for (const t of ticks) {
        try {
          t();
        } catch (error) {
          // One failing tick must neither crash the process nor starve the others' ticks.
          process.emitWarning(error instanceof Error ? error : new Error(String(error)));
        }
      }
    }, periodMs);
    timer = { handle, ticks };
    timers.set(periodMs, timer);
  }
  const registered = timer;
  // A wrapper gives each registration its own identity, so the same function may register twice.
  const entry: Tick = () => tick();
  registered.ticks.add(entry);
  return () => {
    registered.ticks.delete(entry);
    if (registered.ticks.size === 0 && timers.get(periodMs) === registered) {
      clearInterval(registered.handle);
      timers.delete(periodMs);
    }
  };
}

/** How many shared timers are running (for leak checks in tests). */
export function activeTickerCount(): number {
  return timers.size;
}
