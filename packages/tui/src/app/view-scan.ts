// Long scans of the view (search, jumps to a level) run with progress in the status bar and can
// be cancelled with Esc; and the user's patterns, compiled with less's smart case.
import type { BrowserState } from './browser-state.js';
import type { ScanControl } from './view-source.js';

/**
 * Starts `run`, showing its progress in `state.searching` (Esc calls its `cancel`); a scan
 * started before is cancelled. `done` gets what it found unless it was cancelled.
 */
export function runScan(
  state: BrowserState,
  changed: () => void,
  run: (control: ScanControl) => Promise<number | undefined>,
  done: (found: number | undefined) => void,
  failed: (message: string) => void,
): void {
  state.searching?.cancel();
  const abort = new AbortController();
  const progress: { fraction: number; cancel: () => void } = { fraction: 0, cancel: () => abort.abort() };
  state.searching = progress;
  changed();
  const control: ScanControl = {
    signal: abort.signal,
    onProgress: (fraction) => {
      progress.fraction = fraction;
      changed();
    },
  };
  run(control).then(
    (found) => {
      if (abort.signal.aborted) return;
      if (state.searching === progress) state.searching = undefined;
      done(found);
    },
    (error: unknown) => {
      if (state.searching === progress) state.searching = undefined;
      failed(`search failed: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
}

/** A user's pattern; all lower case matches any case (less -i's smart case). A bad one: the message. */
export function compilePattern(text: string, flags = ''): RegExp | string {
  try {
    return new RegExp(text, /[A-Z]/.test(text) ? flags.replace('i', '') : flags);
  } catch (error) {
    return `bad pattern: ${(error as Error).message}`;
  }
}
