// End to end: `logstream demo` writes a live, rotating log and follows it with `follow`'s code.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PtyCli, runCli, tempDir } from '../test-utils/index.js';

describe('logstream demo', () => {
  it('follows the simulated job for --duration seconds, then removes its temporary folder and exits 0', async () => {
    const cli = await runCli(['demo', '--duration', '1.2', '--rotate-every', '0.4'], {}, 10_000);
    expect(cli.exit).toEqual({ code: 0, signal: null });
    const banner = /^logstream: demo: a simulated job writes app\.log and worker\.log in (\S+), rotating them every 0\.4 s; following them \(for 1\.2 s\)$/m.exec(cli.stderr);
    expect(banner, cli.stderr).not.toBeNull();
    expect(existsSync(banner?.[1] ?? '/')).toBe(false);
    const lines = cli.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line).toMatch(/^(app|worker)\.log: /);
    expect(cli.stdout).toMatch(/^app\.log: \d{4}-\d\d-\d\dT[\d:.]+Z (INFO |WARN |ERROR|DEBUG) /m);
    expect(cli.stderr).toMatch(/'app\.log' has been (rotated|replaced|moved)/);
    expect(cli.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('on a terminal, opens the browser on both logs, merged by time with a tag per file', async () => {
    const cli = new PtyCli(['demo', '--duration', '3', '--rotate-every', '1'], { cwd: tempDir(), cols: 120, rows: 30 });
    await cli.waitForScreen((s) => s.includes('[app.log]') && s.includes('[worker.log]') && s.includes('2 files') && s.includes('FOLLOW'), 'both logs in the browser', 8000);
    const exit = await cli.waitForExit(10_000);
    expect(exit.code).toBe(0);
    expect(cli.output).toContain('\x1b[?1049l');
  });

  it('writes into --dir and leaves the files there', async () => {
    const dir = join(tempDir(), 'demo-logs');
    const cli = await runCli(['demo', '--dir', dir, '--duration', '0.5'], {}, 10_000);
    expect(cli.exit.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(expect.arrayContaining(['app.log', 'worker.log']));
    expect(cli.stderr).toContain(` in ${dir},`);
  });
});
