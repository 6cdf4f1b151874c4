// The `logstream` command line: picks the command, runs it, and turns failures into messages
// and exit statuses (2 for usage errors, 1 for the rest), never into stack traces.
import { processIO, type CliIO } from './cli-io.js';
import { onTerminal } from './browse/on-terminal.js';
import { describeUnexpected } from './errors/report-error.js';
import { USAGE_EXIT_CODE, isUsageError } from './errors/usage-error.js';
import type { CommandContext } from './follow/follow-command.js';
import { HELP, HELP_HINT, USAGE_LINES } from './usage.js';
import { VERSION } from './version.js';

/** Options of {@link main}. */
export interface MainOptions {
  /** Streams and environment. @default the process's */
  io?: CliIO;
  /** Aborting stops a running command cleanly, with exit status 0 (the CLI ties it to SIGINT and SIGTERM). */
  signal?: AbortSignal;
}

/**
 * Runs the `logstream` command line `argv` (without `node` and the script) and resolves with
 * the exit status. It never throws: every failure is reported on `io.stderr`.
 *
 * @example
 * const controller = new AbortController();
 * process.once('SIGINT', () => controller.abort());
 * process.exitCode = await main(['follow', '-n', '20', 'app.log'], { signal: controller.signal });
 */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const io = options.io ?? processIO();
  const context: CommandContext = {
    io,
    signal: options.signal,
    help: () => void io.stdout.write(HELP),
    version: () => void io.stdout.write(`logstream ${VERSION}\n`),
  };
  const [first, ...rest] = argv;
  const command = first === 'demo' ? 'demo' : first === 'browse' ? 'browse' : 'follow';
  try {
    if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
      context.help();
      return 0;
    }
    if (first === '--version') {
      context.version();
      return 0;
    }
    // Each command's modules are loaded when it runs: start-up is part of every command's latency.
    if (first === 'demo') return await (await import('./demo/demo-command.js')).runDemoCommand(rest, context);
    if (first === 'browse') return await (await import('./browse/browse-command.js')).runBrowseCommand(rest, context);
    if (first === 'follow') return await (await import('./follow/follow-command.js')).runFollowCommand(rest, context);
    // `logstream FILE…`: the browser on a terminal, `follow` into a pipe or file.
    if (onTerminal(context) && argv.every((a) => !a.startsWith('-'))) return await (await import('./browse/browse-command.js')).runBrowseCommand(argv, context);
    return await (await import('./follow/follow-command.js')).runFollowCommand(argv, context);
  } catch (error) {
    if (isUsageError(error)) {
      io.stderr.write(`logstream: ${error.message}\n${USAGE_LINES[command]}\n${HELP_HINT}\n`);
      return USAGE_EXIT_CODE;
    }
    io.stderr.write(describeUnexpected(error, io.env));
    return 1;
  }
}
