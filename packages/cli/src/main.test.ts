// In-process tests of `main`: help, version, usage errors, terminal sanitising, stopping by signal.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { fakeIO, tempDir, waitFor } from './test-utils/index.js';
import { VERSION } from './version.js';

describe('main', () => {
  it('prints usage with no arguments, --help, -h and help', async () => {
    for (const argv of [[], ['--help'], ['-h'], ['help'], ['follow', '--help'], ['demo', '--help']]) {
      const { io, stdout, stderr } = fakeIO();
      expect(await main(argv, { io })).toBe(0);
      expect(stdout()).toMatch(/^Usage: logstream follow \[OPTION\]\.\.\. FILE\|FOLDER\|GLOB\.\.\./);
      expect(stdout()).toContain('--no-follow');
      expect(stderr()).toBe('');
    }
  });

  it('prints the version', async () => {
    const { io, stdout } = fakeIO();
    expect(await main(['--version'], { io })).toBe(0);
    expect(stdout()).toBe(`logstream ${VERSION}\n`);
  });

  it('reports usage errors in one line, then the usage line and a pointer to --help, with exit status 2', async () => {
    const { io, stdout, stderr } = fakeIO();
    expect(await main(['follow', '--bogus', 'x.log'], { io })).toBe(2);
    expect(stdout()).toBe('');
    expect(stderr()).toBe("logstream: unrecognized option '--bogus'\nUsage: logstream follow [OPTION]... FILE|FOLDER|GLOB...\nTry 'logstream --help' for more information.\n");
  });

  it('reports demo usage errors with the demo usage line', async () => {
    const { io, stderr } = fakeIO();
    expect(await main(['demo', '--duration', 'soon'], { io })).toBe(2);
    expect(stderr()).toMatch(/^logstream: invalid --duration: 'soon'.*\nUsage: logstream demo /);
  });

  it('shows control characters as escapes when stdout is a terminal', async () => {
    const file = join(tempDir(), 'evil.log');
    writeFileSync(file, 'plain\n\x1b[2J\x1b[Hcleared\n\x1b]0;evil\x07title\n\x1b]52;c;cm0gLXJm\x07clip\n\u009b31mred\x7f\n');
    const { io, stdout } = fakeIO({ isTTY: true });
    expect(await main(['--no-follow', file], { io })).toBe(0);
    expect(stdout()).toBe('plain\n^[[2J^[[Hcleared\n^[]0;evil^Gtitle\n^[]52;c;cm0gLXJm^Gclip\n\\x9b31mred^?\n');
  });

  it('passes control characters through with --raw, and when stdout is not a terminal', async () => {
    const file = join(tempDir(), 'evil.log');
    writeFileSync(file, '\x1b[31mred\x07\n');
    for (const [argv, isTTY] of [[['--raw'], true], [[], false]] as const) {
      const { io, stdout } = fakeIO({ isTTY });
      expect(await main([...argv, '--no-follow', file], { io })).toBe(0);
      expect(stdout()).toBe('\x1b[31mred\x07\n');
    }
  });

  it('stops following with exit status 0 when its signal aborts', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, 'one\ntwo\n');
    const { io, stdout } = fakeIO();
    const controller = new AbortController();
    const running = main(['-n', '1', file], { io, signal: controller.signal });
    await waitFor(() => stdout() === 'two\n', () => `never printed the last line: ${JSON.stringify(stdout())}`);
    controller.abort();
    expect(await running).toBe(0);
  });
});
