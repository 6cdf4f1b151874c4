// RELIABILITY.md section F: backpressure, failing subscribers, many files, and release on close.
import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogLine } from '../framing/log-line.js';
import { Collector, follow, openDescriptorCount, tempDir, waitFor, WATCH_MODES } from '../test-utils/index.js';
import { activeDirectoryWatchCount } from '../watch/directory-watch.js';
import { activeTickerCount } from '../watch/shared-ticker.js';
import { LogStream } from './log-stream.js';

describe.each(WATCH_MODES)('backpressure and resources ($name)', ({ options, noticeMs }) => {
  const wait = { timeoutMs: noticeMs };

  it('F35: a subscriber taking 100 ms a batch during 10 MiB and a rotation: no loss, one batch at a time', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const stream = new LogStream(file, options);
    const seen: LogLine[] = [];
    let inFlight = 0;
    let overlapped = false;
    let largestBatchBytes = 0;
    stream.subscribe({
      async onLines(lines) {
        if (++inFlight > 1) overlapped = true;
        largestBatchBytes = Math.max(largestBatchBytes, lines.reduce((n, l) => n + l.end - l.offset, 0));
        seen.push(...lines);
        await new Promise((r) => setTimeout(r, 100));
        inFlight--;
      },
    });
    try {
      await stream.ready;
      const line = (i: number) => `${String(i).padStart(8, '0')} ${'x'.repeat(90)}\n`;
      let chunk = '';
      for (let i = 0; i < 100_000; i++) chunk += line(i);
      appendFileSync(file, chunk.slice(0, chunk.length / 2));
      await waitFor(() => seen.length > 0, () => 'no batch arrived', wait);
      appendFileSync(file, chunk.slice(chunk.length / 2));
      renameSync(file, `${file}.1`);
      appendFileSync(`${file}.1`, 'late to the old file\n');
      writeFileSync(file, 'new file\n');
      await waitFor(() => seen.at(-1)?.text === 'new file', () => `delivery stalled at ${seen.length} lines`, { timeoutMs: 30_000 });
      expect(seen.length).toBe(100_002);
      expect(seen[99_999]?.text.startsWith('00099999')).toBe(true);
      expect(seen[100_000]?.text).toBe('late to the old file');
      expect(overlapped).toBe(false);
      // One read of at most 1 MiB, plus the unfinished line carried over from the read before.
      expect(largestBatchBytes).toBeLessThanOrEqual(1024 * 1024 + 100);
    } finally {
      await stream.close();
    }
  });

  it('F36: a subscriber that throws leaves the others undisturbed, and its error is reported', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { stream, got } = await follow(file, options);
    const thrower = new Collector();
    thrower.onLines = () => {
      throw new Error('subscriber bug');
    };
    stream.subscribe(thrower);
    const quiet = new Collector();
    stream.subscribe({ onLines: (lines) => quiet.onLines(lines) });
    appendFileSync(file, 'a\nb\n');
    await got.waitForText('b', wait);
    await waitFor(() => quiet.lines.length === 2, () => 'the other subscriber missed lines', wait);
    await thrower.waitForError('ERR_SUBSCRIBER', wait);
    expect(thrower.errors[0]?.message).toContain('subscriber bug');
    expect(got.errors).toEqual([]);
  });

  it('F38: 1,000 files followed: one directory watch, one descriptor each, all lines arrive', async () => {
    const dir = tempDir();
    const before = openDescriptorCount();
    const collectors: Collector[] = [];
    const streams: LogStream[] = [];
    try {
      for (let i = 0; i < 1000; i++) {
        const file = join(dir, `job-${i}.log`);
        writeFileSync(file, '');
        const stream = new LogStream(file, options);
        streams.push(stream);
        collectors.push(await new Collector().attach(stream));
      }
      if (options.watcher === 'native') expect(activeDirectoryWatchCount()).toBe(1);
      expect(openDescriptorCount() - before).toBeLessThanOrEqual(1000 + 8);
      for (let i = 0; i < 1000; i += 7) appendFileSync(join(dir, `job-${i}.log`), `hello ${i}\n`);
      for (let i = 0; i < 1000; i += 7) await collectors[i]?.waitForText(`hello ${i}`, wait);
      expect(collectors.filter((c, i) => c.lines.length !== (i % 7 === 0 ? 1 : 0))).toEqual([]);
    } finally {
      await Promise.all(streams.map((s) => s.close()));
    }
  });

  it('F39: after close(), no watcher, descriptor or timer is left', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.log');
    writeFileSync(file, 'x\n');
    // A first stream makes libuv open its one inotify descriptor, which it keeps for the process.
    await (await follow(join(dir, 'warm.log'), options)).stream.close();
    const before = openDescriptorCount();
    const stream = new LogStream(file, { ...options, rotationGraceMs: 60_000 });
    const got = await new Collector().attach(stream);
    appendFileSync(file, 'y\n');
    renameSync(file, `${file}.1`);
    writeFileSync(file, 'z\n');
    await got.waitForText('z', wait);
    expect(openDescriptorCount()).toBeGreaterThan(before);
    const closing = stream.close();
    expect(stream.close()).toBe(closing);
    await closing;
    expect(openDescriptorCount()).toBe(before);
    expect(activeTickerCount()).toBe(0);
    expect(activeDirectoryWatchCount()).toBe(0);
    expect(stream.isWatching).toBe(false);
    expect(got.events.at(-1)?.type).toBe('closed');
  });
});
