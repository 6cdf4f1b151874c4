// RELIABILITY.md section C: rotation and identity, run with every watcher mode.
import { appendFileSync, copyFileSync, mkdirSync, renameSync, rmSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { follow, tempDir, WATCH_MODES } from '../test-utils/index.js';

const lines = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const text = (ls: string[]) => ls.map((l) => `${l}\n`).join('');

describe.each(WATCH_MODES)('rotation and identity ($name)', ({ options, noticeMs }) => {
  const wait = { timeoutMs: noticeMs };

  it('C14: three numbered rotations within 100 ms lose and repeat nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, options);
    const expected: string[] = [];
    for (let round = 0; round < 3; round++) {
      const batch = lines(`r${round}`, 50);
      appendFileSync(file, text(batch));
      expected.push(...batch);
      for (let n = 2; n >= 1; n--) {
        try {
          renameSync(`${file}.${n}`, `${file}.${n + 1}`);
        } catch {
          // not yet rotated that far
        }
      }
      renameSync(file, `${file}.1`);
      writeFileSync(file, '');
    }
    const last = lines('final', 5);
    appendFileSync(file, text(last));
    expected.push(...last);
    await got.waitForText('final-4', wait);
    expect(got.texts).toEqual(expected);
  });

  it('C15: copytruncate with an O_APPEND writer: new lines from byte 0, no NUL, no duplicates', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, options);
    const before = lines('before', 100);
    appendFileSync(file, text(before));
    await got.waitForText('before-99', wait);
    copyFileSync(file, `${file}.1`);
    truncateSync(file, 0);
    const after = lines('after', 3);
    appendFileSync(file, text(after));
    await got.waitForText('after-2', wait);
    expect(got.texts).toEqual([...before, ...after]);
    expect(got.texts.join('')).not.toContain('\u0000');
    expect(got.lines.find((l) => l.text === 'after-0')?.offset).toBe(0);
  });

  it('C16: truncate to a smaller non-zero size: reading goes on at the new size, with an event', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, options);
    appendFileSync(file, text(lines('keep', 10)));
    await got.waitForText('keep-9', wait);
    truncateSync(file, 14);
    await got.waitForEvent('truncated', wait);
    appendFileSync(file, 'next\n');
    await got.waitForText('next', wait);
    expect(got.texts).toEqual([...lines('keep', 10), 'next']);
    expect(got.events.find((e) => e.type === 'truncated')).toMatchObject({ resumedAt: 14, size: 14 });
  });

  it('C17: truncate and regrow past the old size before it is noticed: the whole new content', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, options);
    appendFileSync(file, text(lines('old', 5)));
    await got.waitForText('old-4', wait);
    writeFileSync(file, text(lines('brand-new-content', 8)));
    await got.waitForText('brand-new-content-7', wait);
    expect(got.texts).toEqual([...lines('old', 5), ...lines('brand-new-content', 8)]);
    expect(got.events.some((e) => e.type === 'truncated' && e.resumedAt === 0)).toBe(true);
  });

  it('C17: regrown past the old size with lines that all end alike: still the whole new content', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, options);
    const alike = (prefix: string, n: number) => lines(prefix, n).map((l) => `${l} ${'same trailing fields '.repeat(15)}`);
    appendFileSync(file, text(alike('gen1', 5)));
    await got.waitForText(alike('gen1', 5)[4] ?? '', wait);
    writeFileSync(file, text(alike('gen2', 7)));
    await got.waitForText(alike('gen2', 7)[6] ?? '', wait);
    expect(got.texts).toEqual([...alike('gen1', 5), ...alike('gen2', 7)]);
  });

  it('C18: 1 MiB appended then unlinked at once is delivered whole, then the descriptor closed', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, { ...options, rotationGraceMs: 200 });
    const big = lines('big', 1024 * 1024 / 16).map((l) => l.padEnd(15, '.'));
    appendFileSync(file, text(big));
    unlinkSync(file);
    await got.waitForEvent('drained', wait);
    expect(got.texts).toEqual(big);
    expect(got.events.find((e) => e.type === 'drained')).toMatchObject({ offset: 1024 * 1024 });
  });

  it('C19: delete and recreate within 10 ms: the rest of the old file, then the new one from 0', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, options);
    appendFileSync(file, text(lines('old', 3)));
    unlinkSync(file);
    writeFileSync(file, text(lines('new', 3)));
    await got.waitForText('new-2', wait);
    expect(got.texts).toEqual([...lines('old', 3), ...lines('new', 3)]);
  });

  it('C20: a new file that may reuse the old inode, with other content, is read from byte 0', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, text(lines('first-file', 4)));
    const { stream, got } = await follow(file, { ...options, start: 'beginning' });
    await got.waitForText('first-file-3', wait);
    got.subscription?.unsubscribe();
    expect(stream.isWatching).toBe(false);
    unlinkSync(file);
    writeFileSync(file, text(lines('other-file', 4)));
    got.subscription = stream.subscribe(got);
    await stream.ready;
    await got.waitForText('other-file-3', wait);
    expect(got.texts).toEqual([...lines('first-file', 4), ...lines('other-file', 4)]);
  });

  it('C20: resubscribing to the same unchanged file resumes without repeating lines', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, text(lines('a', 3)));
    const { stream, got } = await follow(file, { ...options, start: 'beginning' });
    await got.waitForText('a-2', wait);
    got.subscription?.unsubscribe();
    appendFileSync(file, text(lines('while-away', 2)));
    got.subscription = stream.subscribe(got);
    await stream.ready;
    await got.waitForText('while-away-1', wait);
    expect(got.texts).toEqual([...lines('a', 3), ...lines('while-away', 2)]);
  });

  it('C21: a symlink whose target is swapped by atomic rename: old target drained, new one followed', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'targets'));
    const one = join(dir, 'targets', 'one.log');
    const two = join(dir, 'targets', 'two.log');
    writeFileSync(one, '');
    writeFileSync(two, '');
    const link = join(dir, 'current.log');
    symlinkSync(one, link);
    const { got } = await follow(link, options);
    appendFileSync(one, 'one-a\n');
    await got.waitForText('one-a', wait);
    symlinkSync(two, `${link}.tmp`);
    renameSync(`${link}.tmp`, link);
    appendFileSync(one, 'one-late\n');
    appendFileSync(two, 'two-a\n');
    await got.waitForText('two-a', wait);
    await got.waitForText('one-late', wait);
    appendFileSync(two, 'two-b\n');
    await got.waitForText('two-b', wait);
    expect(got.texts.filter((t) => t.startsWith('one'))).toEqual(['one-a', 'one-late']);
    expect(got.texts.filter((t) => t.startsWith('two'))).toEqual(['two-a', 'two-b']);
  });

  it('C22: an editor-style save (write a temporary file, rename it over) is read from byte 0', async () => {
    const dir = tempDir();
    const file = join(dir, 'notes.log');
    writeFileSync(file, 'v1 line\n');
    const { got } = await follow(file, { ...options, start: 'beginning' });
    await got.waitForText('v1 line', wait);
    writeFileSync(join(dir, '.notes.log.swp'), 'v1 line\nv2 line\n');
    renameSync(join(dir, '.notes.log.swp'), file);
    await got.waitForText('v2 line', wait);
    expect(got.texts).toEqual(['v1 line', 'v1 line', 'v2 line']);
    await got.waitForEvent('replaced', wait);
  });

  it('C23: the containing folder deleted and recreated: following resumes', async () => {
    const dir = join(tempDir(), 'logs');
    mkdirSync(dir);
    const file = join(dir, 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, options);
    appendFileSync(file, 'before\n');
    await got.waitForText('before', wait);
    rmSync(dir, { recursive: true });
    await got.waitForEvent('waiting', wait);
    mkdirSync(dir);
    writeFileSync(file, 'after\n');
    await got.waitForText('after', wait);
    appendFileSync(file, 'more\n');
    await got.waitForText('more', wait);
    expect(got.texts).toEqual(['before', 'after', 'more']);
  });
});
