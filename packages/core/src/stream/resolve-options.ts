// Checks a LogStream's options once, at construction, and fills in the defaults.
import { resolve } from 'node:path';
import { InvalidOptionError } from '../errors/log-stream-error.js';
import { positiveOption, watcherModeOption } from '../errors/option-checks.js';
import { DEFAULT_MAX_LINE_BYTES } from '../framing/line-framer.js';
import { DEFAULT_POLL_INTERVAL_MS, DEFAULT_RECONCILE_INTERVAL_MS, type WatcherMode } from '../watch/watch-types.js';
import type { LogStreamOptions, StartPosition } from './stream-types.js';

/** @default 10000 */
export const DEFAULT_ROTATION_GRACE_MS = 10_000;

export interface ResolvedStreamOptions {
  path: string;
  start: StartPosition;
  mode: WatcherMode;
  pollIntervalMs: number;
  reconcileIntervalMs: number;
  simulateEventLoss: boolean;
  follow: boolean;
  maxLineBytes: number;
  partialLineFlushMs: number | undefined;
  rotationGraceMs: number;
}

export function resolveStreamOptions(path: unknown, options: LogStreamOptions): ResolvedStreamOptions {
  if (typeof path !== 'string' || path.length === 0) throw new InvalidOptionError('LogStream needs the path of a file to follow');
  if (typeof options !== 'object' || options === null) throw new InvalidOptionError('LogStream options must be an object');
  const mode = watcherModeOption(options.watcher);
  return {
    path: resolve(path),
    start: checkStart(options.start ?? 'end'),
    mode,
    pollIntervalMs: positiveOption(options.pollIntervalMs, DEFAULT_POLL_INTERVAL_MS, 'pollIntervalMs'),
    reconcileIntervalMs: positiveOption(options.reconcileIntervalMs, DEFAULT_RECONCILE_INTERVAL_MS, 'reconcileIntervalMs'),
    simulateEventLoss: options.simulateEventLoss === true,
    follow: options.follow ?? true,
    maxLineBytes: positiveOption(options.maxLineBytes, DEFAULT_MAX_LINE_BYTES, 'maxLineBytes'),
    partialLineFlushMs: options.partialLineFlushMs === undefined ? undefined : positiveOption(options.partialLineFlushMs, 0, 'partialLineFlushMs'),
    rotationGraceMs: positiveOption(options.rotationGraceMs, DEFAULT_ROTATION_GRACE_MS, 'rotationGraceMs'),
  };
}

function checkStart(start: StartPosition): StartPosition {
  if (start === 'end' || start === 'beginning') return start;
  if (typeof start === 'object' && start !== null) {
    if ('lines' in start && Number.isInteger(start.lines) && start.lines >= 0) return start;
    if ('offset' in start && Number.isInteger(start.offset) && start.offset >= 0) return start;
  }
  throw new InvalidOptionError(`start must be 'end', 'beginning', { lines: N } or { offset: N } with N a whole number ≥ 0, not ${JSON.stringify(start)}`);
}
