// Checks shared by every constructor that takes options: one wording for one mistake.
import type { WatcherMode } from '../watch/watch-types.js';
import { InvalidOptionError } from './log-stream-error.js';

/** `value`, or `fallback` when undefined; throws unless it is a finite number above 0. */
export function positiveOption(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new InvalidOptionError(`${name} must be a positive number, not ${String(value)}`);
  return value;
}

/** `mode`, or 'auto' when undefined; throws unless it is a watcher mode. */
export function watcherModeOption(mode: WatcherMode | undefined): WatcherMode {
  const value = mode ?? 'auto';
  if (!['auto', 'native', 'poll'].includes(value)) throw new InvalidOptionError(`watcher must be 'auto', 'native' or 'poll', not ${String(value)}`);
  return value;
}
