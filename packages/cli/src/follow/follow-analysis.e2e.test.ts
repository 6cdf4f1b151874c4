// End to end: globs and folders, --merge, --grep, --exclude, --level and --json with parsed fields.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli, tempDir } from '../test-utils/index.js';

describe('logstream follow: many files and analysis', () => {
  it('follows a quoted glob, with headers, and picks up a file that appears later from its first line', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'logs', 'a.log'), 'a old\n');
    const cli = startCli(['follow', '-n', '1', 'logs/*.log'], { cwd: dir });
    await cli.waitForStdout('==> logs/a.log <==\na old\n');
    writeFileSync(join(dir, 'logs', 'b.log'), 'b first\nb second\n');
    writeFileSync(join(dir, 'logs', 'b.log.1'), 'rotated generation\n');
    await cli.waitForStdout('==> logs/b.log <==\nb first\nb second\n');
    expect(cli.stdout).not.toContain('rotated generation');
  });

  it('--merge prints several files as one stream in time order, each line tagged with its file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'web.log'), '2024-05-01T10:00:00Z INFO web up\n2024-05-01T10:00:02Z WARN web slow\n');
    writeFileSync(join(dir, 'db.log'), '2024-05-01T10:00:01Z INFO db up\n2024-05-01T10:00:03Z ERROR db down\n    at Pool.connect\n');
    const cli = await runCli(['follow', '--merge', '--no-follow', '--from-start', 'web.log', 'db.log'], { cwd: dir });
    expect(cli.exit.code).toBe(0);
    expect(cli.stdout).toBe(
      [
        'web.log: 2024-05-01T10:00:00Z INFO web up',
        'db.log: 2024-05-01T10:00:01Z INFO db up',
        'web.log: 2024-05-01T10:00:02Z WARN web slow',
        'db.log: 2024-05-01T10:00:03Z ERROR db down',
        'db.log:     at Pool.connect',
        '',
      ].join('\n'),
    );
  });

  it('--level keeps messages at that level or above, with their continuation lines; --grep and --exclude filter lines', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.log');
    writeFileSync(file, '2024-05-01 09:59:59 ERROR disk check\n');
    const cli = startCli(['follow', '--level', 'warn', '--exclude', 'ignored', 'app.log'], { cwd: dir });
    const grep = startCli(['follow', '--grep', 'disk|net', 'app.log'], { cwd: dir });
    await cli.waitForStdout('disk check\n');
    await grep.waitForStdout('disk check\n');
    appendFileSync(file, '2024-05-01 10:00:00 INFO started\n2024-05-01 10:00:01 ERROR disk full\n\tat write()\n2024-05-01 10:00:02 WARN ignored warning\n2024-05-01 10:00:03 WARN net flaky\n');
    await cli.waitForStdout('2024-05-01 10:00:01 ERROR disk full\n\tat write()\n2024-05-01 10:00:03 WARN net flaky\n');
    await grep.waitForStdout('2024-05-01 10:00:01 ERROR disk full\n2024-05-01 10:00:03 WARN net flaky\n');
    expect(cli.stdout).not.toContain('started');
  });

  it('--json adds the parsed time (ISO), level and fields', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'app.log'), '{"level":50,"time":1714557600000,"msg":"boom","pid":7}\nts=2024-05-01T10:00:00Z level=info msg=ok\n');
    const cli = await runCli(['follow', '--json', '--no-follow', '--from-start', 'app.log'], { cwd: dir });
    expect(cli.exit.code).toBe(0);
    const [first] = cli.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toMatchObject({ text: '{"level":50,"time":1714557600000,"msg":"boom","pid":7}', file: 'app.log', offset: 0, seq: 1, time: '2024-05-01T10:00:00.000Z', level: 'error' });
    expect(first?.fields).toMatchObject({ pid: 7, msg: 'boom' });
  });
});
