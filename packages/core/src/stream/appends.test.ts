// RELIABILITY.md section B: appends and framing, run with every watcher mode.
import { appendFileSync, closeSync, openSync, writeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { follow, tempDir, WATCH_MODES } from '../test-utils/index.js';

describe.each(WATCH_MODES)('appends and framing ($name)', ({ options, noticeMs }) => {
  const wait = { timeoutMs: noticeMs };

  it('B5: 100,000 lines written in one synchronous loop arrive in order, once', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, options);
    const fd = openSync(file, 'a');
    for (let i = 0; i < 100_000; i++) writeSync(fd, `line ${i}\n`);
    closeSync(fd);
    await got.waitForLines(100_000, { timeoutMs: noticeMs + 5000 });
    expect(got.lines.length).toBe(100_000);
    got.lines.forEach((line, i) => {
      if (line.text !== `line ${i}`) throw new Error(`line ${i} is ${JSON.stringify(line.text)}`);
    });
    expect(got.lines.map((l) => l.seq)).toEqual(got.lines.map((_, i) => i + 1));
  });

  it('B6: two appends 20 ms apart, then silence: both delivered', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, options);
    appendFileSync(file, 'first\n');
    await new Promise((r) => setTimeout(r, 20)); // the scenario itself: a second write 20 ms later
    appendFileSync(file, 'second\n');
    await got.waitForText('second', wait);
    expect(got.texts).toEqual(['first', 'second']);
  });

  it('B7: a line written in two parts one second apart arrives as one line', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, options);
    appendFileSync(file, 'abc');
    await new Promise((r) => setTimeout(r, 1000)); // the scenario: the rest of the line comes 1 s later
    expect(got.lines).toEqual([]);
    appendFileSync(file, 'def\n');
    await got.waitForText('abcdef', wait);
    expect(got.texts).toEqual(['abcdef']);
  });

  it('B7: the partial-line flush emits a partial once and never again', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, { ...options, partialLineFlushMs: 100 });
    appendFileSync(file, 'abc');
    await got.waitForText('abc', wait);
    expect(got.lines[0]).toMatchObject({ text: 'abc', partial: true, offset: 0 });
    appendFileSync(file, 'def\nnext\n');
    await got.waitForText('next', wait);
    expect(got.texts).toEqual(['abc', 'def', 'next']);
    expect(got.lines[1]).toMatchObject({ offset: 3, end: 7 });
  });

  it('B8: multi-byte characters split across writes arrive intact', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, options);
    const text = 'é€😀 naïve';
    const bytes = Buffer.from(`${text}\n`);
    for (const cut of [1, 2, 3, 5, 6, 8]) {
      appendFileSync(file, bytes.subarray(0, cut));
      await new Promise((r) => setImmediate(r));
      appendFileSync(file, bytes.subarray(cut));
    }
    await got.waitForLines(6, wait);
    expect(got.texts).toEqual(Array(6).fill(text));
    expect(got.texts.join('')).not.toContain('\uFFFD');
  });

  it('B8: a character on the 64 KiB read boundary arrives intact', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, options);
    const filler = 'x'.repeat(64 * 1024 - 1);
    appendFileSync(file, `${filler}😀tail\nafter\n`);
    await got.waitForText('after', wait);
    expect(got.texts[0]).toBe(`${filler}😀tail`);
  });

  it('B9: a \\r\\n split between writes is stripped', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, options);
    appendFileSync(file, 'a\r');
    appendFileSync(file, '\nb\n');
    await got.waitForText('b', wait);
    expect(got.texts).toEqual(['a', 'b']);
  });

  it('B10: a line ten times the cap is split by the stated policy, neighbours intact', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { stream, got } = await follow(file, { ...options, maxLineBytes: 1000 });
    appendFileSync(file, `before\n${'L'.repeat(10_000)}\nafter\n`);
    await got.waitForText('after', wait);
    expect(got.texts[0]).toBe('before');
    expect(got.texts.at(-1)).toBe('after');
    const pieces = got.lines.slice(1, -1);
    expect(pieces.map((p) => p.text).join('')).toBe('L'.repeat(10_000));
    expect(pieces.every((p) => p.text.length <= 1000)).toBe(true);
    expect(pieces.slice(0, -1).every((p) => p.split === true)).toBe(true);
    expect(pieces.at(-1)?.split).toBeUndefined();
    expect(stream.stats.splitLines).toBe(9);
  });

  it('B11: 0xFF, NUL and random binary never crash; invalid UTF-8 is replaced and counted', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { stream, got } = await follow(file, options);
    appendFileSync(file, Buffer.from([0x61, 0xff, 0x62, 0x0a, 0x00, 0x63, 0x0a]));
    const random = Buffer.alloc(100_000);
    for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) >>> 24;
    appendFileSync(file, random);
    appendFileSync(file, '\nend\n');
    await got.waitForText('end', wait);
    expect(got.texts[0]).toBe('a\uFFFDb');
    expect(got.texts[1]).toBe('\u0000c');
    expect(stream.stats.invalidUtf8Lines).toBeGreaterThan(0);
    const total = got.lines.at(-1)?.end;
    expect(total).toBe(7 + 100_000 + 1 + 4);
  });
});
