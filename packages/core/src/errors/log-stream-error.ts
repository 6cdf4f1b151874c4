// Typed errors: one base class with a literal `code`, one subclass per reason, and type guards.

/** Every error code logstream raises; each is described in docs/errors.md. */
export type LogStreamErrorCode =
  | 'ERR_INVALID_OPTION'
  | 'ERR_NOT_A_FILE'
  | 'ERR_FILE_ACCESS'
  | 'ERR_READ'
  | 'ERR_WATCH'
  | 'ERR_SUBSCRIBER'
  | 'ERR_STREAM_CLOSED';

/** Base class of every error logstream raises. `code` is stable; `message` says what to do. */
export class LogStreamError extends Error {
  override name = 'LogStreamError';
  readonly code: LogStreamErrorCode;
  /** The path the error concerns, when there is one. */
  readonly path: string | undefined;

  constructor(code: LogStreamErrorCode, message: string, options: { cause?: unknown; path?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
  }
}

/** A constructor argument or option was invalid. Thrown at once, never delivered later. */
export class InvalidOptionError extends LogStreamError {
  override name = 'InvalidOptionError' as const;
  constructor(message: string) {
    super('ERR_INVALID_OPTION', message);
  }
}

/** The followed path exists but is not a regular file (a directory, a socket…). */
export class NotAFileError extends LogStreamError {
  override name = 'NotAFileError' as const;
  constructor(path: string, kind: string) {
    super('ERR_NOT_A_FILE', `${path} is a ${kind}, not a file: give the path of a log file`, { path });
  }
}

/** The file exists but cannot be opened (permissions). Following retries and resumes once it can. */
export class FileAccessError extends LogStreamError {
  override name = 'FileAccessError' as const;
  constructor(path: string, cause: unknown) {
    super('ERR_FILE_ACCESS', `cannot open ${path} for reading (${errnoCode(cause) ?? 'error'}): check its permissions; following resumes once it is readable`, { path, cause });
  }
}

/** Reading an open file failed (I/O error). Following retries on the next change. */
export class ReadError extends LogStreamError {
  override name = 'ReadError' as const;
  /** `retrying`: whether a follower will try again on the next change (false for an index or a search). */
  constructor(path: string, cause: unknown, { retrying = true }: { readonly retrying?: boolean } = {}) {
    const why = errnoCode(cause) ?? (cause instanceof Error ? cause.message : String(cause));
    super('ERR_READ', `reading ${path} failed (${why})${retrying ? '; retrying on the next change' : ''}`, { path, cause });
  }
}

/** OS file events are unavailable for a path; following continues by polling. */
export class WatchError extends LogStreamError {
  override name = 'WatchError' as const;
  constructor(path: string, message: string, cause?: unknown) {
    super('ERR_WATCH', `${message} for ${path}`, { path, cause });
  }
}

/** A subscriber callback threw or rejected. The other subscribers were not disturbed. */
export class SubscriberError extends LogStreamError {
  override name = 'SubscriberError' as const;
  constructor(path: string, callback: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('ERR_SUBSCRIBER', `a subscriber's ${callback} for ${path} threw: ${reason}`, { path, cause });
  }
}

/** The stream was closed; it cannot be subscribed to again. */
export class StreamClosedError extends LogStreamError {
  override name = 'StreamClosedError' as const;
  constructor(path: string) {
    super('ERR_STREAM_CLOSED', `the LogStream for ${path} is closed: create a new one to follow again`, { path });
  }
}

/** True for any error raised by logstream. */
export function isLogStreamError(error: unknown): error is LogStreamError {
  return error instanceof LogStreamError;
}

/** The errno code (`ENOENT`, `EACCES`…) of a Node system error, if it is one. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}
