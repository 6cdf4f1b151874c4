// Unit tests of the output writer: backpressure, release on shutdown, EPIPE and other errors.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { OutputEnd } from './output.js';
import { StdoutWriter } from './stdout-writer.js';

/** A writable that holds every write until `flush()`, so that its buffer fills up. */
function slowStream(highWaterMark = 8) {
  const pending: (() => void)[] = [];
  let written = '';
  const stream = new Writable({
    highWaterMark,
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      written += chunk;
      pending.push(() => callback());
    },
  });
  const flush = () => {
    while (pending.length > 0) pending.shift()?.();
  };
  return { stream, flush, written: () => written };
}

describe('StdoutWriter', () => {
  it('returns nothing to wait for while the stream has room', () => {
    const { stream } = slowStream(1024);
    const writer = new StdoutWriter(stream, () => undefined);
    expect(writer.write('short\n')).toBeUndefined();
  });

  it('returns a promise when the stream is full, resolved on drain', async () => {
    const { stream, flush, written } = slowStream();
    const writer = new StdoutWriter(stream, () => undefined);
    const wait = writer.write('more than eight bytes\n');
    expect(wait).toBeInstanceOf(Promise);
    expect(writer.write('again\n')).toBe(wait);
    let resolved = false;
    void wait?.then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    for (let i = 0; i < 3; i++) {
      flush();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(resolved).toBe(true);
    expect(written()).toBe('more than eight bytes\nagain\n');
  });

  it('makes the caller wait until a lent buffer has been written, then resolves', async () => {
    const { stream, flush, written } = slowStream(1024);
    const writer = new StdoutWriter(stream, () => undefined);
    const lent = Buffer.from('lent bytes\n');
    const wait = writer.write(lent);
    expect(wait).toBeInstanceOf(Promise);
    let resolved = false;
    void wait?.then(() => (resolved = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(resolved).toBe(false);
    flush();
    await wait;
    expect(written()).toBe('lent bytes\n');
  });

  it('returns nothing to wait for when the stream wrote a buffer at once', () => {
    const stream = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    const writer = new StdoutWriter(stream, () => undefined);
    expect(writer.write(Buffer.from('written at once\n'))).toBeUndefined();
  });

  it('stops making callers wait once released', async () => {
    const { stream } = slowStream();
    const writer = new StdoutWriter(stream, () => undefined);
    const wait = writer.write('more than eight bytes\n');
    writer.release();
    await wait;
    expect(writer.write('still more bytes\n')).toBeUndefined();
  });

  it('treats EPIPE as the reader going away: ends quietly, wakes waiters, drops later writes', async () => {
    const { stream } = slowStream();
    const ends: OutputEnd[] = [];
    const writer = new StdoutWriter(stream, (end) => ends.push(end));
    const wait = writer.write('more than eight bytes\n');
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await wait;
    expect(ends).toEqual([{ reason: 'closed' }]);
    expect(writer.isEnded).toBe(true);
    expect(writer.write('dropped\n')).toBeUndefined();
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(ends).toHaveLength(1);
  });

  it('reports other write errors as failures', () => {
    const { stream } = slowStream();
    const ends: OutputEnd[] = [];
    new StdoutWriter(stream, (end) => ends.push(end));
    const error = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    stream.emit('error', error);
    expect(ends).toEqual([{ reason: 'failed', error }]);
  });
});
