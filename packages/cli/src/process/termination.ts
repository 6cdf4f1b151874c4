// Ties SIGINT, SIGTERM and SIGHUP to an AbortSignal, so that a command can stop cleanly; a second
// signal while stopping ends the process at once.
import { constants } from 'node:os';

/** The signals that stop the CLI. */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** A signal aborted by the first stop signal; `dispose` removes the handlers. */
export interface Termination extends Disposable {
  readonly signal: AbortSignal;
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
  const handler = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) return controller.abort();
    process.exit(128 + constants.signals[signal]);
  };
  for (const name of STOP_SIGNALS) process.on(name, handler);
  const dispose = () => {
    for (const name of STOP_SIGNALS) process.off(name, handler);
  };
  return { signal: controller.signal, dispose, [Symbol.dispose]: dispose };
}
