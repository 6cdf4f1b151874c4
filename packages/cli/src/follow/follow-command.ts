// `logstream follow`: parses the command line and runs a follow session with tail's output rules.
import type { CliIO } from '../cli-io.js';
import { parseFollowArgs, type FollowOptions } from './args.js';
import { followFiles, type FollowSessionOptions } from './follow-session.js';
import type { LineLabels } from './printer.js';

/** What a command needs besides its arguments. */
export interface CommandContext {
  readonly io: CliIO;
  /** Aborting stops the command cleanly (exit status 0). */
  readonly signal?: AbortSignal;
  /** Prints the help text (`--help`). */
  readonly help: () => void;
  /** Prints the version (`--version`). */
  readonly version: () => void;
}

/**
 * Runs `logstream follow ARGS…` and resolves with its exit status. Usage errors are thrown as
 * {@link UsageError}s for the caller to report.
 *
 * @example
 * const code = await runFollowCommand(['-n', '5', 'app.log'], { io: processIO(), signal, help, version });
 */
export async function runFollowCommand(argv: readonly string[], context: CommandContext): Promise<number> {
  const command = parseFollowArgs(argv);
  if (command.kind !== 'run') {
    if (command.kind === 'help') context.help();
    else context.version();
    return 0;
  }
  return followFiles(sessionOptions(command.options, context.io), context.io, context.signal);
}

/** The session for parsed options: names as given, labels and sanitising as `tail` would decide. */
export function sessionOptions(options: FollowOptions, io: CliIO): FollowSessionOptions {
  return {
    targets: options.files.map((file) => ({ path: file, name: file })),
    start: options.start,
    follow: options.follow,
    watcher: options.watcher,
    pollIntervalMs: options.pollIntervalMs,
    printer: {
      format: options.json ? 'json' : 'text',
      labels: labelsFor(options),
      sanitize: !options.raw && io.stdout.isTTY === true,
    },
  };
}

function labelsFor(options: FollowOptions): LineLabels {
  if (options.prefix) return 'prefix';
  if (options.headers === 'always') return 'headers';
  if (options.headers === 'never') return 'none';
  return options.files.length > 1 ? 'headers' : 'none';
}
