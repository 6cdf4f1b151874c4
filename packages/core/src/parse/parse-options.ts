// Checks ParseOptions once and fills in the defaults.
import { InvalidOptionError } from '../errors/log-stream-error.js';
import type { FormatName, ParseOptions } from './format-types.js';
import { TimestampPattern } from './timestamp-pattern.js';

/** Every format name, most specific first: the order of detection ties and of per-line fallbacks. */
export const FORMAT_NAMES: readonly FormatName[] = ['json', 'logfmt', 'syslog', 'clf', 'glog', 'python', 'log4j', 'text'];

/** {@link ParseOptions} checked, with defaults. */
export interface ResolvedParseOptions {
  readonly format: FormatName | 'auto';
  readonly timeZone: 'local' | 'utc';
  readonly now: () => number;
  readonly pattern: TimestampPattern | undefined;
}

/** Checks `options`; throws InvalidOptionError saying what to pass instead. */
export function resolveParseOptions(options: ParseOptions = {}): ResolvedParseOptions {
  const format = options.format ?? 'auto';
  if (format !== 'auto' && !FORMAT_NAMES.includes(format)) {
    throw new InvalidOptionError(`format must be 'auto' or one of ${FORMAT_NAMES.join(', ')}, not ${String(format)}`);
  }
  const timeZone = options.timeZone ?? 'local';
  if (timeZone !== 'local' && timeZone !== 'utc') throw new InvalidOptionError(`timeZone must be 'local' or 'utc', not ${String(timeZone)}`);
  if (options.now !== undefined && typeof options.now !== 'function') throw new InvalidOptionError('now must be a function returning epoch milliseconds');
  const pattern = options.timestampPattern;
  if (pattern !== undefined && (typeof pattern !== 'string' || pattern.length === 0)) {
    throw new InvalidOptionError('timestampPattern must be a non-empty strftime-style string such as "%Y-%m-%d %H:%M:%S"');
  }
  return { format, timeZone, now: options.now ?? Date.now, pattern: pattern === undefined ? undefined : new TimestampPattern(pattern) };
}
