// Stateless filter steps: minimum level, include and exclude patterns, and filterRecords to apply
// any of them to a record stream.
import { InvalidOptionError } from '../errors/log-stream-error.js';
import type { LogLine } from '../framing/log-line.js';
import { levelRank, LOG_LEVELS, type LogLevel, type LogRecord } from '../parse/index.js';
import { RecordStream } from './record-stream.js';

/** Decides whether a record passes. */
export type RecordPredicate = (record: LogRecord) => boolean;

/**
 * Records at `level` or above. A continuation line has its message's level. A record without
 * any level does not pass: a minimum level asks for lines known to be that severe.
 */
export function levelAtLeast(level: LogLevel): RecordPredicate {
  if (!LOG_LEVELS.includes(level)) throw new InvalidOptionError(`unknown level ${JSON.stringify(level)}: use one of ${LOG_LEVELS.join(', ')}`);
  const min = levelRank(level);
  return (record) => record.level !== undefined && levelRank(record.level) >= min;
}

/** Compiles a user's pattern: a RegExp as is, a string as a regular expression (clear error if it is not one). */
export function toRegExp(pattern: string | RegExp, flags = ''): RegExp {
  if (pattern instanceof RegExp) return pattern;
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    throw new InvalidOptionError(`${JSON.stringify(pattern)} is not a valid regular expression: ${(error as Error).message}`);
  }
}

/** Lines whose text matches `pattern`. */
export function matchingLines(pattern: string | RegExp): (line: LogLine) => boolean {
  const re = withoutState(toRegExp(pattern));
  return (line) => re.test(line.text);
}

/** Lines whose text does not match `pattern`. */
export function notMatchingLines(pattern: string | RegExp): (line: LogLine) => boolean {
  const re = withoutState(toRegExp(pattern));
  return (line) => !re.test(line.text);
}

/** Records whose line passes a line predicate. */
export function byLine(predicate: (line: LogLine) => boolean): RecordPredicate {
  return (record) => predicate(record.line);
}

/** Records that pass every predicate. */
export function allOf(...predicates: RecordPredicate[]): RecordPredicate {
  return (record) => predicates.every((p) => p(record));
}

/** The records of `stream` that pass `predicate`, in the same order. */
export function filterRecords(stream: RecordStream, predicate: RecordPredicate): RecordStream {
  return new RecordStream(`${stream.name}, filtered`, (sink) => {
    const subscription = stream.subscribe({
      onRecords: (records) => {
        const kept = records.filter(predicate);
        return kept.length > 0 ? sink.records(kept) : undefined;
      },
      onEvent: (event) => sink.event(event),
      onError: (error) => sink.error(error),
    });
    return { ready: stream.ready, disconnect: () => subscription.unsubscribe() };
  });
}

/** `g` and `y` make `test` remember where it stopped; a filter must not. */
function withoutState(re: RegExp): RegExp {
  return re.global || re.sticky ? new RegExp(re.source, re.flags.replace(/[gy]/g, '')) : re;
}
