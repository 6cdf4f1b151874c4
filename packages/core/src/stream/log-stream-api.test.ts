// The LogStream API contract: lifecycle, subscriptions, the pull iterator, follow: false, options.
import { appendFileSync, mkdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError, StreamClosedError } from '../errors/log-stream-error.js';
import { Collector, follow, tempDir, waitFor } from '../test-utils/index.js';
import { LogStream } from './log-stream.js';

describe('LogStream API', () => {
  it('starts watching on the first subscriber, shares one follower, stops on the last', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const stream = new LogStream(file);
    expect(stream.isWatching).toBe(false);
    expect(stream.status).toBe('idle');
    const a = new Collector();
    const b = new Collector();
    const subA = stream.subscribe(a);
    const subB = stream.subscribe(b);
    await stream.ready;
    expect(stream.isWatching).toBe(true);
    appendFileSync(file, 'x\n');
    await a.waitForText('x');
    await b.waitForText('x');
    expect(a.lines[0]).toBe(b.lines[0]);
    subA.unsubscribe();
    subA.unsubscribe();
    expect(stream.isWatching).toBe(true);
    expect(stream.unsubscribe(b)).toBe(true);
    expect(stream.unsubscribe(b)).toBe(false);
    expect(subB.subscriber).toBe(b);
    expect(stream.isWatching).toBe(false);
    await stream.close();
  });

  it('onLogContent gets the same lines joined, each ending in a newline', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { stream, got } = await follow(file);
    const chunks: string[] = [];
    stream.subscribe({ onLogContent: (c) => void chunks.push(c) });
    appendFileSync(file, 'one\ntwo\r\n');
    await got.waitForText('two');
    await waitFor(() => chunks.join('') === 'one\ntwo\n', () => `content was ${JSON.stringify(chunks)}`);
  });

  it('onLogBytes gets the lines exactly as the file holds them, across reads and partial lines', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { stream, got } = await follow(file, { maxLineBytes: 1000 });
    const chunks: Buffer[] = [];
    const lineCounts: number[] = [];
    stream.subscribe({
      onLogBytes: (bytes, info) => {
        chunks.push(Buffer.from(bytes)); // lent: copied to keep
        lineCounts.push(info.lineCount);
      },
    });
    const parts = [Buffer.from('crlf\r\nhalf'), Buffer.from(' done\n\xff\xfe bad\n'), Buffer.from(`${'x'.repeat(2500)}\n`), Buffer.from('é😀'.repeat(30_000) + '\nend\n')];
    appendFileSync(file, parts[0] ?? '');
    await got.waitForText('crlf'); // 'half' is now held, unfinished, across the next read
    for (const part of parts.slice(1)) appendFileSync(file, part);
    await got.waitForText('end');
    expect(Buffer.concat(chunks).equals(Buffer.concat(parts))).toBe(true);
    expect(lineCounts.reduce((a, b) => a + b, 0)).toBe(got.lines.length);
  });

  it('with only onLogBytes subscribed, no line is decoded and the bytes are still exact', async () => {
    const file = join(tempDir(), 'app.log');
    const content = Buffer.concat([Buffer.from('a\r\nb\n'), Buffer.from([0xff, 0x0a]), Buffer.from(`${'y'.repeat(2500)}\nlast without newline`)]);
    writeFileSync(file, content);
    const stream = new LogStream(file, { start: 'beginning', follow: false, maxLineBytes: 1000 });
    const chunks: Buffer[] = [];
    const infos: { lineCount: number; partial: boolean }[] = [];
    await new Promise<void>((resolve) => {
      stream.subscribe({
        onLogBytes: (bytes, info) => void (chunks.push(Buffer.from(bytes)), infos.push(info)),
        onEvent: (event) => event.type === 'end' && resolve(),
      });
    });
    expect(Buffer.concat(chunks).equals(content)).toBe(true);
    // a, b, the bad byte, the 2,500-byte line (whole: raw bytes cut only an unfinished line past
    // the cap), and the unfinished last line
    expect(infos.reduce((n, i) => n + i.lineCount, 0)).toBe(5);
    expect(infos.at(-1)?.partial).toBe(true);
    expect(stream.stats.lines).toBe(5);
    expect(stream.stats.splitLines).toBe(0);
  });

  it('onLogBytes bytes stay intact until the promise the subscriber returned settles', async () => {
    // Two streams read at once (they share a pool of read buffers), and each subscriber copies its
    // lent bytes only 5 ms later: neither stream may reuse them before that.
    const dir = tempDir();
    const followed = ['a', 'b'].map((tag) => {
      const file = join(dir, `${tag}.log`);
      writeFileSync(file, '');
      const stream = new LogStream(file);
      const chunks: Buffer[] = [];
      let calls = 0;
      stream.subscribe({
        onLogBytes: (bytes) => {
          calls++;
          return new Promise<void>((resolve) => setTimeout(() => resolve(void chunks.push(Buffer.from(bytes))), 5));
        },
      });
      return { tag, file, stream, chunks, calls: () => calls, written: [] as Buffer[] };
    });
    await Promise.all(followed.map((f) => f.stream.ready));
    for (let round = 0; round < 12; round++) {
      // Whole lines (each read ends at a newline, so the bytes are a view of the read buffer),
      // and every third round an unfinished line (joined to the next lines in a scratch buffer).
      const before = followed.map((f) => f.calls());
      for (const f of followed) {
        const part = Buffer.from(`${f.tag}${round} ${f.tag.repeat(70_000 + round * 991)}\n${round % 3 === 2 ? `${f.tag} unfinished ` : ''}`);
        f.written.push(part);
        appendFileSync(f.file, part);
      }
      await waitFor(() => followed.every((f, k) => f.calls() > (before[k] ?? 0)), () => 'both streams read the round');
    }
    for (const f of followed) {
      appendFileSync(f.file, 'last\n');
      const want = Buffer.concat([...f.written, Buffer.from('last\n')]);
      await waitFor(() => f.chunks.reduce((n, c) => n + c.length, 0) >= want.length, () => `${f.tag}: ${f.chunks.reduce((n, c) => n + c.length, 0)} of ${want.length} bytes`);
      expect(Buffer.concat(f.chunks).equals(want)).toBe(true);
      await f.stream.close();
    }
  });

  it('bytes lent to a subscriber that unsubscribes during its callback stay intact until its promise settles', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, Array.from({ length: 60_000 }, (_, i) => `line ${i} ${'x'.repeat(i % 97)}\n`).join(''));
    const stream = new LogStream(file, { start: 'beginning', follow: false });
    let intact: boolean | undefined;
    const leaver = stream.subscribe({
      onLogBytes: (bytes) => {
        const copy = Buffer.from(bytes);
        leaver.unsubscribe();
        // Another subscriber keeps the stream reading meanwhile: the next reads must not reuse these bytes.
        return new Promise<void>((resolve) => setTimeout(() => resolve(void (intact = copy.equals(bytes))), 100));
      },
    });
    let total = 0;
    stream.subscribe({ onLogBytes: (b) => void (total += b.length) });
    await waitFor(() => intact !== undefined, () => 'the leaving subscriber checked its bytes');
    expect(intact).toBe(true);
    await stream.close();
    expect(total).toBeGreaterThan(0);
  });

  it('lines() pulls with for await, and breaking out unsubscribes', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, 'a\nb\nc\n');
    const stream = new LogStream(file, { start: 'beginning' });
    const seen: string[] = [];
    for await (const line of stream.lines()) {
      seen.push(line.text);
      if (line.text === 'b') break;
    }
    expect(seen).toEqual(['a', 'b']);
    expect(stream.isWatching).toBe(false);
    await stream.close();
  });

  it('lines() ends when its signal aborts and when the stream closes', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const stream = new LogStream(file);
    const controller = new AbortController();
    const loop = (async () => {
      const out: string[] = [];
      for await (const line of stream.lines({ signal: controller.signal })) out.push(line.text);
      return out;
    })();
    await stream.ready;
    appendFileSync(file, 'one\n');
    await waitFor(() => stream.stats.lines === 1, () => 'line never read');
    controller.abort();
    await loop;
    const second = (async () => {
      let n = 0;
      for await (const _ of stream.lines()) n++;
      return n;
    })();
    await stream.ready;
    await stream.close();
    expect(await second).toBe(0);
  });

  it('lines() applies backpressure: reading pauses while the queue is past its high-water mark', async () => {
    const file = join(tempDir(), 'app.log');
    const total = 200_000;
    writeFileSync(file, Array.from({ length: total }, (_, i) => `${i} ${'x'.repeat(90)}\n`).join(''));
    const stream = new LogStream(file, { start: 'beginning' });
    let consumed = 0;
    let furthestAhead = 0;
    for await (const line of stream.lines({ highWaterMark: 100 })) {
      expect(line.text.startsWith(`${consumed} `)).toBe(true);
      furthestAhead = Math.max(furthestAhead, stream.stats.lines - ++consumed);
      if (consumed === total) break;
    }
    // Never more than the high-water mark plus one read (1 MiB, about 11,000 of these lines) ahead.
    expect(furthestAhead).toBeLessThanOrEqual(100 + 11_000);
    await stream.close();
  });

  it('follow: false delivers what the file holds, an unfinished last line included, then ends', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, 'a\nb\nc');
    const stream = new LogStream(file, { start: { lines: 2 }, follow: false });
    const texts: string[] = [];
    for await (const line of stream.lines()) texts.push(line.text);
    expect(texts).toEqual(['b', 'c']);
    expect(stream.isWatching).toBe(false);
  });

  it('a big file arrives in line batches of at most 64 KiB, in order; one who leaves mid-read gets no more', async () => {
    const file = join(tempDir(), 'app.log');
    const lines = Array.from({ length: 30_000 }, (_, i) => `line ${i} ${'x'.repeat(i % 97)}`);
    writeFileSync(file, lines.join('\n') + '\n');
    const stream = new LogStream(file, { start: 'beginning', follow: false });
    const batchBytes: number[] = [];
    const texts: string[] = [];
    let leaverBatches = 0;
    const leaver = stream.subscribe({
      onLines: () => {
        leaverBatches++;
        leaver.unsubscribe();
      },
    });
    stream.subscribe({
      onLines: (batch) => {
        batchBytes.push(batch.reduce((sum, l) => sum + l.end - l.offset, 0));
        for (const l of batch) texts.push(l.text);
      },
    });
    await waitFor(() => texts.length === lines.length, () => `${texts.length} of ${lines.length} lines`);
    expect(texts).toEqual(lines);
    expect(batchBytes.length).toBeGreaterThan(10);
    // 64 KiB of the read, plus the start of a line that the batch before left unfinished.
    expect(Math.max(...batchBytes)).toBeLessThanOrEqual(64 * 1024 + 120);
    expect(leaverBatches).toBe(1);
    await stream.close();
  });

  it('close() is idempotent, ends subscriptions, and later subscribe() throws a clear error', async () => {
    const file = join(tempDir(), 'app.log');
    const stream = new LogStream(file);
    const got = await new Collector().attach(stream);
    const closing = stream.close();
    expect(stream.close()).toBe(closing);
    await closing;
    expect(stream.status).toBe('closed');
    expect(got.events.at(-1)?.type).toBe('closed');
    expect(() => stream.subscribe({})).toThrow(StreamClosedError);
    await stream[Symbol.asyncDispose]();
  });

  it('an aborted signal closes the stream', async () => {
    const controller = new AbortController();
    const stream = new LogStream(join(tempDir(), 'app.log'), { signal: controller.signal });
    await new Collector().attach(stream);
    controller.abort();
    await waitFor(() => stream.status === 'closed', () => 'abort did not close the stream');
  });

  it('rejects bad options at once with a message that says what to do', () => {
    expect(() => new LogStream('')).toThrow(InvalidOptionError);
    expect(() => new LogStream('/x', { start: { lines: -1 } })).toThrow(/start must be/);
    expect(() => new LogStream('/x', { watcher: 'inotify' as never })).toThrow(/'auto', 'native' or 'poll'/);
    expect(() => new LogStream('/x', { pollIntervalMs: 0 })).toThrow(/pollIntervalMs must be a positive number/);
    expect(() => new LogStream('/x').subscribe(null as never)).toThrow(InvalidOptionError);
  });

  it('a directory given as the file is reported once, and followed if a file replaces it', async () => {
    const dir = tempDir();
    const path = join(dir, 'app.log');
    mkdirSync(path);
    const { got } = await follow(path, { pollIntervalMs: 20, watcher: 'poll' });
    await got.waitForError('ERR_NOT_A_FILE');
    expect(got.errors[0]?.message).toContain('is a directory');
    rmdirSync(path);
    writeFileSync(path, 'now a file\n');
    await got.waitForText('now a file');
    expect(got.errors.length).toBe(1);
  });
});
