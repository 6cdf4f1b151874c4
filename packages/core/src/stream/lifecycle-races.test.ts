// Lifecycle races: quick resubscribes, closing inside a loop, subscribers that never settle, and
// what is left running after close while a rotated file drains.
import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Collector, tempDir, waitFor } from '../test-utils/index.js';
import { activeTickerCount } from '../watch/shared-ticker.js';
import { LogStream } from './log-stream.js';

describe('LogStream lifecycle races', () => {
  it('a subscribe and unsubscribe before anything was opened keeps the place to resume from', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, 'old1\nold2\n');
    const stream = new LogStream(file);
    const got = await new Collector().attach(stream);
    appendFileSync(file, 'a\n');
    await got.waitForText('a');
    got.subscription?.unsubscribe();
    stream.subscribe(got).unsubscribe();
    appendFileSync(file, 'b\n');
    await got.attach(stream);
    await got.waitForText('b');
    expect(got.texts).toEqual(['a', 'b']);
    await stream.close();
  });

  it('close() inside a for await loop with a full queue ends the loop', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, Array.from({ length: 100 }, (_, i) => `l${i}\n`).join(''));
    const stream = new LogStream(file, { start: 'beginning' });
    let seen = 0;
    for await (const _ of stream.lines({ highWaterMark: 10 })) {
      if (++seen === 1) await stream.close();
    }
    expect(stream.status).toBe('closed');
  });

  it('a subscriber that leaves with a promise never settled holds up neither the others nor close()', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const stream = new LogStream(file);
    const stuck = stream.subscribe({ onLines: () => new Promise<void>(() => undefined) });
    await stream.ready;
    appendFileSync(file, 'first\n');
    await waitFor(() => stream.stats.lines === 1, () => 'first line not read');
    const got = new Collector();
    stream.subscribe(got);
    stuck.unsubscribe();
    appendFileSync(file, 'second\n');
    await got.waitForText('second');
    await stream.close();
  });

  it('closing while a rotated file drains behind a slow subscriber leaves no timer', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const stream = new LogStream(file, { pollIntervalMs: 20 });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sub = stream.subscribe({ onLines: () => gate });
    await stream.ready;
    appendFileSync(file, 'one\n');
    await waitFor(() => stream.stats.lines === 1, () => 'line not read');
    renameSync(file, `${file}.1`);
    writeFileSync(file, 'two\n');
    sub.unsubscribe();
    release();
    await stream.close();
    expect(activeTickerCount()).toBe(0);
  });
});
