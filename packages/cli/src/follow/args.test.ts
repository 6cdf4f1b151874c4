// Unit tests of `logstream follow` argument parsing: tail's flags, -n +N, and usage errors.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/usage-error.js';
import { parseFollowArgs, parseLineCount, type FollowOptions } from './args.js';

function run(argv: string[]): FollowOptions {
  const command = parseFollowArgs(argv);
  if (command.kind !== 'run') throw new Error(`expected a run, got ${command.kind}`);
  return command.options;
}

function usageError(argv: string[]): string {
  try {
    parseFollowArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`no usage error for ${JSON.stringify(argv)}`);
}

describe('parseFollowArgs', () => {
  it('defaults to the last 10 lines, following with file events, headers decided by file count', () => {
    expect(run(['app.log'])).toEqual({
      files: ['app.log'], start: { last: 10 }, headers: 'auto', prefix: false, json: false, raw: false,
      follow: true, watcher: 'auto', pollIntervalMs: undefined,
      merge: false, grep: [], exclude: [], level: undefined, format: 'auto', timestampFormat: undefined,
    });
  });

  it('reads the analysis flags: --merge, repeated --grep and --exclude, --level, --format, --timestamp-format', () => {
    const options = run(['--merge', '--grep', 'a+', '--grep=b', '--exclude', 'c', '--level', 'WARNING', '--format', 'JSON', '--timestamp-format', '%H:%M', 'x.log']);
    expect(options).toMatchObject({ merge: true, level: 'warn', format: 'json', timestampFormat: '%H:%M' });
    expect(options.grep.map((r) => r.source)).toEqual(['a+', 'b']);
    expect(options.exclude.map((r) => r.source)).toEqual(['c']);
  });

  it('reads -n N, -nN, --lines N, --lines=N and -n -N as the last N lines', () => {
    for (const argv of [['-n', '3'], ['-n3'], ['--lines', '3'], ['--lines=3'], ['-n', '-3']]) {
      expect(run([...argv, 'f']).start).toEqual({ last: 3 });
    }
  });

  it('reads -n +N as "from line N", +0 as +1, and --from-start as +1', () => {
    expect(run(['-n', '+5', 'f']).start).toEqual({ fromLine: 5 });
    expect(run(['-n+0', 'f']).start).toEqual({ fromLine: 1 });
    expect(run(['--from-start', 'f']).start).toEqual({ fromLine: 1 });
  });

  it('lets the later of -n and --from-start win, as tail does', () => {
    expect(run(['--from-start', '-n', '2', 'f']).start).toEqual({ last: 2 });
    expect(run(['-n', '2', '--from-start', 'f']).start).toEqual({ fromLine: 1 });
  });

  it('keeps files in order, flags anywhere, and files after --', () => {
    expect(run(['a', '-q', 'b', '--', '-odd-name']).files).toEqual(['a', 'b', '-odd-name']);
  });

  it('reads the switches', () => {
    const options = run(['-q', '--prefix', '--json', '--raw', '--poll', '--poll-interval', '50', '--no-follow', 'f']);
    expect(options).toMatchObject({ headers: 'never', prefix: true, json: true, raw: true, watcher: 'poll', pollIntervalMs: 50, follow: false });
    expect(run(['-v', 'f']).headers).toBe('always');
    expect(run(['--silent', 'f']).headers).toBe('never');
    expect(run(['-qv', 'f']).headers).toBe('always');
  });

  it('accepts -f, -F, --follow and --retry as no-ops', () => {
    expect(run(['-f', '-F', '--follow', '--retry', 'f'])).toEqual(run(['f']));
  });

  it('recognises help and version', () => {
    expect(parseFollowArgs(['-h'])).toEqual({ kind: 'help' });
    expect(parseFollowArgs(['f', '--help'])).toEqual({ kind: 'help' });
    expect(parseFollowArgs(['--version'])).toEqual({ kind: 'version' });
  });

  it('rejects unknown flags, naming them', () => {
    expect(usageError(['--bogus', 'f'])).toBe("unrecognized option '--bogus'");
    expect(usageError(['-x', 'f'])).toBe("invalid option -- 'x'");
  });

  it('rejects a flag missing its value, and a value given to a switch', () => {
    expect(usageError(['f', '-n'])).toBe("option '-n' requires a value");
    expect(usageError(['f', '--poll-interval'])).toBe("option '--poll-interval' requires a value");
    expect(usageError(['--json=yes', 'f'])).toBe("option '--json' doesn't allow a value");
  });

  it('rejects bad numbers', () => {
    expect(usageError(['-n', 'ten', 'f'])).toBe("invalid number of lines: 'ten'");
    expect(usageError(['-n', '1.5', 'f'])).toBe("invalid number of lines: '1.5'");
    expect(usageError(['-n', '--json', 'f'])).toBe("invalid number of lines: '--json'");
    expect(usageError(['-n', '99999999999999999999', 'f'])).toMatch(/invalid number of lines/);
    expect(usageError(['--poll-interval', '0', 'f'])).toMatch(/invalid poll interval: '0'/);
    expect(usageError(['--poll-interval', 'fast', 'f'])).toMatch(/invalid poll interval: 'fast'/);
  });

  it('rejects no files, an empty name and standard input', () => {
    expect(usageError([])).toBe('no files given');
    expect(usageError(['-n', '5'])).toBe('no files given');
    expect(usageError([''])).toBe('a file name is empty');
    expect(usageError(['-'])).toMatch(/standard input/);
  });
});

describe('parseLineCount', () => {
  it('reads N, -N and +N', () => {
    expect(parseLineCount('0')).toEqual({ last: 0 });
    expect(parseLineCount('-7')).toEqual({ last: 7 });
    expect(parseLineCount('+7')).toEqual({ fromLine: 7 });
  });
});
