// End to end: `logstream follow` as a child process, checking what it prints.
import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namedPipe, pipeSizeOf, runCli, startCli, tempDir, waitFor } from '../test-utils/index.js';

function numbered(prefix: string, count: number): string {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1)}\n`).join('');
}

describe('logstream follow: output', () => {
  it('starts with the last N lines (-n 2), then prints a live append', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'app.log'), numbered('line ', 5));
    const cli = startCli(['follow', '-n', '2', 'app.log'], { cwd: dir });
    await cli.waitForStdout('line 4\nline 5\n');
    appendFileSync(join(dir, 'app.log'), 'appended\n');
    await cli.waitForStdout('appended\n');
    expect(cli.stdout).toBe('line 4\nline 5\nappended\n');
    expect(cli.stderr).toBe('');
  });

  it('prints tail-style headers for several files, switching when output switches file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.log'), 'a1\na2\n');
    writeFileSync(join(dir, 'b.log'), 'b1\n');
    const cli = startCli(['a.log', 'b.log'], { cwd: dir });
    await cli.waitForStdout('==> a.log <==\na1\na2\n');
    await cli.waitForStdout('==> b.log <==\nb1\n');
    expect(cli.stdout).toBe('==> a.log <==\na1\na2\n\n==> b.log <==\nb1\n');
    appendFileSync(join(dir, 'a.log'), 'a3\n');
    await cli.waitForStdout('\n\n==> a.log <==\na3\n');
    appendFileSync(join(dir, 'a.log'), 'a4\n');
    await cli.waitForStdout('a3\na4\n');
  });

  it('tags lines with their file name with --prefix, and prints no headers with -q', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.log'), 'a1\n');
    writeFileSync(join(dir, 'b.log'), 'b1\n');
    const prefixed = await runCli(['--no-follow', '--prefix', 'a.log', 'b.log'], { cwd: dir });
    expect(prefixed.stdout).toBe('a.log: a1\nb.log: b1\n');
    const quiet = await runCli(['--no-follow', '-q', 'a.log', 'b.log'], { cwd: dir });
    expect(quiet.stdout).toBe('a1\nb1\n');
  });

  it('prints one JSON object per line with --json: text, file as given, offset, seq', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'app.log'), 'first\nsecond "quoted"\n');
    const cli = startCli(['follow', '--json', '-n', '5', 'app.log'], { cwd: dir });
    await cli.waitForStdout('"seq":2}\n');
    appendFileSync(join(dir, 'app.log'), 'third\n');
    await cli.waitForStdout('"seq":3}\n');
    expect(cli.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual([
      { text: 'first', file: 'app.log', offset: 0, seq: 1 },
      { text: 'second "quoted"', file: 'app.log', offset: 6, seq: 2 },
      { text: 'third', file: 'app.log', offset: 22, seq: 3 },
    ]);
  });

  it('prints the last lines and exits 0 with --no-follow', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'app.log'), numbered('line ', 30));
    const cli = await runCli(['--no-follow', 'app.log'], { cwd: dir });
    expect(cli.exit).toEqual({ code: 0, signal: null });
    expect(cli.stdout).toBe(numbered('line ', 30).split('\n').slice(20).join('\n'));
    expect(cli.stderr).toBe('');
  });

  it('starts at line N with -n +N, and from the first line with --from-start', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'app.log'), numbered('line ', 5));
    const fromThird = await runCli(['--no-follow', '-n', '+3', 'app.log'], { cwd: dir });
    expect(fromThird.stdout).toBe('line 3\nline 4\nline 5\n');
    const all = await runCli(['--no-follow', '--from-start', 'app.log'], { cwd: dir });
    expect(all.stdout).toBe(numbered('line ', 5));
  });

  it('with -n +N, counts lines appended later too, and prints a replacing file whole', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.log');
    writeFileSync(file, 'l1\nl2\n');
    const cli = startCli(['follow', '-n', '+4', 'app.log'], { cwd: dir });
    appendFileSync(file, 'l3\nl4\nl5\n');
    await cli.waitForStdout('l4\nl5\n');
    renameSync(file, `${file}.1`);
    writeFileSync(file, 'n1\nn2\n');
    await cli.waitForStdout('n1\nn2\n');
    expect(cli.stdout).toBe('l4\nl5\nn1\nn2\n');
  });

  it('enlarges its output pipe to 1 MiB and writes every line through it', async (ctx) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'app.log'), numbered('line ', 3));
    const { writeFd, readFd, reader, received } = namedPipe(dir);
    if (pipeSizeOf(readFd) >= 1024 * 1024) ctx.skip(); // 64 KiB pages: pipes are 1 MiB already
    startCli(['follow', '-n', '+1', 'app.log'], { cwd: dir, stdio: ['ignore', writeFd, 'pipe'] });
    reader.resume();
    await waitFor(() => received().toString() === numbered('line ', 3), () => `received ${JSON.stringify(received().toString())}`);
    expect(pipeSizeOf(readFd)).toBe(1024 * 1024);
    appendFileSync(join(dir, 'app.log'), 'appended\n');
    await waitFor(() => received().toString().endsWith('line 3\nappended\n'), () => `received ${JSON.stringify(received().toString())}`);
  });

  it('follows by polling with --poll', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'app.log'), 'old\n');
    const cli = startCli(['--poll', '--poll-interval', '50', 'app.log'], { cwd: dir });
    await cli.waitForStdout('old\n');
    appendFileSync(join(dir, 'app.log'), 'polled\n');
    await cli.waitForStdout('polled\n');
  });
});
