// Ties SIGINT, SIGTERM and SIGHUP to an AbortSignal, so that a command can stop cleanly; a second
// signal while stopping ends the process at once.
import { constants } from 'node:os';
import { exitProcess } from './exit-process.js';
import { STOP_SIGNALS } from './stop-signals.js';

/** A signal aborted by the first stop signal; `dispose` removes the handlers. */
export interface Termination extends Disposable {
  readonly signal: AbortSignal;
  /** The stop signal received, once there was one. */
  readonly received: NodeJS.Signals | undefined;
  dispose(): void;
}

/**
 * Aborts the returned signal on the first SIGINT, SIGTERM or SIGHUP; a second one (an impatient
 * Ctrl-C while closing) exits at once with the conventional status 128 + signal number.
 *
 * @example
 * using termination = abortOnTermination();
 * await main(argv, { signal: termination.signal });
 */
export function abortOnTermination(): Termination {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const handler = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) {
      received = signal;
      return controller.abort();
    }
    exitProcess(128 + constants.signals[signal], signal);
  };
  for (const name of STOP_SIGNALS) process.on(name, handler);
  const dispose = () => {
    for (const name of STOP_SIGNALS) process.off(name, handler);
  };
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    dispose,
    [Symbol.dispose]: dispose,
  };
}
