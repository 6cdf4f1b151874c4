// The browser in-process: fake TTY streams, frames written into a headless xterm, assertions on
// the screen — live appends, follow, search highlight, filters, levels, hostile lines, quitting.
import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHeadlessTerminal, FakeProcess, FakeTtyInput, FakeTtyOutput, type HeadlessTerminal } from '../test-utils/index.js';
import { LogBrowser } from './log-browser.js';

interface Harness {
  dir: string;
  term: HeadlessTerminal;
  input: FakeTtyInput;
  output: FakeTtyOutput;
  running: Promise<void>;
  screen(): string;
  waitForScreen(test: (screen: string) => boolean, what: string): Promise<void>;
  keys(text: string): Promise<void>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function open(files: Record<string, string>, names?: string[], columns = 100, rows = 20): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'browser-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const term = createHeadlessTerminal(columns, rows);
  const output = new FakeTtyOutput(columns, rows);
  let pending = Promise.resolve();
  output.on('data', () => undefined);
  const origWrite = output.write.bind(output);
  output.write = (data: string) => {
    pending = pending.then(() => term.write(data));
    return origWrite(data);
  };
  const input = new FakeTtyInput();
  const browser = new LogBrowser({ names: names ?? Object.keys(files), cwd: dir, input, output, process: new FakeProcess(), maxWaitMs: 50 });
  const running = browser.run();
  const h: Harness = {
    dir,
    term,
    input,
    output,
    running,
    screen: () => term.lines().join('\n'),
    async waitForScreen(test, what) {
      const deadline = Date.now() + 5000;
      for (;;) {
        await pending;
        if (test(h.screen())) return;
        if (Date.now() > deadline) throw new Error(`screen never showed ${what}:\n${h.screen()}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async keys(text) {
      input.send(text);
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
  cleanups.push(async () => {
    input.send('q');
    await running;
    term.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  return h;
}

describe('LogBrowser', () => {
  it('shows the file, then live appends at the bottom while following', async () => {
    const h = open({ 'app.log': '2024-05-01 10:00:00 INFO started\n2024-05-01 10:00:01 WARN slow disk\n' });
    await h.waitForScreen((s) => s.includes('slow disk') && s.includes('FOLLOW'), 'the file and the follow badge');
    appendFileSync(join(h.dir, 'app.log'), '2024-05-01 10:00:02 ERROR disk full\n');
    await h.waitForScreen((s) => s.includes('disk full') && s.includes('E 1'), 'the appended error and the error count');
  });

  it('follows a burst bigger than the lines it keeps from the end, then shows older lines on demand', async () => {
    const line = (i: number) => `2024-05-01 10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} INFO burst ${i} done`;
    const h = open({ 'app.log': Array.from({ length: 10 }, (_, i) => line(i)).join('\n') + '\n' });
    await h.waitForScreen((s) => s.includes('burst 9 done'), 'the file');
    appendFileSync(join(h.dir, 'app.log'), Array.from({ length: 3000 }, (_, i) => line(10 + i)).join('\n') + '\n');
    await h.waitForScreen((s) => s.includes('burst 3009 done'), 'the end of the burst, followed');
    // Line 1500 (text `burst 1499`) is older than the lines kept from the end: read through the index.
    await h.keys(':1500\r');
    await h.waitForScreen((s) => s.includes('burst 1499 done'), 'a line from the middle of the burst');
  });

  it('one file: after a rename rotation the view moves to the new file', async () => {
    const h = open({ 'app.log': '2024-05-01 10:00:00 INFO before rotation\n' });
    await h.waitForScreen((s) => s.includes('before rotation'), 'the first file');
    renameSync(join(h.dir, 'app.log'), join(h.dir, 'app.log.1'));
    writeFileSync(join(h.dir, 'app.log'), '2024-05-01 10:00:01 INFO after rotation\n');
    await h.waitForScreen((s) => s.includes('after rotation') && !s.includes('before rotation'), 'the new file');
    appendFileSync(join(h.dir, 'app.log'), '2024-05-01 10:00:02 ERROR still live\n');
    await h.waitForScreen((s) => s.includes('still live'), 'a live line in the new file');
  });

  it('scrolling up leaves follow and counts new lines below; F follows again', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => `2024-05-01 10:00:${String(i % 60).padStart(2, '0')} INFO line ${i}`).join('\n') + '\n';
    const h = open({ 'app.log': lines });
    await h.waitForScreen((s) => s.includes('line 59'), 'the last line');
    await h.keys('k');
    await h.waitForScreen((s) => s.includes('PAUSED'), 'follow to stop');
    appendFileSync(join(h.dir, 'app.log'), '2024-05-01 10:01:00 INFO newer one\n2024-05-01 10:01:01 INFO newer two\n');
    await h.waitForScreen((s) => s.includes('PAUSED +2 new'), 'the count of new lines below');
    expect(h.screen()).not.toContain('newer two');
    await h.keys('F');
    await h.waitForScreen((s) => s.includes('newer two') && s.includes('FOLLOW'), 'following again');
    await h.keys('g');
    await h.waitForScreen((s) => s.split('\n')[0]?.includes('line 0') === true, 'the first line at the top');
  });

  it('searches with / and n, filters with & and !, and removes a filter with x', async () => {
    const h = open({ 'app.log': 'alpha one\nbeta two\nalpha three\ngamma four\n' });
    await h.waitForScreen((s) => s.includes('gamma four'), 'the file');
    await h.keys('/alpha\r');
    await h.waitForScreen((s) => s.includes('/alpha'), 'the search in the status bar');
    await h.keys('&alpha\r');
    await h.waitForScreen((s) => !s.includes('beta two') && s.includes('alpha three') && s.includes('&alpha'), 'only the matching lines');
    await h.keys('!three\r');
    await h.waitForScreen((s) => !s.includes('alpha three') && s.includes('alpha one'), 'the excluded line gone');
    await h.keys('x');
    await h.keys('x');
    await h.waitForScreen((s) => s.includes('beta two') && s.includes('gamma four'), 'every line back');
  });

  it('merges several files by time with a tag per file, and Tab shows one file at a time', async () => {
    const h = open({ 'web.log': '2024-05-01T10:00:00Z INFO web up\n2024-05-01T10:00:02Z INFO web two\n', 'db.log': '2024-05-01T10:00:01Z ERROR db down\n' });
    await h.waitForScreen((s) => s.includes('[db.log]') && s.includes('web two'), 'both files');
    const rows = h.term.lines();
    const up = rows.findIndex((r) => r.includes('web up'));
    const down = rows.findIndex((r) => r.includes('db down'));
    const two = rows.findIndex((r) => r.includes('web two'));
    expect(up).toBeLessThan(down);
    expect(down).toBeLessThan(two);
    await h.keys('\t');
    await h.waitForScreen((s) => s.includes('only web.log') || (!s.includes('db down') && s.includes('web up')) || (!s.includes('web up') && s.includes('db down')), 'one file only');
  });

  it('shows hostile escape sequences as visible escapes; the screen and title stay intact', async () => {
    const h = open({ 'evil.log': 'before\n\x1b[2J\x1b]0;pwned\x07\x1b]52;c;SGVsbG8=\x07bell\x07 end\nafter\n' });
    await h.waitForScreen((s) => s.includes('after') && s.includes('before'), 'the lines around the hostile one');
    expect(h.screen()).toContain('^[[2J');
    expect(h.term.titles).toEqual([]);
    expect(h.term.bells()).toBe(0);
  });

  it('quits on q and gives the terminal back', async () => {
    const h = open({ 'app.log': 'x\n' });
    await h.waitForScreen((s) => s.includes('x'), 'the file');
    h.input.send('q');
    await h.running;
    expect(h.input.rawModeCalls.at(-1)).toBe(false);
    expect(h.output.text).toContain('\x1b[?1049l');
  });
});
