// LineIndex over time: building in the background (progress, pause, resume, close), a growing
// file, truncation and rewrite, a huge file's last screen, and the memory the index holds.
import { appendFileSync, closeSync, ftruncateSync, openSync, renameSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-utils/temp-dir.js';
import type { IndexProgress, IndexTruncation, LineIndexOptions } from './index-types.js';
import { LineIndex } from './line-index.js';

const opened: LineIndex[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((index) => index.close()));
});

async function openIndex(path: string, options: LineIndexOptions = {}): Promise<LineIndex> {
  const index = await LineIndex.open(path, options);
  opened.push(index);
  return index;
}

/** `count` lines `line <from + i> …` padded to `width` bytes with their newline. */
function numbered(from: number, count: number, width = 16): string {
  let out = '';
  for (let i = from; i < from + count; i++) out += `line ${i} `.padEnd(width - 1, '.') + '\n';
  return out;
}

describe('LineIndex: building', () => {
  it('reports progress per chunk, ends complete, and answers lookups while it runs', async () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, numbered(0, 20_000));
    const index = await openIndex(path, { chunkBytes: 16 * 1024 });
    const seen: IndexProgress[] = [];
    const lookups: Promise<unknown>[] = [];
    await index.build({
      onProgress: (p) => {
        seen.push(p);
        if (seen.length === 3) lookups.push(index.lines(10, 2), index.tail(2));
      },
    });
    expect(seen.length).toBe(Math.ceil(320_000 / (16 * 1024)));
    expect(seen.at(-1)).toEqual({ bytes: 320_000, total: 320_000, lines: 20_000 });
    expect(seen.every((p, i) => i === 0 || p.bytes > (seen[i - 1]?.bytes ?? 0))).toBe(true);
    const [some, last] = (await Promise.all(lookups)) as { text: string }[][];
    expect(some?.map((l) => l.text.split(' ')[1])).toEqual(['10', '11']);
    expect(last?.map((l) => l.text.split(' ')[1])).toEqual(['19998', '19999']);
    expect(index.complete).toBe(true);
    expect(index.progress).toBe(1);
  });

  it('pauses when its only build is aborted and resumes where it stopped', async () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, numbered(0, 10_000));
    const index = await openIndex(path, { chunkBytes: 8192 });
    const controller = new AbortController();
    await index.build({ signal: controller.signal, onProgress: (p) => p.bytes >= 40_000 && controller.abort() });
    const pausedAt = index.progress;
    expect(pausedAt).toBeGreaterThan(0);
    expect(pausedAt).toBeLessThan(1);
    // Whole chunks of whole 16-byte lines were indexed, nothing more.
    expect(index.lineCount * 16).toBe(pausedAt * 160_000);
    expect((pausedAt * 160_000) % 8192).toBe(0);
    const resumedFrom: number[] = [];
    await index.build({ onProgress: (p) => resumedFrom.push(p.bytes) });
    expect(resumedFrom[0]).toBeGreaterThan(pausedAt * 160_000);
    expect(index.lineCount).toBe(10_000);
    expect(await index.build({ signal: AbortSignal.abort() })).toBeUndefined();
  });

  it('shares one scan between concurrent builds; one aborting does not stop the other', async () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, numbered(0, 10_000));
    const index = await openIndex(path, { chunkBytes: 4096 });
    const controller = new AbortController();
    let chunks = 0;
    const first = index.build({ signal: controller.signal, onProgress: () => ++chunks === 2 && controller.abort() });
    const second = index.build();
    await Promise.all([first, second]);
    expect(index.complete).toBe(true);
    expect(index.lineCount).toBe(10_000);
  });

  it('ends only the build whose onProgress threw, with its error; the other goes on', async () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, numbered(0, 10_000));
    const index = await openIndex(path, { chunkBytes: 4096 });
    const oops = new Error('progress bar broke');
    const failing = index.build({
      onProgress: () => {
        throw oops;
      },
    });
    const other = index.build();
    await expect(failing).rejects.toBe(oops);
    await other;
    expect(index.lineCount).toBe(10_000);
  });

  it('closes while a build runs: the build resolves incomplete and the descriptor is released', async () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, numbered(0, 50_000));
    const index = await openIndex(path, { chunkBytes: 4096 });
    let closing: Promise<void> | undefined;
    const building = index.build({ onProgress: () => void (closing ??= index.close()) });
    await building;
    await closing;
    expect(index.complete).toBe(false);
    await expect(index.refresh()).rejects.toMatchObject({ code: 'ERR_STREAM_CLOSED' });
  });
});

describe('LineIndex: a growing file', () => {
  it('keeps a complete index complete on refresh(); an unfinished line counts once its newline comes', async () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, 'one\n');
    const index = await openIndex(path);
    await index.build();
    expect(await index.refresh()).toBe('unchanged');
    appendFileSync(path, 'two\nthr');
    expect(await index.refresh()).toBe('grew');
    expect(index.complete).toBe(true);
    expect(index.lineCount).toBe(2);
    appendFileSync(path, 'ee\n' + numbered(3, 1000));
    expect(await index.refresh()).toBe('grew');
    expect(index.lineCount).toBe(1003);
    expect((await index.lines(2, 2)).map((l) => l.text)).toEqual(['three', 'line 3 ........']);
    expect((await index.tail(1))[0]).toMatchObject({ number: 1002, text: 'line 1002 .....' });
  });

  it('follows growth of a file that was empty when built', async () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, '');
    const index = await openIndex(path);
    await index.build();
    appendFileSync(path, 'first\n');
    expect(await index.refresh()).toBe('grew');
    expect(index.lineCount).toBe(1);
  });

  it('leaves an unbuilt index to build(): refresh() only records the new size', async () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, 'a\n');
    const index = await openIndex(path);
    appendFileSync(path, 'b\nc\n');
    expect(await index.refresh()).toBe('grew');
    expect(index.complete).toBe(false);
    expect(index.size).toBe(6);
    expect((await index.tail(2)).map((l) => l.text)).toEqual(['b', 'c']);
    await index.build();
    expect(index.lineCount).toBe(3);
  });

  it('grows while a build runs: the running scan reads up to the new size', async () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, numbered(0, 5000));
    const index = await openIndex(path, { chunkBytes: 4096 });
    let grown: Promise<unknown> | undefined;
    await index.build({
      onProgress: () => {
        if (grown) return;
        appendFileSync(path, numbered(5000, 100));
        grown = index.refresh();
      },
    });
    expect(await grown).toBe('grew');
    expect(index.lineCount).toBe(5100);
  });

  it('detects truncation (shorter) and rewrite (same size or longer, other bytes) and resets', async () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, numbered(0, 100));
    const events: IndexTruncation[] = [];
    const index = await openIndex(path, { onTruncated: (e) => events.push(e) });
    await index.build();
    truncateSync(path, 0);
    appendFileSync(path, 'new\n');
    expect(await index.refresh()).toBe('truncated');
    expect(events).toEqual([{ previousSize: 1600, size: 4, reason: 'shrunk' }]);
    expect(index.lineCount).toBe(0);
    await index.build();
    expect((await index.lines(0, 5)).map((l) => l.text)).toEqual(['new']);
    // Cut and written again past the old size before anyone looked: the last indexed bytes differ.
    writeFileSync(path, 'other content\n'.repeat(3));
    expect(await index.refresh()).toBe('truncated');
    expect(events[1]).toEqual({ previousSize: 4, size: 42, reason: 'rewritten' });
    await index.build();
    expect(index.lineCount).toBe(3);
  });

  it('notices a file that shrank under a running build, resets and indexes the new content', async () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, numbered(0, 10_000));
    const events: IndexTruncation[] = [];
    const index = await openIndex(path, { chunkBytes: 4096, onTruncated: (e) => events.push(e) });
    let cut = false;
    await index.build({
      onProgress: () => {
        if (cut) return;
        cut = true;
        truncateSync(path, 0);
        appendFileSync(path, 'fresh\n');
      },
    });
    expect(events).toMatchObject([{ previousSize: 160_000, size: 6, reason: 'shrunk' }]);
    expect(index.lineCount).toBe(1);
    expect((await index.tail(1))[0]).toEqual({ number: 0, offset: 0, end: 6, text: 'fresh' });
  });
});

describe('LineIndex: size and memory', () => {
  it('shows the last screen of a 10 GiB (sparse) file at once, reading only its end', async () => {
    const path = join(tempDir(), 'huge.log');
    const fd = openSync(path, 'w');
    const size = 10 * 2 ** 30;
    ftruncateSync(fd, size);
    const tailText = numbered(0, 60);
    writeSync(fd, tailText, size);
    closeSync(fd);
    const started = performance.now();
    const index = await openIndex(path);
    const last = await index.tail(50);
    const ms = performance.now() - started;
    expect(last.map((l) => l.text)).toEqual(numbered(10, 50).trimEnd().split('\n'));
    expect(last[0]).toMatchObject({ number: undefined, offset: size + 160 });
    expect(ms).toBeLessThan(200);
    expect(index.complete).toBe(false);
  });

  it('holds at most 2 bytes per line for a million short lines', async () => {
    const path = join(tempDir(), 'million.log');
    writeFileSync(path, Buffer.alloc(1_000_000 * 8, 'abcdefg\n'));
    const index = await openIndex(path);
    await index.build();
    expect(index.lineCount).toBe(1_000_000);
    expect(index.indexBytes / index.lineCount).toBeLessThanOrEqual(2);
    expect((await index.lines(987_654, 1))[0]).toEqual({ number: 987_654, offset: 987_654 * 8, end: 987_655 * 8, text: 'abcdefg' });
  });
});

describe('LineIndex: which file the path names', () => {
  it('is at its path until the file is renamed, replaced or deleted', async () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, numbered(0, 3));
    const index = await openIndex(path);
    expect(await index.isAtPath()).toBe(true);
    appendFileSync(path, numbered(3, 3));
    expect(await index.isAtPath()).toBe(true);
    renameSync(path, `${path}.1`);
    expect(await index.isAtPath()).toBe(false);
    writeFileSync(path, numbered(0, 1));
    expect(await index.isAtPath()).toBe(false);
    const fresh = await openIndex(path);
    expect(await fresh.isAtPath()).toBe(true);
    rmSync(path);
    expect(await fresh.isAtPath()).toBe(false);
  });
});
