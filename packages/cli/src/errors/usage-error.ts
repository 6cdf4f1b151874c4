// The error for a command line that cannot be run as given: exit status 2 and a usage hint.

/** Exit status of a usage error, as GNU tools use it (`tail` uses 1; `grep` and `diff` use 2). */
export const USAGE_EXIT_CODE = 2;

/**
 * A command line that cannot be run as given (unknown flag, missing value, bad number, no files).
 * The message says what is wrong in one line; the CLI adds the usage line and a pointer to `--help`.
 *
 * @example
 * throw new UsageError("invalid number of lines: 'ten'");
 */
export class UsageError extends Error {
  override name = 'UsageError' as const;
}

/** True for a {@link UsageError}. */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError;
}
