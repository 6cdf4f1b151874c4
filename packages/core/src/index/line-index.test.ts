// LineIndex on small files: the shapes of lines (empty, unfinished, CRLF, multibyte, long), tail
// before and after building, jumps by fraction, and argument and lifecycle errors.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-utils/temp-dir.js';
import type { LineIndexOptions } from './index-types.js';
import { LineIndex } from './line-index.js';

const opened: LineIndex[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((index) => index.close()));
});

/** A LineIndex on a new file holding `content`, closed after the test. */
async function indexOf(content: string | Buffer, options: LineIndexOptions = {}): Promise<LineIndex> {
  const path = join(tempDir(), 'app.log');
  writeFileSync(path, content);
  const index = await LineIndex.open(path, options);
  opened.push(index);
  return index;
}

const texts = (lines: readonly { text: string }[]) => lines.map((l) => l.text);

describe('LineIndex: the shapes of lines', () => {
  it('indexes an empty file: no lines, complete at once', async () => {
    const index = await indexOf('');
    expect(index.complete).toBe(true);
    expect(index.progress).toBe(1);
    await index.build();
    expect(index.lineCount).toBe(0);
    expect(await index.lines(0, 10)).toEqual([]);
    expect(await index.tail(10, { partial: true })).toEqual([]);
    expect(await index.offsetAtFraction(0.5)).toBe(0);
    expect(index.lineAtFraction(1)).toBe(0);
    expect(await index.lineNumberAt(0)).toBe(0);
  });

  it('does not count an unfinished last line, but returns it when asked, numbered as it will be', async () => {
    const index = await indexOf('one\ntwo\nthr');
    await index.build();
    expect(index.lineCount).toBe(2);
    expect(texts(await index.lines(0, 10))).toEqual(['one', 'two']);
    expect(await index.tail(5)).toEqual([
      { number: 0, offset: 0, end: 4, text: 'one' },
      { number: 1, offset: 4, end: 8, text: 'two' },
    ]);
    expect((await index.tail(1, { partial: true })).at(-1)).toEqual({ number: 2, offset: 8, end: 11, text: 'thr', partial: true });
    expect(await index.lineNumberAt(10)).toBe(2);
  });

  it('strips the \\r of \\r\\n, keeps a lone \\r, and keeps empty lines', async () => {
    const index = await indexOf('a\r\n\r\n\nb\rc\r\nlast\r\n');
    await index.build();
    expect(texts(await index.lines(0, 10))).toEqual(['a', '', '', 'b\rc', 'last']);
    expect((await index.lines(4, 1))[0]).toMatchObject({ number: 4, offset: 11, end: 17 });
  });

  it('decodes multibyte characters that straddle read blocks and chunks', async () => {
    const line = 'é€😀'.repeat(7);
    const index = await indexOf(`${line}\n`.repeat(40), { blockBytes: 5, chunkBytes: 7, every: 3 });
    await index.build();
    expect(index.lineCount).toBe(40);
    expect(texts(await index.lines(17, 3))).toEqual([line, line, line]);
    expect(texts(await index.tail(2))).toEqual([line, line]);
  });

  it('returns lines longer than maxLineBytes cut on a character boundary, and flags them', async () => {
    const long = 'x'.repeat(9) + 'é'.repeat(20);
    const index = await indexOf(`short\n${long}\r\nafter\n${'y'.repeat(10)}\r\n`, { maxLineBytes: 10, blockBytes: 4 });
    await index.build();
    const lines = await index.lines(0, 10);
    expect(texts(lines)).toEqual(['short', 'xxxxxxxxx', 'after', 'yyyyyyyyyy']);
    expect(lines.map((l) => l.cut)).toEqual([undefined, true, undefined, undefined]);
    expect(lines[2]?.offset).toBe(6 + Buffer.byteLength(long) + 2);
    expect((await index.tail(3)).map((l) => l.cut)).toEqual([true, undefined, undefined]);
  });

  it('skips a huge line quickly: lookups after it come from the checkpoint the byte stride left', async () => {
    const huge = 'z'.repeat(3 * 1024 * 1024);
    const index = await indexOf(`first\n${huge}\nnext\nlast\n`, { strideBytes: 1024 });
    await index.build();
    expect(index.lineCount).toBe(4);
    expect(await index.lines(2, 5)).toEqual([
      { number: 2, offset: huge.length + 7, end: huge.length + 12, text: 'next' },
      { number: 3, offset: huge.length + 12, end: huge.length + 17, text: 'last' },
    ]);
    expect((await index.lines(1, 1))[0]).toMatchObject({ cut: true, end: huge.length + 7 });
    expect((await index.lines(1, 1))[0]?.text).toHaveLength(64 * 1024);
  });
});

describe('LineIndex: tail, numbers, jumps', () => {
  const content = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n') + '\n';

  it('reads the last lines before building, unnumbered, then numbered once the index is there', async () => {
    const index = await indexOf(content, { every: 16, blockBytes: 64 });
    const before = await index.tail(3);
    expect(before).toEqual([
      { number: undefined, offset: content.indexOf('line 997'), end: content.indexOf('line 998'), text: 'line 997' },
      { number: undefined, offset: content.indexOf('line 998'), end: content.indexOf('line 999'), text: 'line 998' },
      { number: undefined, offset: content.indexOf('line 999'), end: content.length, text: 'line 999' },
    ]);
    await index.build();
    expect((await index.tail(3)).map((l) => l.number)).toEqual([997, 998, 999]);
    expect(await index.lineNumberAt(before[0]?.offset ?? -1)).toBe(997);
  });

  it('gives every line when asked for more than the file has', async () => {
    const index = await indexOf('a\nb\n');
    expect(texts(await index.tail(10))).toEqual(['a', 'b']);
    expect(await index.tail(0)).toEqual([]);
  });

  it('jumps by fraction: bytes to a line start, lines to a number, and reads from an offset', async () => {
    const index = await indexOf(content, { every: 16 });
    const half = await index.offsetAtFraction(0.5);
    expect(content[half - 1]).toBe('\n');
    expect(half).toBeLessThanOrEqual(content.length / 2);
    const unnumbered = await index.linesAt(half, 2);
    expect(unnumbered[0]?.number).toBeUndefined();
    expect(unnumbered[0]?.offset).toBe(half);
    await index.build();
    const numbered = await index.linesAt(half + 3, 2);
    expect(numbered[0]).toMatchObject({ offset: half, text: unnumbered[0]?.text });
    expect(numbered.map((l) => l.number)).toEqual([Number(unnumbered[0]?.text.slice(5)), Number(unnumbered[0]?.text.slice(5)) + 1]);
    expect(await index.offsetAtFraction(0)).toBe(0);
    expect(await index.offsetAtFraction(1)).toBe(content.indexOf('line 999'));
    expect(index.lineAtFraction(0.5)).toBe(500);
    expect(index.lineAtFraction(1)).toBe(999);
    expect(await index.offsetOfLine(500)).toBe(content.indexOf('line 500'));
    expect(await index.offsetOfLine(1000)).toBe(content.length);
    expect(await index.offsetOfLine(1001)).toBeUndefined();
  });

  it('numbers an offset past the index only when no newline lies between the indexed end and it', async () => {
    const index = await indexOf('a\nb\nc\n', { chunkBytes: 2 });
    const controller = new AbortController();
    await index.build({ signal: controller.signal, onProgress: (p) => p.bytes >= 2 && controller.abort() });
    expect(index.complete).toBe(false);
    expect(await index.lineNumberAt(1)).toBe(0);
    expect(await index.lineNumberAt(3)).toBe(1);
    expect(await index.lineNumberAt(5)).toBeUndefined();
  });
});

describe('LineIndex: arguments and lifecycle', () => {
  it('throws InvalidOptionError at once on bad arguments', async () => {
    await expect(LineIndex.open('')).rejects.toMatchObject({ code: 'ERR_INVALID_OPTION' });
    await expect(LineIndex.open('/x', { every: 0 })).rejects.toMatchObject({ code: 'ERR_INVALID_OPTION' });
    await expect(LineIndex.open('/x', { chunkBytes: 1.5 })).rejects.toMatchObject({ code: 'ERR_INVALID_OPTION' });
    const index = await indexOf('a\n');
    expect(() => index.lines(-1, 1)).toThrow(/from must be a whole number/);
    expect(() => index.tail(Number.NaN)).toThrow(/count must be/);
    expect(() => index.lineAtFraction(2)).toThrow(/between 0 and 1/);
  });

  it('reports a missing file, a directory, and an aborted open with typed errors', async () => {
    const dir = tempDir();
    await expect(LineIndex.open(join(dir, 'absent.log'))).rejects.toMatchObject({ name: 'FileAccessError', code: 'ERR_FILE_ACCESS' });
    await expect(LineIndex.open(dir)).rejects.toMatchObject({ name: 'NotAFileError' });
    await expect(LineIndex.open(dir, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('closes once (same promise), refuses work afterwards, and works with await using', async () => {
    const index = await indexOf('a\n');
    const closing = index.close();
    expect(index.close()).toBe(closing);
    await closing;
    await expect(index.lines(0, 1)).rejects.toMatchObject({ code: 'ERR_STREAM_CLOSED' });
    await expect(index.build()).rejects.toMatchObject({ code: 'ERR_STREAM_CLOSED' });
    const path = join(tempDir(), 'b.log');
    writeFileSync(path, 'b\n');
    let seen: LineIndex | undefined;
    {
      await using disposable = await LineIndex.open(path);
      seen = disposable;
      expect(texts(await disposable.tail(1))).toEqual(['b']);
    }
    await expect(seen.tail(1)).rejects.toMatchObject({ code: 'ERR_STREAM_CLOSED' });
  });
});
