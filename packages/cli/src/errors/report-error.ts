// Turns an unexpected failure into one `logstream: ` line (a stack trace only when debugging).

/** Environment variable that, set to 1, adds stack traces to unexpected errors. */
export const DEBUG_ENV = 'LOGSTREAM_DEBUG';

/** True when `LOGSTREAM_DEBUG=1` asks for stack traces and diagnostics. */
export function isDebug(env: NodeJS.ProcessEnv): boolean {
  return env[DEBUG_ENV] === '1';
}

/**
 * The text to print for an error nobody expected: `logstream: internal error: <message>` on one
 * line, or with `LOGSTREAM_DEBUG=1` that line followed by the stack trace and causes.
 *
 * @example
 * stderr.write(describeUnexpected(error, process.env)); // "logstream: internal error: …\n"
 */
export function describeUnexpected(error: unknown, env: NodeJS.ProcessEnv): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
  if (!isDebug(env)) return `logstream: internal error: ${message} (set ${DEBUG_ENV}=1 for details)\n`;
  let out = `logstream: internal error: ${message}\n`;
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    out += (depth > 0 ? 'caused by: ' : '') + (e.stack ?? e.message) + '\n';
  }
  return out;
}
