// mergeByTimestamp on real files: catch-up of several files into one ordered stream with bounded
// queues, live lines held only while another file may still precede them, and stack traces kept
// with their message.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../parse/index.js';
import { LogStream } from '../stream/log-stream.js';
import { tempDir, waitFor } from '../test-utils/index.js';
import { mergeByTimestamp } from './merge-by-timestamp.js';
import { MultiLogStream } from './multi-log-stream.js';

const iso = (ms: number) => new Date(Date.UTC(2024, 4, 1, 10, 0, 0) + ms).toISOString();

describe('mergeByTimestamp', () => {
  it('merges whole files into one ordered stream, pausing a file that runs ahead', async () => {
    const dir = tempDir();
    const files = [0, 1, 2].map((f) => join(dir, `f${f}.log`));
    const perFile = 20_000;
    files.forEach((file, f) => {
      let text = '';
      for (let i = 0; i < perFile; i++) text += `${iso((i * 3 + f) * 10)} INFO line ${i} of ${f}\n`;
      writeFileSync(file, text);
    });
    const logs = new MultiLogStream(files, { start: 'beginning', follow: false });
    const merged = mergeByTimestamp(logs, { highWaterMark: 1000 });
    const got: LogRecord[] = [];
    merged.subscribe({ onRecords: (rs) => void got.push(...rs) });
    await waitFor(() => got.length === perFile * 3, () => `merged ${got.length} of ${perFile * 3}`, { timeoutMs: 20_000 });
    const times = got.map((r) => r.timestamp ?? NaN);
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] as number))).toBe(true);
    expect(got[1]?.line.text).toBe(`${iso(10)} INFO line 0 of 1`);
    await logs.close();
  });

  it('live: a line waits while another active file may still precede it, and goes once that file is quiet', async () => {
    const dir = tempDir();
    const [a, b] = ['a.log', 'b.log'].map((n) => join(dir, n)) as [string, string];
    writeFileSync(a, `${iso(0)} INFO a first\n`);
    writeFileSync(b, `${iso(1)} INFO b first\n`);
    const streams = [new LogStream(a, { start: 'beginning' }), new LogStream(b, { start: 'beginning' })];
    const merged = mergeByTimestamp(streams, { maxWaitMs: 1000 });
    const got: string[] = [];
    merged.subscribe({ onRecords: (rs) => void got.push(...rs.map((r) => r.line.text)) });
    await merged.ready;
    await waitFor(() => got.length === 2, () => `got ${JSON.stringify(got)}`);
    expect(got).toEqual([`${iso(0)} INFO a first`, `${iso(1)} INFO b first`]);
    // a is active (it just wrote); b then writes a later line, and a an earlier one: b's waits.
    appendFileSync(a, `${iso(3000)} INFO a busy\n`);
    await waitFor(() => got.length === 3, () => `got ${JSON.stringify(got)}`);
    const t0 = Date.now();
    appendFileSync(b, `${iso(5000)} WARN b later\n`);
    appendFileSync(a, `${iso(4000)} ERROR a earlier\n\tat stack.frame(a.js:1)\n`);
    await waitFor(() => got.length === 6, () => `got ${JSON.stringify(got)}`, { timeoutMs: 3000 });
    expect(got.slice(3)).toEqual([`${iso(4000)} ERROR a earlier`, '\tat stack.frame(a.js:1)', `${iso(5000)} WARN b later`]);
    // b's line went once a had been quiet for maxWaitMs, not before.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    await Promise.all(streams.map((s) => s.close()));
  });

  it('rejects bad options at once', () => {
    const source = { subscribe: () => ({ unsubscribe: () => undefined }), ready: Promise.resolve() };
    expect(() => mergeByTimestamp(source, { maxWaitMs: -1 })).toThrow(/maxWaitMs/);
    expect(() => mergeByTimestamp(source, { highWaterMark: 0 })).toThrow(/highWaterMark/);
  });
});
