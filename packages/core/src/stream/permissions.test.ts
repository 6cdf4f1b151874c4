// RELIABILITY.md F37: a file that cannot be read yet, and a replacement that cannot be read at
// first. Runs the follower as an unprivileged user (root reads everything).
import { chmodSync, renameSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { followInChild, tempDir, WATCH_MODES } from '../test-utils/index.js';

function sharedDir(): string {
  const dir = tempDir();
  chmodSync(dir, 0o777);
  return dir;
}

describe.each(WATCH_MODES)('unreadable files ($name)', ({ options, noticeMs }) => {
  it('F37: unreadable, then made readable: reported once, then delivered', async () => {
    const file = join(sharedDir(), 'app.log');
    writeFileSync(file, 'secret\n', { mode: 0o600 });
    chmodSync(file, 0o000);
    const child = followInChild(file, options);
    await child.waitFor('error', 'ERR_FILE_ACCESS', noticeMs);
    chmodSync(file, 0o644);
    await child.waitFor('line', 'secret', noticeMs);
    appendFileSync(file, 'more\n');
    await child.waitFor('line', 'more', noticeMs);
    expect(child.records.filter((r) => r.error)).toHaveLength(1);
    expect(child.records.filter((r) => r.line).map((r) => r.line)).toEqual(['secret', 'more']);
  });

  it('F37: permission missing on the next file mid-stream: error, then resumes without re-sending', async () => {
    const dir = sharedDir();
    const file = join(dir, 'app.log');
    writeFileSync(file, 'one\ntwo\n', { mode: 0o644 });
    const child = followInChild(file, options);
    await child.waitFor('line', 'two', noticeMs);
    renameSync(file, `${file}.1`);
    writeFileSync(file, 'three\n', { mode: 0o600 });
    chmodSync(file, 0o000);
    await child.waitFor('error', 'ERR_FILE_ACCESS', noticeMs);
    chmodSync(file, 0o644);
    await child.waitFor('line', 'three', noticeMs);
    expect(child.records.filter((r) => r.line).map((r) => r.line)).toEqual(['one', 'two', 'three']);
  });

  it('F37: with follow: false an unreadable file is reported and the stream ends', async () => {
    const file = join(sharedDir(), 'app.log');
    writeFileSync(file, 'secret\n', { mode: 0o000 });
    const child = followInChild(file, { ...options, follow: false });
    await child.waitFor('error', 'ERR_FILE_ACCESS', noticeMs);
    await child.waitFor('event', 'end', noticeMs);
    expect(child.records.filter((r) => r.line)).toEqual([]);
  });
});
