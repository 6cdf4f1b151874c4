// RELIABILITY.md section D: lost and overflowing events, unrelated churn, duplicate and spurious events.
import { appendFileSync, chmodSync, closeSync, linkSync, openSync, renameSync, unlinkSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { follow, tempDir, WATCH_MODES } from '../test-utils/index.js';

describe.each(WATCH_MODES)('watcher robustness ($name)', ({ options, noticeMs }) => {
  const wait = { timeoutMs: noticeMs };

  it('D25: appends buried under more events than the kernel queue holds are all delivered', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, { ...options, reconcileIntervalMs: Math.min(options.reconcileIntervalMs ?? 1000, 250) });
    const fd = openSync(file, 'a');
    // 20,000 creates and deletes beside the file overflow inotify's default 16,384-event queue.
    for (let i = 0; i < 10_000; i++) {
      const other = join(dir, `churn-${i}`);
      writeFileSync(other, '');
      unlinkSync(other);
      if (i % 1000 === 0) writeSync(fd, `line ${i / 1000}\n`);
    }
    writeSync(fd, 'last\n');
    closeSync(fd);
    await got.waitForText('last', { timeoutMs: noticeMs + 2000 });
    expect(got.texts).toEqual([...Array.from({ length: 10 }, (_, i) => `line ${i}`), 'last']);
  });

  it('D27: 5,000 unrelated files churning in the same folder: the followed lines arrive', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, options);
    for (let i = 0; i < 5000; i++) writeFileSync(join(dir, `other-${i}.log`), 'noise\n');
    appendFileSync(file, 'mine\n');
    for (let i = 0; i < 5000; i++) appendFileSync(join(dir, `other-${i}.log`), 'more noise\n');
    appendFileSync(file, 'mine too\n');
    await got.waitForText('mine too', wait);
    expect(got.texts).toEqual(['mine', 'mine too']);
  });

  it('D28: repeated and spurious events (touch, chmod, hard link, rename onto itself) repeat no line', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, options);
    appendFileSync(file, 'one\ntwo\n');
    await got.waitForText('two', wait);
    for (let i = 0; i < 20; i++) {
      utimesSync(file, new Date(), new Date(Date.now() + i * 1000));
      chmodSync(file, i % 2 ? 0o600 : 0o644);
      linkSync(file, join(dir, 'hard.log'));
      unlinkSync(join(dir, 'hard.log'));
      renameSync(file, file);
    }
    appendFileSync(file, 'three\n');
    await got.waitForText('three', wait);
    expect(got.texts).toEqual(['one', 'two', 'three']);
    expect(got.events.filter((e) => e.type === 'rotated' || e.type === 'replaced' || e.type === 'truncated')).toEqual([]);
  });
});
