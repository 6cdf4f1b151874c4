// The stderr notices of `logstream follow`, worded like GNU tail's: what happened to a followed
// file (appeared, rotated, truncated…) and what went wrong with it.
import type { LogStreamError, LogStreamEvent } from '@logstream/core';

/** Where a followed file stood before an event, as far as notices care. */
export type NoticeState = 'starting' | 'waiting' | 'following';

/**
 * The notice for a stream event of the file shown as `name`, or undefined when the event
 * needs none (`following` at start, `drained`, `closed`…).
 *
 * @example
 * describeEvent({ type: 'truncated', path, previousOffset: 90, size: 0, resumedAt: 0, unreadBytesLost: 0 }, 'app.log', 'following');
 * // 'app.log: file truncated'
 */
export function describeEvent(event: LogStreamEvent, name: string, before: NoticeState): string | undefined {
  switch (event.type) {
    case 'waiting':
      // An unreadable file or a directory has its own error message; only absence is news here.
      if (event.reason !== 'missing') return undefined;
      if (before === 'starting') return `waiting for '${name}' to appear`;
      if (before === 'following') return `'${name}' has been moved or deleted; waiting for it to reappear`;
      return undefined;
    case 'following':
      return before === 'waiting' ? `'${name}' has appeared; following new file` : undefined;
    case 'rotated':
      return `'${name}' has been rotated; following new file`;
    case 'replaced':
      return `'${name}' has been replaced; following new file`;
    case 'truncated':
      return event.unreadBytesLost > 0
        ? `${name}: file truncated (up to ${String(event.unreadBytesLost)} bytes written just before may have been lost)`
        : `${name}: file truncated`;
    case 'fallback-to-poll':
      return `'${name}': file events are unavailable (${event.reason}); polling instead`;
    case 'start-offset-beyond-end':
      return `'${name}' is shorter than the start offset; reading from its beginning`;
    default:
      return undefined;
  }
}

/**
 * The notice for an error about the file shown as `name`: the core's message, which says what
 * to do, with the absolute path replaced by the name the user gave.
 *
 * @example
 * describeError(new NotAFileError('/srv/logs', 'directory'), 'logs');
 * // "'logs' is a directory, not a file: give the path of a log file"
 */
export function describeError(error: LogStreamError, name: string, follow: boolean): string {
  if (error.code === 'ERR_FILE_ACCESS' && !follow) return `cannot open '${name}' for reading (${causeCode(error) ?? 'access denied'})`;
  if (error.code === 'ERR_READ' && !follow) return `error reading '${name}' (${causeCode(error) ?? 'I/O error'})`;
  return error.path === undefined ? error.message : error.message.split(error.path).join(`'${name}'`);
}

/** The notice when a file was not there at all with --no-follow, in tail's words. */
export function describeMissing(name: string): string {
  return `cannot open '${name}' for reading: No such file or directory`;
}

function causeCode(error: LogStreamError): string | undefined {
  const cause: unknown = error.cause;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string') return cause.code;
  return undefined;
}
