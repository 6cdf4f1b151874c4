// The command line of `logstream follow`: tail's flags (-n N, -n +N, -q, -v, -f, -F) plus
// logstream's own (--prefix, --json, --raw, --poll, --poll-interval, --no-follow) and the
// analysis flags (--merge, --grep, --exclude, --level, --format, --timestamp-format).
import { LOG_LEVELS, type FormatName, type LogLevel } from '@logstream/core';
import { parseCommandLine, type FlagSpec } from '../args/parse-command-line.js';
import { UsageError } from '../errors/usage-error.js';

/** Lines printed before following: the last N, or everything from line N (counted from 1). */
export type StartAt = { readonly last: number } | { readonly fromLine: number };

/** Lines shown from each file before following, as `tail` does. @default 10 */
export const DEFAULT_LINES = 10;

/** What `logstream follow` was asked to do. */
export interface FollowOptions {
  /** The files, as the user wrote them (shown so in headers, prefixes, JSON and messages). */
  readonly files: readonly string[];
  /** @default { last: 10 } */
  readonly start: StartAt;
  /** `auto`: headers when there are several files; `always` (-v); `never` (-q). */
  readonly headers: 'auto' | 'always' | 'never';
  /** Tag every line with `name: ` instead of printing headers. */
  readonly prefix: boolean;
  /** One JSON object per line. */
  readonly json: boolean;
  /** Pass control characters through even to a terminal. */
  readonly raw: boolean;
  /** False with --no-follow: print the selected lines and exit. */
  readonly follow: boolean;
  /** `poll` with --poll; otherwise OS file events with polling as the fallback. */
  readonly watcher: 'auto' | 'poll';
  /** --poll-interval, in milliseconds; the core's default when undefined. */
  readonly pollIntervalMs: number | undefined;
  /** --merge: one stream ordered by time across the files. */
  readonly merge: boolean;
  /** --grep: print only lines matching one of these (regular expressions). */
  readonly grep: readonly RegExp[];
  /** --exclude: drop lines matching any of these. */
  readonly exclude: readonly RegExp[];
  /** --level: print only messages at this level or above. */
  readonly level: LogLevel | undefined;
  /** --format: the files' format, or detect it per file. */
  readonly format: FormatName | 'auto';
  /** --timestamp-format: the user's own strftime-style pattern. */
  readonly timestampFormat: string | undefined;
}

/** The formats `--format` accepts. */
export const FORMAT_NAMES: readonly (FormatName | 'auto')[] = ['auto', 'json', 'logfmt', 'syslog', 'clf', 'glog', 'python', 'log4j', 'text'];

/** A parsed `follow` command line: help, version, or a run. */
export type FollowCommand = { readonly kind: 'help' } | { readonly kind: 'version' } | { readonly kind: 'run'; readonly options: FollowOptions };

const FLAGS: Readonly<Record<string, FlagSpec>> = {
  lines: { type: 'string', short: 'n' },
  'from-start': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  silent: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  prefix: { type: 'boolean' },
  json: { type: 'boolean' },
  raw: { type: 'boolean' },
  poll: { type: 'boolean' },
  'poll-interval': { type: 'string' },
  'no-follow': { type: 'boolean' },
  merge: { type: 'boolean' },
  grep: { type: 'string' },
  exclude: { type: 'string' },
  level: { type: 'string' },
  format: { type: 'string' },
  'timestamp-format': { type: 'string' },
  follow: { type: 'boolean', short: 'f' },
  retry: { type: 'boolean', short: 'F' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
};

/**
 * Parses the arguments after `logstream follow`. Later flags override earlier ones, as in
 * `tail`. Throws a {@link UsageError} for anything that cannot be run.
 *
 * @example
 * parseFollowArgs(['-n', '+5', 'app.log']); // { kind: 'run', options: { start: { fromLine: 5 }, … } }
 */
export function parseFollowArgs(argv: readonly string[]): FollowCommand {
  const { flags, operands } = parseCommandLine(argv, FLAGS);
  let start: StartAt = { last: DEFAULT_LINES };
  let headers: FollowOptions['headers'] = 'auto';
  const on = new Set<string>();
  let pollIntervalMs: number | undefined;
  const grep: RegExp[] = [];
  const exclude: RegExp[] = [];
  let level: LogLevel | undefined;
  let format: FormatName | 'auto' = 'auto';
  let timestampFormat: string | undefined;
  for (const flag of flags) {
    on.add(flag.name);
    if (flag.name === 'help') return { kind: 'help' };
    if (flag.name === 'version') return { kind: 'version' };
    if (flag.name === 'lines') start = parseLineCount(flag.value ?? '');
    if (flag.name === 'from-start') start = { fromLine: 1 };
    if (flag.name === 'quiet' || flag.name === 'silent') headers = 'never';
    if (flag.name === 'verbose') headers = 'always';
    if (flag.name === 'poll-interval') pollIntervalMs = parseMilliseconds(flag.value ?? '');
    if (flag.name === 'grep') grep.push(parsePattern(flag.rawName, flag.value ?? ''));
    if (flag.name === 'exclude') exclude.push(parsePattern(flag.rawName, flag.value ?? ''));
    if (flag.name === 'level') level = parseLevelName(flag.value ?? '');
    if (flag.name === 'format') format = parseFormatName(flag.value ?? '');
    if (flag.name === 'timestamp-format') timestampFormat = parseTimestampFormat(flag.value ?? '');
  }
  if (operands.length === 0) throw new UsageError('no files given');
  for (const file of operands) {
    if (file === '') throw new UsageError('a file name is empty');
    if (file === '-') throw new UsageError("reading standard input ('-') is not supported: give the path of a log file");
  }
  return {
    kind: 'run',
    options: {
      files: operands,
      start,
      headers,
      prefix: on.has('prefix'),
      json: on.has('json'),
      raw: on.has('raw'),
      follow: !on.has('no-follow'),
      watcher: on.has('poll') ? 'poll' : 'auto',
      pollIntervalMs,
      merge: on.has('merge'),
      grep,
      exclude,
      level,
      format,
      timestampFormat,
    },
  };
}

/** A regular expression for --grep / --exclude; a bad one is a usage error that says why. */
function parsePattern(flag: string, value: string): RegExp {
  if (value === '') throw new UsageError(`${flag} needs a pattern (a regular expression)`);
  try {
    return new RegExp(value);
  } catch (error) {
    throw new UsageError(`invalid pattern for ${flag}: ${(error as Error).message}`);
  }
}

/** A level name as --level takes it (any case; warning and err accepted). */
export function parseLevelName(value: string): LogLevel {
  const word = value.toLowerCase();
  const level = word === 'warning' ? 'warn' : word === 'err' ? 'error' : word;
  if ((LOG_LEVELS as readonly string[]).includes(level)) return level as LogLevel;
  throw new UsageError(`invalid level: '${value}' (one of ${LOG_LEVELS.join(', ')})`);
}

/** A format name as --format takes it (any case). */
export function parseFormatName(value: string): FormatName | 'auto' {
  const name = value.toLowerCase();
  if ((FORMAT_NAMES as readonly string[]).includes(name)) return name as FormatName | 'auto';
  throw new UsageError(`invalid format: '${value}' (one of ${FORMAT_NAMES.join(', ')})`);
}

/** A strftime-style pattern as --timestamp-format takes it. */
export function parseTimestampFormat(value: string): string {
  if (!value.includes('%')) throw new UsageError(`invalid timestamp format: '${value}' (a strftime-style pattern such as '%Y-%m-%d %H:%M:%S')`);
  return value;
}

/**
 * `-n` as `tail` reads it: `N` or `-N` for the last N lines, `+N` from line N on (`+0` is `+1`).
 *
 * @example
 * parseLineCount('+3'); // { fromLine: 3 }
 */
export function parseLineCount(value: string): StartAt {
  const count = /^[+-]?\d+$/.test(value) ? Number(value.replace(/^[+-]/, '')) : Number.NaN;
  if (!Number.isSafeInteger(count)) throw new UsageError(`invalid number of lines: '${value}'`);
  return value.startsWith('+') ? { fromLine: Math.max(1, count) } : { last: count };
}

/** A positive number of milliseconds. */
function parseMilliseconds(value: string): number {
  const ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(ms > 0) || !Number.isFinite(ms)) throw new UsageError(`invalid poll interval: '${value}' (a number of milliseconds above 0)`);
  return ms;
}
