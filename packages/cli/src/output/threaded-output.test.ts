// The output thread: order across slab views, copied bytes and text; backpressure; slabs never
// reused before they are written; release; a reader that goes away; a non-blocking descriptor.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { namedPipe, tempDir, waitFor } from '../test-utils/index.js';
import type { OutputEnd } from './output.js';
import { ThreadedOutput } from './threaded-output.js';

/** Small memory, so that the ring wraps, slabs run out and the queue fills. */
const SMALL = { slabs: 2, slabBytes: 8192, copyRingBytes: 4096 };

const made: ThreadedOutput[] = [];

// A test that failed leaves its thread writing: it must not write into the next test's pipe,
// which may get the same descriptor number.
afterEach(() => {
  for (const output of made.splice(0)) output.stopWriting(0);
});

function outputTo(writeFd: number, options = SMALL) {
  const ends: OutputEnd[] = [];
  const output = new ThreadedOutput(writeFd, (end) => ends.push(end), options);
  made.push(output);
  return { output, ends };
}

/** What one write is: text, lent bytes (overwritten once written) or a view of a slab. */
const writeOp = fc.record({
  kind: fc.constantFrom('text', 'lent', 'slab'),
  length: fc.integer({ min: 1, max: 9000 }),
  seed: fc.nat(255),
});

describe('ThreadedOutput', () => {
  it('writes slab views, lent bytes and text in the order they were written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(writeOp, { minLength: 1, maxLength: 40 }), async (ops) => {
        const { writeFd, reader, received } = namedPipe(tempDir());
        reader.resume();
        const { output, ends } = outputTo(writeFd);
        const expected: Buffer[] = [];
        for (const { kind, length, seed } of ops) {
          const bytes = Buffer.alloc(length);
          for (let i = 0; i < length; i++) bytes[i] = kind === 'text' ? 0x41 + ((seed + i) % 26) : (seed + i) % 251;
          expected.push(Buffer.from(bytes));
          if (kind === 'text') {
            await output.write(bytes.toString('ascii'));
          } else if (kind === 'lent') {
            await output.write(bytes);
            bytes.fill(0); // the lender reuses its buffer once the write let it go
          } else {
            const slab = await output.readMemory.take(Math.min(length, SMALL.slabBytes));
            if (!slab) {
              await output.write(bytes); // no slab free: bytes of its own, as a stream would read
              continue;
            }
            bytes.copy(slab, 0, 0, Math.min(length, slab.length));
            expected[expected.length - 1] = Buffer.from(slab.subarray(0, Math.min(length, slab.length)));
            await output.write(slab.subarray(0, Math.min(length, slab.length)));
            output.readMemory.giveBack(slab);
          }
        }
        await output.finish();
        const want = Buffer.concat(expected);
        await waitFor(() => received().length >= want.length, () => `received ${String(received().length)} of ${String(want.length)} bytes`);
        expect(received().equals(want)).toBe(true);
        expect(ends).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('makes the writer wait while the reader takes nothing, then lets it go as the reader reads', async () => {
    const { writeFd, reader, received } = namedPipe(tempDir());
    const { output } = outputTo(writeFd);
    const line = 'x'.repeat(99) + '\n';
    let waited: Promise<void> | undefined;
    let written = 0;
    // The pipe (64 KiB) and the ring (4 KiB) fill up: then a write has to wait.
    while (!waited && written < 10_000_000) {
      waited = output.write(line);
      written += line.length;
    }
    expect(waited).toBeInstanceOf(Promise);
    let resolved = false;
    void waited?.then(() => (resolved = true));
    reader.resume();
    await waitFor(() => resolved, () => 'the waiting write never resolved once the reader read');
    await output.finish();
    await waitFor(() => received().length === written, () => `received ${String(received().length)} of ${String(written)} bytes`);
    expect(received().toString()).toBe(line.repeat(written / line.length));
  });

  it('lends no slab again before the thread has written it, and makes a stream wait for one rather than copy', async () => {
    const { writeFd, reader, received } = namedPipe(tempDir());
    const { output } = outputTo(writeFd, { slabs: 2, slabBytes: 128 * 1024, copyRingBytes: 4096 });
    const first = (await output.readMemory.take(100_000)) as Buffer;
    expect(first).toBeInstanceOf(Buffer);
    first.fill(0x61);
    // 128 KiB is more than the pipe holds: the thread is still writing this slab.
    await output.write(first);
    output.readMemory.giveBack(first);
    const second = await output.readMemory.take(100_000);
    expect(second).toBeInstanceOf(Buffer);
    expect(second).not.toBe(first);
    // The only other slab is being written: the stream waits for it.
    const third = output.readMemory.take(100_000);
    expect(third).toBeInstanceOf(Promise);
    let got: Buffer | undefined;
    void (third as Promise<Buffer | undefined>).then((slab) => (got = slab));
    await new Promise((resolve) => setImmediate(resolve));
    expect(got).toBeUndefined();
    reader.resume();
    await waitFor(() => got !== undefined, () => `the waiting take never got a slab; received ${String(received().length)} bytes`);
    expect(got).toBe(first);
    expect(received().subarray(0, first.length).equals(first)).toBe(true);
    output.readMemory.giveBack(first);
    output.readMemory.giveBack(second!);
    await output.finish();
  });

  it('makes no stream wait for a slab that is lent to a stream, and lets waiting streams go on release', async () => {
    const { writeFd, reader } = namedPipe(tempDir());
    const { output } = outputTo(writeFd, { slabs: 1, slabBytes: 128 * 1024, copyRingBytes: 4096 });
    const only = (await output.readMemory.take(100_000)) as Buffer;
    expect(only).toBeInstanceOf(Buffer);
    // Lent to a stream, not being written: nothing would wake a waiter.
    expect(output.readMemory.take(100_000)).toBeUndefined();
    await output.write(only); // more than the pipe holds, and nobody reads
    output.readMemory.giveBack(only);
    const waiting = output.readMemory.take(100_000);
    expect(waiting).toBeInstanceOf(Promise);
    output.release(); // shutting down: a stream must not wait for output
    expect(await waiting).toBeUndefined();
    reader.resume();
    await output.finish();
  });

  it('on release, lets waiting lenders go at once and still writes their bytes', async () => {
    const { writeFd, reader, received } = namedPipe(tempDir());
    const { output } = outputTo(writeFd);
    const lent = Buffer.alloc(200_000, 0x62);
    const waiting = output.write(lent);
    expect(waiting).toBeInstanceOf(Promise);
    output.release();
    await waiting;
    lent.fill(0x63); // reused by its lender: what was accepted must not change
    reader.resume();
    await output.finish();
    await waitFor(() => received().length >= 200_000, () => `received ${String(received().length)} bytes`);
    const got = received();
    expect(got.length).toBe(200_000);
    expect(got.every((b) => b === 0x62)).toBe(true);
  });

  it('after release, still writes what only partly fitted, and finish waits for it', async () => {
    const { writeFd, reader, received } = namedPipe(tempDir());
    const { output } = outputTo(writeFd);
    output.release();
    const text = 'z'.repeat(300_000); // more than the pipe and the ring hold
    expect(output.write(text)).toBeUndefined();
    reader.resume();
    await output.finish();
    await waitFor(() => received().length >= text.length, () => `received ${String(received().length)} of ${String(text.length)} bytes`);
    expect(received().toString()).toBe(text);
  });

  it('ends quietly as closed when the reader goes away, and drops what comes after', async () => {
    const { writeFd, reader } = namedPipe(tempDir());
    const { output, ends } = outputTo(writeFd);
    reader.destroy();
    await waitFor(() => {
      if (ends.length === 0) void output.write('after the reader left\n');
      return ends.length > 0;
    }, () => 'writing to a closed pipe never ended the output');
    expect(ends).toEqual([{ reason: 'closed' }]);
    expect(output.isEnded).toBe(true);
    expect(output.write('dropped\n')).toBeUndefined();
    await output.finish();
  });

  it('writes everything to a non-blocking descriptor too, waiting while it is full', async () => {
    const { writeFd, reader, received } = namedPipe(tempDir(), { nonBlocking: true });
    const { output } = outputTo(writeFd);
    const text = 'y'.repeat(63) + '\n';
    const total = 300_000 * text.length;
    reader.resume();
    for (let i = 0; i < 300_000; i++) await output.write(text);
    await output.finish();
    await waitFor(() => received().length >= total, () => `received ${String(received().length)} of ${String(total)} bytes`, 20_000);
    expect(received().length).toBe(total);
  });
});
