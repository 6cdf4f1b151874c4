// MultiLogStream: folders, globs and named files as one stream; files that appear are read from
// their first byte, files that go are drained and released; watches and descriptors are shared
// and released. Runs with OS events, with polling, and with every OS event dropped.
import { appendFileSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Collector, openDescriptorCount, tempDir, waitFor, WATCH_MODES } from '../test-utils/index.js';
import { activeDirectoryWatchCount } from '../watch/directory-watch.js';
import { MultiLogStream } from './multi-log-stream.js';
import type { MultiLogStreamEvent } from './multi-stream-types.js';

/** Records lines (via Collector) and the set's own events. */
class SetCollector extends Collector {
  readonly setEvents: MultiLogStreamEvent[] = [];
  override onEvent(event: MultiLogStreamEvent): void {
    this.setEvents.push(event);
  }
  async waitForSetEvent(type: MultiLogStreamEvent['type'], path: string, timeoutMs = 5000): Promise<void> {
    await waitFor(() => this.setEvents.some((e) => e.type === type && e.path === path), () => `no ${type} for ${path}; events: ${this.setEvents.map((e) => `${e.type} ${e.path}`).join(', ')}`, { timeoutMs });
  }
}

const streams: MultiLogStream[] = [];
afterEach(async () => {
  await Promise.all(streams.splice(0).map((s) => s.close()));
});

async function followSet(names: string[], options: ConstructorParameters<typeof MultiLogStream>[1] = {}): Promise<{ set: MultiLogStream; got: SetCollector }> {
  const set = new MultiLogStream(names, options);
  streams.push(set);
  const got = new SetCollector();
  set.subscribe(got);
  await set.ready;
  return { set, got };
}

describe.each(WATCH_MODES)('MultiLogStream ($name)', ({ options, noticeMs }) => {
  const base = { ...options, rescanIntervalMs: 200, rotationGraceMs: 300 };

  it('follows every file in a folder, tags lines with their file, and reads new files from byte 0', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.log'), 'old a\n');
    writeFileSync(join(dir, 'b.log'), 'old b\n');
    const { set, got } = await followSet([dir], base);
    expect(set.files.sort()).toEqual([join(dir, 'a.log'), join(dir, 'b.log')]);
    appendFileSync(join(dir, 'a.log'), 'new a\n');
    appendFileSync(join(dir, 'b.log'), 'new b\n');
    await got.waitForText('new a', { timeoutMs: noticeMs });
    await got.waitForText('new b', { timeoutMs: noticeMs });
    writeFileSync(join(dir, 'c.log'), 'first c\nsecond c\n');
    await got.waitForText('second c', { timeoutMs: noticeMs });
    expect(got.lines.filter((l) => l.path === join(dir, 'c.log')).map((l) => l.text)).toEqual(['first c', 'second c']);
    expect(got.texts).not.toContain('old a');
    expect(got.lines.find((l) => l.text === 'new b')?.path).toBe(join(dir, 'b.log'));
    await got.waitForSetEvent('file-added', join(dir, 'c.log'));
  });

  it('a file that goes is read to its end, then released', async () => {
    const dir = tempDir();
    const file = join(dir, 'job.log');
    writeFileSync(file, '');
    const { set, got } = await followSet([dir], base);
    appendFileSync(file, 'before\n');
    await got.waitForText('before', { timeoutMs: noticeMs });
    appendFileSync(file, 'last words\n');
    unlinkSync(file);
    await got.waitForSetEvent('file-removed', file, noticeMs + 3000);
    expect(got.texts).toEqual(['before', 'last words']);
    expect(set.files).toEqual([]);
  });

  it('globs reach into new subfolders, skip rotated generations, and follow a rename rotation once', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'jobs', 'one'), { recursive: true });
    writeFileSync(join(dir, 'jobs', 'one', 'out.log'), '');
    const { got } = await followSet([join(dir, 'jobs', '**', '*.log*')], base);
    mkdirSync(join(dir, 'jobs', 'two', 'deep'), { recursive: true });
    writeFileSync(join(dir, 'jobs', 'two', 'deep', 'out.log'), 'deep line\n');
    writeFileSync(join(dir, 'jobs', 'two', 'skip.txt'), 'not matched\n');
    await got.waitForText('deep line', { timeoutMs: noticeMs });
    const one = join(dir, 'jobs', 'one', 'out.log');
    appendFileSync(one, 'before rotation\n');
    await got.waitForText('before rotation', { timeoutMs: noticeMs });
    renameSync(one, `${one}.1`);
    appendFileSync(`${one}.1`, 'late write\n');
    writeFileSync(one, 'after rotation\n');
    await got.waitForText('after rotation', { timeoutMs: noticeMs });
    await got.waitForText('late write', { timeoutMs: noticeMs });
    const texts = got.texts;
    expect(texts.filter((t) => t === 'before rotation' || t === 'late write')).toEqual(['before rotation', 'late write']);
    expect(texts).not.toContain('not matched');
  });

  it('a named file is followed while it does not exist yet, and kept when it goes', async () => {
    const dir = tempDir();
    const named = join(dir, 'later.log');
    const { set, got } = await followSet([named], base);
    writeFileSync(named, 'appeared\n');
    await got.waitForText('appeared', { timeoutMs: noticeMs });
    unlinkSync(named);
    writeFileSync(named, 'again\n');
    await got.waitForText('again', { timeoutMs: noticeMs });
    expect(set.files).toEqual([named]);
  });
});

describe('MultiLogStream resources', () => {
  it('one folder watch serves every file in it, and the last unsubscribe releases everything', async () => {
    const before = openDescriptorCount();
    const watchesBefore = activeDirectoryWatchCount();
    const dir = tempDir();
    for (let i = 0; i < 50; i++) writeFileSync(join(dir, `f${i}.log`), '');
    const set = new MultiLogStream([dir], { watcher: 'native' });
    streams.push(set);
    const got = new SetCollector();
    const sub = set.subscribe(got);
    await set.ready;
    expect(set.files).toHaveLength(50);
    expect(activeDirectoryWatchCount() - watchesBefore).toBe(1);
    // one descriptor per file, plus the one folder watch (inotify)
    expect(openDescriptorCount() - before).toBeLessThanOrEqual(52);
    appendFileSync(join(dir, 'f7.log'), 'seven\n');
    await got.waitForText('seven');
    sub.unsubscribe();
    await waitFor(() => openDescriptorCount() <= before && activeDirectoryWatchCount() === watchesBefore, () => `descriptors ${openDescriptorCount()} (was ${before}), folder watches ${activeDirectoryWatchCount()}`);
    // A new subscriber continues where reading stopped: nothing written meanwhile is lost.
    appendFileSync(join(dir, 'f7.log'), 'while away\n');
    const again = new SetCollector();
    set.subscribe(again);
    await set.ready;
    await again.waitForText('while away');
  });

  it('rejects bad arguments at once', () => {
    expect(() => new MultiLogStream([])).toThrow(/one or more paths/);
    expect(() => new MultiLogStream(['x.log'], { rescanIntervalMs: 0 })).toThrow(/rescanIntervalMs/);
    expect(() => new MultiLogStream(['x.log'], { pollIntervalMs: -1 })).toThrow(/pollIntervalMs/);
  });
});
