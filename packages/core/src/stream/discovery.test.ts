// RELIABILITY.md section A: discovery and start position, run with every watcher mode.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { follow, tempDir, WATCH_MODES } from '../test-utils/index.js';

describe.each(WATCH_MODES)('discovery and start position ($name)', ({ options, noticeMs }) => {
  const wait = { timeoutMs: noticeMs };

  it('A1: waits for an absent path, then delivers its first line once', async () => {
    const file = join(tempDir(), 'app.log');
    const { stream, got } = await follow(file, options);
    expect(stream.status).toBe('waiting');
    expect(got.events).toContainEqual({ type: 'waiting', path: file, reason: 'missing' });
    appendFileSync(file, 'a\n');
    await got.waitForText('a', wait);
    await got.waitForEvent('following', wait);
    expect(got.texts).toEqual(['a']);
    expect(stream.status).toBe('following');
  });

  it('A2: waits for an absent parent folder, then follows the file created in it', async () => {
    const dir = join(tempDir(), 'later', 'logs');
    const file = join(dir, 'app.log');
    const { got } = await follow(file, options);
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, 'first\n');
    await got.waitForText('first', wait);
    appendFileSync(file, 'second\n');
    await got.waitForText('second', wait);
    expect(got.texts).toEqual(['first', 'second']);
  });

  it('A3: start at end, at beginning, at the last N lines and at an offset', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.log');
    writeFileSync(file, 'one\ntwo\nthree\n');
    const atEnd = await follow(file, { ...options, start: 'end' });
    const atStart = await follow(file, { ...options, start: 'beginning' });
    const lastTwo = await follow(file, { ...options, start: { lines: 2 } });
    const atOffset = await follow(file, { ...options, start: { offset: 4 } });
    appendFileSync(file, 'four\n');
    for (const s of [atEnd, atStart, lastTwo, atOffset]) await s.got.waitForText('four', wait);
    expect(atEnd.got.texts).toEqual(['four']);
    expect(atStart.got.texts).toEqual(['one', 'two', 'three', 'four']);
    expect(lastTwo.got.texts).toEqual(['two', 'three', 'four']);
    expect(atOffset.got.texts).toEqual(['two', 'three', 'four']);
    expect(atOffset.got.lines[0]?.offset).toBe(4);
  });

  it('A3: an offset past the end of a shorter file starts from 0, with an event', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, 'short\n');
    const { got } = await follow(file, { ...options, start: { offset: 500 } });
    await got.waitForText('short', wait);
    expect(got.events.some((e) => e.type === 'start-offset-beyond-end')).toBe(true);
  });

  it('A3: start at end waits for an unfinished last line to end, then delivers it whole', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, 'done\nhalf');
    const { got } = await follow(file, { ...options, start: 'end' });
    appendFileSync(file, ' line\n');
    await got.waitForText('half line', wait);
    expect(got.texts).toEqual(['half line']);
  });

  it('A4: a tiny file and a file with no newline yet are never held back', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, 'x');
    const { got } = await follow(file, { ...options, start: 'beginning', partialLineFlushMs: 50 });
    await got.waitForText('x', wait);
    expect(got.lines[0]?.partial).toBe(true);
    appendFileSync(file, 'y\nz\n');
    await got.waitForText('z', wait);
    expect(got.texts).toEqual(['x', 'y', 'z']);
  });
});
