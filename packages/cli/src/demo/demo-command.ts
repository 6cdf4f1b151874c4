// `logstream demo`: runs the simulated job in a folder and follows its logs with the same code
// as `logstream follow`, until Ctrl-C or --duration; a temporary folder is removed at the end.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCommandLine } from '../args/parse-command-line.js';
import { notify, outputIsTerminal } from '../cli-io.js';
import { UsageError } from '../errors/usage-error.js';
import type { CommandContext } from '../follow/follow-command.js';
import { browse, onTerminal } from '../browse/browse-command.js';
import { followFiles } from '../follow/follow-session.js';
import { DEFAULT_ROTATE_EVERY_S, DEMO_FILES, SimulatedJob } from './simulated-job.js';

/** What `logstream demo` was asked to do. */
export interface DemoOptions {
  /** Where to write; a new temporary folder (removed on exit) when undefined. */
  readonly dir: string | undefined;
  /** Seconds to run; until stopped when undefined. */
  readonly durationS: number | undefined;
  /** @default 5 */
  readonly rotateEveryS: number;
}

/**
 * Parses the arguments after `logstream demo`; throws a {@link UsageError} for bad ones.
 *
 * @example
 * parseDemoArgs(['--duration', '10']); // { dir: undefined, durationS: 10, rotateEveryS: 5 }
 */
export function parseDemoArgs(argv: readonly string[]): DemoOptions | 'help' {
  const { flags, operands } = parseCommandLine(argv, {
    dir: { type: 'string' },
    duration: { type: 'string' },
    'rotate-every': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (flags.some((flag) => flag.name === 'help')) return 'help';
  if (operands.length > 0) throw new UsageError(`demo takes no file names (got '${operands[0] ?? ''}'): use --dir DIR`);
  const value = (name: string) => flags.findLast((flag) => flag.name === name)?.value;
  const dir = value('dir');
  if (dir === '') throw new UsageError('--dir needs a folder name');
  return { dir, durationS: seconds(value('duration'), 'duration'), rotateEveryS: seconds(value('rotate-every'), 'rotate-every') ?? DEFAULT_ROTATE_EVERY_S };
}

/**
 * Runs `logstream demo ARGS…` and resolves with its exit status.
 *
 * @example
 * const code = await runDemoCommand(['--duration', '10'], context);
 */
export async function runDemoCommand(argv: readonly string[], context: CommandContext): Promise<number> {
  const options = parseDemoArgs(argv);
  if (options === 'help') {
    context.help();
    return 0;
  }
  const { io } = context;
  const dir = makeFolder(options.dir);
  if (dir instanceof Error) {
    notify(io, `demo: cannot create the folder for the logs: ${dir.message}`);
    return 1;
  }
  const stop = new AbortController();
  const job = new SimulatedJob(dir, {
    rotateEveryMs: options.rotateEveryS * 1000,
    onError: (error) => {
      notify(io, `demo: the simulated job stopped writing: ${error instanceof Error ? error.message : String(error)}`);
      stop.abort();
    },
  });
  const timer = options.durationS === undefined ? undefined : setTimeout(() => stop.abort(), options.durationS * 1000);
  const forward = () => stop.abort();
  try {
    job.start();
    const duration = options.durationS === undefined ? 'Ctrl-C to stop' : `for ${String(options.durationS)} s`;
    if (!onTerminal(context)) notify(io, `demo: a simulated job writes ${DEMO_FILES.join(' and ')} in ${dir}, rotating them every ${String(options.rotateEveryS)} s; following them (${duration})`);
    // Forwarded by hand rather than with AbortSignal.any, whose composite signal Node may collect.
    context.signal?.addEventListener('abort', forward, { once: true });
    if (context.signal?.aborted) stop.abort();
    if (onTerminal(context)) {
      await browse(DEMO_FILES, { ...context, signal: stop.signal }, { cwd: dir });
      return 0;
    }
    return await followFiles({
      names: DEMO_FILES,
      patterns: new Set(),
      cwd: dir,
      start: { last: 10 },
      follow: true,
      watcher: 'auto',
      pollIntervalMs: undefined,
      printer: { labels: 'prefix', sanitize: outputIsTerminal(io) },
      analysis: { merge: false, grep: [], exclude: [], level: undefined, parse: {}, records: false },
    }, io, stop.signal);
  } finally {
    context.signal?.removeEventListener('abort', forward);
    clearTimeout(timer);
    job.stop();
    if (options.dir === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

/** The folder to write in: `dir` (created if missing) or a new temporary one. */
function makeFolder(dir: string | undefined): string | Error {
  try {
    if (dir === undefined) return mkdtempSync(join(tmpdir(), 'logstream-demo-'));
    mkdirSync(resolve(dir), { recursive: true });
    return resolve(dir);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function seconds(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(value > 0) || value > 2_147_483) throw new UsageError(`invalid --${flag}: '${text}' (a number of seconds above 0)`);
  return value;
}
