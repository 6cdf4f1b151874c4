// End to end: what `logstream` says, and with which exit status, when it cannot do what it is asked.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_NOBODY, runCli, startCli, tempDir } from '../test-utils/index.js';

describe('logstream follow: errors', () => {
  it('a folder means the files in it; with --no-follow and no files it says so and exits 0', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'logs'));
    const cli = await runCli(['follow', '--no-follow', 'logs'], { cwd: dir });
    expect(cli.exit.code).toBe(0);
    expect(cli.stderr).toBe("logstream: no files in 'logs'\n");
  });

  it('rejects a bad pattern, level or format with exit status 2 and says why', async () => {
    for (const [args, message] of [
      [['--grep', '(unclosed', 'x.log'], 'invalid pattern for --grep: Invalid regular expression: /(unclosed/: Unterminated group'],
      [['--level', 'loud', 'x.log'], "invalid level: 'loud' (one of trace, debug, info, notice, warn, error, fatal)"],
      [['--format', 'xml', 'x.log'], "invalid format: 'xml' (one of auto, json, logfmt, syslog, clf, glog, python, log4j, text)"],
      [['--timestamp-format', 'yyyy', 'x.log'], "invalid timestamp format: 'yyyy' (a strftime-style pattern such as '%Y-%m-%d %H:%M:%S')"],
    ] as const) {
      const cli = await runCli(['follow', ...args], { cwd: tempDir() });
      expect(cli.exit.code, args.join(' ')).toBe(2);
      expect(cli.stderr.split('\n')[0]).toBe(`logstream: ${message}`);
    }
  });

  it('rejects an unknown flag with exit status 2 and a pointer to --help', async () => {
    const cli = await runCli(['follow', '--bogus', 'x.log'], { cwd: tempDir() });
    expect(cli.exit.code).toBe(2);
    expect(cli.stderr).toBe("logstream: unrecognized option '--bogus'\nUsage: logstream follow [OPTION]... FILE|FOLDER|GLOB...\nTry 'logstream --help' for more information.\n");
    expect(cli.stdout).toBe('');
  });

  it('rejects a missing value, a bad number and no files with exit status 2', async () => {
    for (const [args, message] of [
      [['-n'], "option '-n' requires a value"],
      [['-n', 'lots', 'x.log'], "invalid number of lines: 'lots'"],
      [['follow'], 'no files given'],
    ] as const) {
      const cli = await runCli(args, { cwd: tempDir() });
      expect(cli.exit.code).toBe(2);
      expect(cli.stderr.split('\n')[0]).toBe(`logstream: ${message}`);
      expect(cli.stderr).toContain("Try 'logstream --help'");
    }
  });

  it('with --no-follow, reports a missing file and exits 1 after printing the others', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'app.log'), 'here\n');
    const cli = await runCli(['--no-follow', 'app.log', 'gone.log'], { cwd: dir });
    expect(cli.exit.code).toBe(1);
    expect(cli.stdout).toBe('==> app.log <==\nhere\n');
    expect(cli.stderr).toBe("logstream: cannot open 'gone.log' for reading: No such file or directory\n");
  });

  // Permissions only bind an unprivileged user: the CLI runs as `nobody` where it can.
  const asNobody = AS_NOBODY;

  it.skipIf(asNobody === undefined)('with --no-follow, reports an unreadable file and exits 1', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'locked.log'), 'secret\n', { mode: 0o600 });
    writeFileSync(join(dir, 'open.log'), 'public\n', { mode: 0o644 });
    const cli = await runCli(['--no-follow', 'locked.log', 'open.log'], { cwd: dir }, undefined, asNobody);
    expect(cli.exit.code).toBe(1);
    expect(cli.stdout).toBe('==> open.log <==\npublic\n');
    expect(cli.stderr).toBe("logstream: cannot open 'locked.log' for reading (EACCES)\n");
  });

  it.skipIf(asNobody === undefined)('while following, says an unreadable file is readable once its permissions allow', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const file = join(dir, 'locked.log');
    writeFileSync(file, 'secret\n', { mode: 0o600 });
    const cli = startCli(['follow', 'locked.log'], { cwd: dir }, asNobody);
    await cli.waitForStderr("logstream: cannot open 'locked.log' for reading (EACCES): check its permissions");
    chmodSync(file, 0o644);
    await cli.waitForStdout('secret\n');
    expect(cli.stderr).toMatch(/'locked\.log' is readable now; following it\n$/);
    expect(cli.stderr).not.toContain('waiting for');
  });

  it('runs from the repository root through the linked bin (`npx logstream --help`)', async () => {
    const { REPO_ROOT } = await import('../test-utils/index.js');
    const { execFileSync } = await import('node:child_process');
    // --no-install: never fetch a package of that name from the registry if the link is missing.
    const help = execFileSync('npx', ['--no-install', 'logstream', '--help'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(help).toMatch(/^Usage: logstream follow/);
  });
});
