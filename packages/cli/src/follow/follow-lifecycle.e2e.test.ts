// End to end: `logstream follow` across files appearing and rotating, signals and closed pipes.
import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCli, tempDir, waitFor } from '../test-utils/index.js';

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
});
