// Unit tests of the direct descriptor writer: bytes in order, a closed reader, and the switch
// to the stream when the descriptor turns out to be non-blocking.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-utils/index.js';
import { FdWriter } from './fd-writer.js';
import type { OutputEnd } from './stdout-writer.js';

/** A FIFO opened at both ends without blocking: a write past its capacity fails with EAGAIN. */
function nonBlockingFifo() {
  const path = join(tempDir(), 'out.fifo');
  execFileSync('mkfifo', [path]);
  const readFd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const writeFd = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
  const drain = () => {
    const chunks: Buffer[] = [];
    const buffer = Buffer.alloc(1 << 16);
    for (;;) {
      let n = 0;
      try {
        n = readSync(readFd, buffer);
      } catch {
        break;
      }
      if (n === 0) break;
      chunks.push(Buffer.from(buffer.subarray(0, n)));
    }
    return Buffer.concat(chunks);
  };
  return { readFd, writeFd, drain };
}

function collector() {
  const chunks: Buffer[] = [];
  let finish: () => void = () => undefined;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      callback();
      finish();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks), written: new Promise<void>((resolve) => (finish = resolve)) };
}

describe('FdWriter', () => {
  it('writes strings and bytes to the descriptor, in order, before returning', () => {
    const path = join(tempDir(), 'out.txt');
    writeFileSync(path, '');
    const fd = openSync(path, 'a');
    const writer = new FdWriter(fd, () => { throw new Error('no stream expected'); }, () => undefined);
    expect(writer.write('one\n')).toBeUndefined();
    const lent = Buffer.from('two\nthree\n');
    expect(writer.write(lent)).toBeUndefined();
    lent.fill(0); // the writer must not hold on to lent bytes
    closeSync(fd);
    expect(readFileSync(path, 'utf8')).toBe('one\ntwo\nthree\n');
  });

  it('ends quietly as closed when the reader has gone (EPIPE), and drops later writes', () => {
    const fifo = nonBlockingFifo();
    closeSync(fifo.readFd);
    const ends: OutputEnd[] = [];
    const writer = new FdWriter(fifo.writeFd, () => { throw new Error('no stream expected'); }, (end) => ends.push(end));
    void writer.write('lost\n');
    expect(ends).toEqual([{ reason: 'closed' }]);
    expect(writer.isEnded).toBe(true);
    expect(writer.write('after\n')).toBeUndefined();
    expect(ends).toHaveLength(1);
    closeSync(fifo.writeFd);
  });

  it('sends what a non-blocking descriptor refuses (EAGAIN) through the stream, losing and repeating nothing', async () => {
    const fifo = nonBlockingFifo();
    const out = collector();
    const writer = new FdWriter(fifo.writeFd, () => out.stream, () => undefined);
    const data = Buffer.from(Array.from({ length: 20_000 }, (_, i) => `line ${i}\n`).join(''));
    // More than a FIFO holds (64 KiB): the rest goes to the stream, whose write is awaited.
    await writer.write(data.subarray(0, 150_000));
    await out.written;
    expect(out.bytes().length).toBeGreaterThan(0);
    // Once on the stream, every later write goes there too, so the order holds.
    await writer.write(data.subarray(150_000));
    const direct = fifo.drain();
    expect(direct.length).toBeGreaterThan(0);
    expect(Buffer.concat([direct, out.bytes()]).equals(data)).toBe(true);
    closeSync(fifo.readFd);
    closeSync(fifo.writeFd);
  });
});
