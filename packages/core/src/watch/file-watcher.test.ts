// FileWatcher on its own: hints for its path only, each backend, symlink targets, clean close.
import { appendFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../errors/log-stream-error.js';
import { tempDir, waitFor } from '../test-utils/index.js';
import { activeDirectoryWatchCount } from './directory-watch.js';
import { FileWatcher } from './file-watcher.js';
import { activeTickerCount } from './shared-ticker.js';
import type { WatchHint, WatcherEvent } from './watch-types.js';

function watcherOn(path: string, mode: 'native' | 'poll') {
  const hints: WatchHint[] = [];
  const events: WatcherEvent[] = [];
  const watcher = new FileWatcher(path, { onHint: (h) => hints.push(h), onEvent: (e) => events.push(e) }, { mode, pollIntervalMs: 20 });
  return { watcher, hints, events };
}

describe.each(['native', 'poll'] as const)('FileWatcher (%s)', (mode) => {
  it('hints when its file changes, not when a neighbour does', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.log');
    writeFileSync(file, '');
    const { watcher, hints } = watcherOn(file, mode);
    await watcher.ready;
    expect(watcher.backend).toBe(mode);
    writeFileSync(join(dir, 'other.log'), 'x\n');
    appendFileSync(file, 'x\n');
    await waitFor(() => hints.length > 0, () => 'no hint for the append');
    expect(hints.every((h) => h.path === file)).toBe(true);
    expect(hints[0]?.reason).toBe(mode === 'native' ? 'change' : 'poll');
    await watcher.close();
  });

  it('hints for a symlink target in another folder once told about it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    const target = join(dir, 'real', 'app.log');
    writeFileSync(target, '');
    const link = join(dir, 'app.log');
    symlinkSync(target, link);
    const { watcher, hints } = watcherOn(link, mode);
    await watcher.ready;
    watcher.setLinkTarget(target);
    appendFileSync(target, 'x\n');
    await waitFor(() => hints.length > 0, () => 'no hint for a write to the link target');
    await watcher.close();
  });

  it('close() returns the same promise and leaves no watch or timer', async () => {
    const { watcher } = watcherOn(join(tempDir(), 'app.log'), mode);
    await watcher.ready;
    const closing = watcher.close();
    expect(watcher.close()).toBe(closing);
    await closing;
    expect(activeDirectoryWatchCount()).toBe(0);
    expect(activeTickerCount()).toBe(0);
  });
});

describe('FileWatcher options', () => {
  it('rejects bad options with a clear message', () => {
    const onHint = () => undefined;
    expect(() => new FileWatcher('', { onHint })).toThrow(InvalidOptionError);
    expect(() => new FileWatcher('/x', { onHint }, { mode: 'fast' as never })).toThrow(/'auto', 'native' or 'poll'/);
    expect(() => new FileWatcher('/x', { onHint }, { reconcileIntervalMs: -5 })).toThrow(/reconcileIntervalMs/);
  });

  it('in native mode, reports a missing folder and starts watching once it exists', async () => {
    const dir = join(tempDir(), 'later');
    const file = join(dir, 'app.log');
    const { watcher, hints, events } = watcherOn(file, 'native');
    await watcher.ready;
    expect(events.map((e) => e.type)).toEqual(['directory-missing']);
    mkdirSync(dir);
    await waitFor(() => events.some((e) => e.type === 'directory-restored'), () => 'the new folder was never watched');
    appendFileSync(file, 'x\n');
    await waitFor(() => hints.some((h) => h.reason === 'change'), () => 'no OS event from the new folder');
    await watcher.close();
  });
});
