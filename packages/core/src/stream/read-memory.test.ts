// A bytes subscriber's read memory (LogStreamSubscriber.readMemory): the stream reads into the
// buffers it lends, hands their views on, gives every one back, and copes when none is free.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, waitFor } from '../test-utils/index.js';
import { LogStream } from './log-stream.js';
import type { ReadMemory } from './stream-types.js';

/** Lines of varied length, so that 1 MiB reads end inside lines. */
function logText(lines: number): string {
  let text = '';
  for (let i = 0; i < lines; i++) text += `${String(i).padStart(7, '0')} ${'x'.repeat(i % 97)}\n`;
  return text;
}

/** A pool of `count` buffers that records what is lent and returned. */
function pool(count: number, size = 1024 * 1024) {
  const buffers = Array.from({ length: count }, () => Buffer.alloc(size));
  const lent = new Set<Buffer>();
  const stats = { takes: 0, refusals: 0, givenBack: 0, foreign: 0 };
  const memory: ReadMemory = {
    take: (want) => {
      const free = buffers.find((b) => !lent.has(b) && b.length >= want);
      if (!free) {
        stats.refusals++;
        return undefined;
      }
      stats.takes++;
      lent.add(free);
      return free;
    },
    giveBack: (buffer) => {
      if (!lent.delete(buffer)) stats.foreign++;
      stats.givenBack++;
    },
  };
  const owns = (bytes: Buffer) => buffers.some((b) => b.buffer === bytes.buffer);
  return { memory, stats, lent, owns };
}

async function readAll(file: string, memory: ReadMemory, owns: (bytes: Buffer) => boolean) {
  const stream = new LogStream(file, { start: 'beginning', follow: false, watcher: 'poll' });
  const chunks: Buffer[] = [];
  const batches: { view: boolean; lineCount: number; length: number }[] = [];
  let ended = false;
  stream.subscribe({
    readMemory: memory,
    onLogBytes: (bytes, info) => {
      chunks.push(Buffer.from(bytes));
      batches.push({ view: owns(bytes), lineCount: info.lineCount, length: bytes.length });
    },
    onEvent: (event) => {
      if (event.type === 'end') ended = true;
    },
  });
  await waitFor(() => ended, () => `the stream did not end; ${String(chunks.length)} chunks`);
  await stream.close();
  return { text: Buffer.concat(chunks).toString(), batches };
}

describe('LogStream with a subscriber that lends read memory', () => {
  it('reads into the lent buffers, delivers views of them, and gives every one back', async () => {
    const file = join(tempDir(), 'app.log');
    const text = logText(120_000); // about 6.6 MiB
    writeFileSync(file, text);
    const { memory, stats, lent, owns } = pool(3);
    const { text: got, batches } = await readAll(file, memory, owns);
    expect(got).toBe(text);
    expect(stats.takes).toBeGreaterThan(5);
    expect(stats.givenBack).toBe(stats.takes);
    expect(stats.foreign).toBe(0);
    expect(lent.size).toBe(0);
    // Only a line that a read cut in two is joined (copied): everything else is a view.
    for (const batch of batches.filter((b) => !b.view)) expect(batch.lineCount).toBe(1);
    const viewed = batches.filter((b) => b.view).reduce((sum, b) => sum + b.length, 0);
    expect(viewed / text.length).toBeGreaterThan(0.99);
  });

  it('waits for a buffer when the memory promises one, and reads on when it gets none', async () => {
    const file = join(tempDir(), 'app.log');
    const text = logText(60_000);
    writeFileSync(file, text);
    const { memory, stats, lent, owns } = pool(2);
    let calls = 0;
    // Every other take is a promise, settled a little later: some with a buffer, some without.
    const waiting: ReadMemory = {
      take: (size) => {
        calls++;
        if (calls % 2 === 1) return memory.take(size);
        return new Promise((resolve) => setTimeout(() => resolve(calls % 4 === 0 ? memory.take(size) : undefined), 1));
      },
      giveBack: (buffer) => memory.giveBack(buffer),
    };
    const { text: got } = await readAll(file, waiting, owns);
    expect(got).toBe(text);
    expect(calls).toBeGreaterThan(2);
    expect(stats.givenBack).toBe(stats.takes);
    expect(lent.size).toBe(0);
  });

  it('reads into its own buffers when the lent memory has nothing free', async () => {
    const file = join(tempDir(), 'app.log');
    const text = logText(60_000);
    writeFileSync(file, text);
    const { memory, stats, owns } = pool(0);
    const { text: got } = await readAll(file, memory, owns);
    expect(got).toBe(text);
    expect(stats.refusals).toBeGreaterThan(0);
    expect(stats.givenBack).toBe(0);
  });
});
