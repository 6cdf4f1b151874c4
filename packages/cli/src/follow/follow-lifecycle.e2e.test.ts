// End to end: `logstream follow` across files appearing and rotating, signals and closed pipes.
import { appendFileSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namedPipe, startCli, tempDir, waitFor } from '../test-utils/index.js';

/** Whether a thread of process `pid` is blocked writing to a full pipe (Linux: its wchan). */
function blockedWritingToPipe(pid: number | undefined): boolean {
  try {
    return readdirSync(`/proc/${String(pid)}/task`).some((tid) => readFileSync(`/proc/${String(pid)}/task/${tid}/wchan`, 'utf8').includes('pipe_write'));
  } catch {
    return false; // the process or thread has gone
  }
}

describe('logstream follow: lifecycle', () => {
  it('waits for a file that does not exist yet, then prints it from its start', async () => {
    const dir = tempDir();
    const cli = startCli(['follow', 'later.log'], { cwd: dir });
    await cli.waitForStderr("logstream: waiting for 'later.log' to appear\n");
    writeFileSync(join(dir, 'later.log'), 'hello\n');
    await cli.waitForStdout('hello\n');
    await cli.waitForStderr("logstream: 'later.log' has appeared; following new file\n");
  });

  it('follows the name across rename rotation, including late writes to the renamed file', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.log');
    writeFileSync(file, 'before\n');
    const cli = startCli(['follow', '-n', '1', 'app.log'], { cwd: dir });
    await cli.waitForStdout('before\n');
    renameSync(file, `${file}.1`);
    writeFileSync(file, 'new file\n');
    appendFileSync(`${file}.1`, 'late write\n');
    await cli.waitForStdout('new file\n');
    await cli.waitForStdout('late write\n');
    await cli.waitForStderr("'app.log' has been");
    appendFileSync(file, 'after\n');
    await cli.waitForStdout('after\n');
  });

  it('exits 0 without a word when its output pipe closes (like `| head -3`)', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.log');
    writeFileSync(file, 'l1\nl2\nl3\nl4\nl5\n');
    const cli = startCli(['follow', '-n', '5', 'app.log'], { cwd: dir });
    await cli.waitForStdout('l1\nl2\nl3\n');
    cli.child.stdout?.destroy();
    // The closed pipe shows on the next write, as with tail: keep the log growing until then.
    await waitFor(() => {
      if (cli.exit === undefined) appendFileSync(file, 'more\n');
      return cli.exit !== undefined;
    }, () => `did not exit after its output closed; stderr: ${JSON.stringify(cli.stderr)}`);
    expect(cli.exit).toEqual({ code: 0, signal: null });
    expect(cli.stderr).toBe('');
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('exits 0 on %s, closing its streams', async (signal) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'app.log'), 'running\n');
    const cli = startCli(['follow', 'app.log', 'missing.log'], { cwd: dir });
    await cli.waitForStdout('running\n');
    await cli.waitForStderr("waiting for 'missing.log'");
    cli.child.kill(signal);
    expect(await cli.waitForExit()).toEqual({ code: 0, signal: null });
    expect(cli.stderr).toBe("logstream: waiting for 'missing.log' to appear\n");
  });

  it('ends by the stop signal when its reader takes nothing, instead of hanging on the blocked write', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'app.log'), ('x'.repeat(99) + '\n').repeat(20_000)); // 2 MB: more than a pipe holds
    const { writeFd } = namedPipe(dir); // never read
    const cli = startCli(['follow', '-n', '+1', 'app.log'], { cwd: dir, stdio: ['ignore', writeFd, 'pipe'] });
    await waitFor(() => blockedWritingToPipe(cli.child.pid), () => `no thread of the CLI blocked writing to the pipe; stderr: ${JSON.stringify(cli.stderr)}`);
    cli.child.kill('SIGTERM');
    expect(await cli.waitForExit()).toEqual({ code: null, signal: 'SIGTERM' });
    expect(cli.stderr).toBe('');
  });
});
