// End to end: `logstream browse` (and `logstream FILE` on a terminal) in a real pseudo-terminal:
// live appends, follow, search highlight, filters, hostile escape sequences, and the terminal
// given back on q and on SIGTERM.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PtyCli, tempDir } from '../test-utils/index.js';

const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';

function lines(count: number, from = 0): string {
  return Array.from({ length: count }, (_, i) => `2024-05-01 10:${String(Math.floor((from + i) / 60) % 60).padStart(2, '0')}:${String((from + i) % 60).padStart(2, '0')} INFO request ${from + i} served`).join('\n') + '\n';
}

describe('logstream browse (pseudo-terminal)', () => {
  it('opens on `logstream FILE`, shows live appends while following, and F / scrolling toggle follow', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'app.log'), lines(50));
    const cli = new PtyCli(['app.log'], { cwd: dir });
    await cli.waitForScreen((s) => s.includes('request 49 served') && s.includes('FOLLOW'), 'the last line and FOLLOW');
    appendFileSync(join(dir, 'app.log'), '2024-05-01 11:00:00 ERROR payment failed\n');
    await cli.waitForScreen((s) => s.includes('payment failed') && s.includes('E 1'), 'the live error line and its count');
    cli.type('k');
    await cli.waitForScreen((s) => s.includes('PAUSED'), 'follow stopped after scrolling up');
    appendFileSync(join(dir, 'app.log'), lines(3, 100));
    await cli.waitForScreen((s) => s.includes('PAUSED +3 new'), 'new lines counted below');
    cli.type('F');
    await cli.waitForScreen((s) => s.includes('request 102 served') && s.includes('FOLLOW'), 'following again');
    cli.type('q');
    expect((await cli.waitForExit()).code).toBe(0);
    expect(cli.output.endsWith(LEAVE_ALTERNATE_SCREEN) || cli.output.includes(LEAVE_ALTERNATE_SCREEN)).toBe(true);
  });

  it('search highlights matches; & and ! filter; x removes a filter; l sets a minimum level', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'app.log'), '2024-05-01 10:00:00 INFO cache warm\n2024-05-01 10:00:01 WARN disk slow\n2024-05-01 10:00:02 ERROR disk full\n2024-05-01 10:00:03 INFO cache hit\n');
    const cli = new PtyCli(['browse', 'app.log'], { cwd: dir });
    await cli.waitForScreen((s) => s.includes('cache hit'), 'the file');
    cli.type('/disk\r');
    await cli.waitForScreen((s) => s.includes('/disk'), 'the search in the status bar');
    // The match is highlighted: yellow background on the matched cells.
    const row = cli.screen().split('\n').findIndex((r) => r.includes('disk slow'));
    const cell = cli.term.buffer.active.getLine(row)?.getCell(cli.screen().split('\n')[row]?.indexOf('disk') ?? 0);
    expect(cell?.getBgColor()).toBe(3);
    cli.type('&cache\r');
    await cli.waitForScreen((s) => !s.includes('disk slow') && s.includes('cache warm') && s.includes('&cache'), 'only the cache lines');
    cli.type('x');
    cli.type('!cache\r');
    await cli.waitForScreen((s) => !s.includes('cache warm') && s.includes('disk full'), 'the cache lines hidden');
    cli.type('x');
    cli.type('llll');
    await cli.waitForScreen((s) => s.includes('≥error') && !s.includes('disk slow') && s.includes('disk full'), 'errors only');
    cli.type('q');
    expect((await cli.waitForExit()).code).toBe(0);
  });

  it('searches past the screen through the search worker the bundled command ships', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.log'), lines(400) + '2024-05-01 11:00:00 ERROR needle in the file\n' + lines(400, 401));
    const cli = new PtyCli(['browse', 'big.log'], { cwd: dir });
    await cli.waitForScreen((s) => s.includes('request 800 served'), 'the last screen');
    cli.type('g');
    await cli.waitForScreen((s) => s.includes('request 0 served'), 'the top of the file');
    cli.type('/needle\r');
    await cli.waitForScreen((s) => s.includes('needle in the file') && !s.includes('request 0 served'), 'the match, far below the first screen');
    cli.type('q');
    expect((await cli.waitForExit()).code).toBe(0);
  });

  it('shows hostile escape sequences as visible escapes and restores the terminal on SIGTERM', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'evil.log'), 'top line\n\x1b[2J\x1b[H\x1b]0;owned\x07\x1b]52;c;Zm9v\x07 bell\x07 \x1b[31mred\x1b[0m\nbottom line\n');
    const cli = new PtyCli(['browse', 'evil.log'], { cwd: dir });
    let title = '';
    cli.term.onTitleChange((t) => (title = t));
    await cli.waitForScreen((s) => s.includes('top line') && s.includes('bottom line') && s.includes('^[[2J') && s.includes('^[]0;owned^G'), 'both plain lines intact and the hostile one escaped');
    expect(title).toBe('');
    // SGR colour in content is shown as colour, not as an escape.
    expect(cli.screen()).toContain(' red');
    cli.signal('SIGTERM');
    await cli.waitForExit();
    expect(cli.output).toContain(LEAVE_ALTERNATE_SCREEN);
    expect(cli.output.lastIndexOf('\x1b[?25h')).toBeGreaterThan(cli.output.lastIndexOf('\x1b[?25l'));
  });
});
