// Ends the process now, even when an output thread is blocked writing to a reader that takes nothing.
import { stopOutputThreads } from '../output/exit-guard.js';
import { STOP_SIGNALS } from './stop-signals.js';

/** How long an output thread may take to finish the write it is in before the process gives up on it. */
const WRITE_WAIT_MS = 200;

/**
 * `process.exit(code)`, once no output thread is writing. exit(3) waits for every thread, and a
 * thread blocked in write(2) to a stalled pipe or a stopped terminal never returns; then the
 * process ends by `signal` instead, as if it had no handler for it (status 128 + its number).
 */
export function exitProcess(code: number, signal: NodeJS.Signals = 'SIGTERM'): never {
  if (stopOutputThreads(WRITE_WAIT_MS)) process.exit(code);
  for (const name of new Set([...STOP_SIGNALS, signal])) process.removeAllListeners(name);
  process.kill(process.pid, signal);
  // Not reached: the signal's default action ends the process before kill(2) returns.
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
}
