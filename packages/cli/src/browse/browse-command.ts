// `logstream browse`: the full-screen log browser on files, folders and globs (a terminal only).
import { parseCommandLine } from '../args/parse-command-line.js';
import { UsageError } from '../errors/usage-error.js';
import { parseFormatName, parseTimestampFormat } from '../follow/args.js';
import type { CommandContext } from '../follow/follow-command.js';
import { onTerminal } from './on-terminal.js';
import type { ParseOptions } from '@logstream/core';

/** What `logstream browse` was asked to do. */
export interface BrowseOptions {
  readonly names: readonly string[];
  readonly watcher: 'auto' | 'poll';
  readonly parse: ParseOptions;
}

/** Parses the arguments after `logstream browse`; throws a {@link UsageError} for bad ones. */
export function parseBrowseArgs(argv: readonly string[]): BrowseOptions | 'help' {
  const { flags, operands } = parseCommandLine(argv, {
    poll: { type: 'boolean' },
    format: { type: 'string' },
    'timestamp-format': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (flags.some((f) => f.name === 'help')) return 'help';
  if (operands.length === 0) throw new UsageError('no files given');
  const parse: ParseOptions = {};
  for (const flag of flags) {
    if (flag.name === 'format') parse.format = parseFormatName(flag.value ?? '');
    if (flag.name === 'timestamp-format') parse.timestampPattern = parseTimestampFormat(flag.value ?? '');
  }
  return { names: operands, watcher: flags.some((f) => f.name === 'poll') ? 'poll' : 'auto', parse };
}

export { onTerminal } from './on-terminal.js';

/** Runs the browser until the user quits (or the signal aborts); resolves with the exit status. */
export async function runBrowseCommand(argv: readonly string[], context: CommandContext): Promise<number> {
  const options = parseBrowseArgs(argv);
  if (options === 'help') {
    context.help();
    return 0;
  }
  if (!onTerminal(context)) throw new UsageError("browse needs a terminal (stdin and stdout): use 'logstream follow' to print lines to a pipe or file");
  await browse(options.names, context, { watcher: options.watcher, parse: options.parse });
  return 0;
}

/** Opens the browser on `names` (as `logstream FILE…` on a terminal and the demo do). */
export async function browse(names: readonly string[], context: CommandContext, extra: { watcher?: 'auto' | 'poll'; parse?: ParseOptions; cwd?: string } = {}): Promise<void> {
  // Loaded only here: following into a pipe never needs the terminal UI.
  const { LogBrowser } = await import('@logstream/tui');
  const browser = new LogBrowser({
    names,
    ...(extra.cwd === undefined ? {} : { cwd: extra.cwd }),
    ...(extra.watcher === undefined ? {} : { watcher: extra.watcher }),
    ...(extra.parse === undefined ? {} : { parse: extra.parse }),
    ...(context.signal === undefined ? {} : { signal: context.signal }),
  });
  await browser.run();
}
