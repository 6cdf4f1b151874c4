// `logstream follow`: parses the command line and runs a follow session with tail's output rules.
import { resolveSourcePatterns, type ParseOptions } from '@logstream/core';
import { outputIsTerminal, type CliIO } from '../cli-io.js';
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
  return followFiles(await sessionOptions(command.options, context.io), context.io, context.signal);
}

/** The session for parsed options: names as given, labels and sanitising as `tail` would decide. */
export async function sessionOptions(options: FollowOptions, io: CliIO, cwd = process.cwd()): Promise<FollowSessionOptions> {
  const sources = await resolveSourcePatterns(options.files, cwd);
  const patterns = new Set(options.files.filter((_, i) => sources[i]?.kind !== 'file'));
  const parse: ParseOptions = { format: options.format };
  if (options.timestampFormat !== undefined) parse.timestampPattern = options.timestampFormat;
  return {
    names: options.files,
    patterns,
    start: options.start,
    follow: options.follow,
    watcher: options.watcher,
    pollIntervalMs: options.pollIntervalMs,
    cwd,
    printer: {
      format: options.json ? 'json' : 'text',
      labels: labelsFor(options, patterns.size > 0),
      sanitize: !options.raw && outputIsTerminal(io),
    },
    analysis: {
      merge: options.merge,
      grep: options.grep,
      exclude: options.exclude,
      level: options.level,
      parse,
      records: options.json || options.format !== 'auto' || options.timestampFormat !== undefined,
    },
  };
}

/**
 * Headers as `tail` prints them: with several files (or a folder or glob, which may hold several),
 * unless -q; with -v always. A merged stream switches file from line to line, so it tags each
 * line with its file instead, unless -q or -v says otherwise.
 */
function labelsFor(options: FollowOptions, hasPatterns: boolean): LineLabels {
  if (options.prefix) return 'prefix';
  if (options.headers === 'always') return 'headers';
  if (options.headers === 'never') return 'none';
  const several = options.files.length > 1 || hasPatterns;
  if (!several) return 'none';
  return options.merge ? 'prefix' : 'headers';
}
