// RELIABILITY.md C12 and C13: rename rotation with late writes to the old file, and a rename with
// no new file for seconds. Their own file, so their deliberate waits run beside the other tests.
import { closeSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { follow, tempDir, WATCH_MODES } from '../test-utils/index.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(WATCH_MODES)('rename rotation with late writes ($name)', ({ options, noticeMs }) => {
  const wait = { timeoutMs: noticeMs };

  it('C12: writes to the renamed file 10 ms and 3 s after the rename arrive, then the new file', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, options);
    const writer = openSync(file, 'a');
    writeSync(writer, 'old-1\n');
    renameSync(file, `${file}.1`);
    await sleep(10); // the scenario: the writer still writes to its old descriptor
    writeSync(writer, 'old-late-10ms\n');
    await sleep(3000);
    writeSync(writer, 'old-late-3s\n');
    closeSync(writer);
    await got.waitForText('old-late-3s', wait);
    writeFileSync(file, 'new-1\n');
    await got.waitForText('new-1', wait);
    expect(got.texts).toEqual(['old-1', 'old-late-10ms', 'old-late-3s', 'new-1']);
    expect(got.events.some((e) => e.type === 'waiting')).toBe(true);
  });

  it('C13: renamed away with no new file for 5 s: all old data, then following resumes', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { stream, got } = await follow(file, options);
    writeFileSync(file, 'old-a\nold-b\n', { flag: 'a' });
    renameSync(file, `${file}.1`);
    await got.waitForText('old-b', wait);
    await sleep(5000); // the scenario: no file at the path for 5 s
    expect(stream.status).toBe('waiting');
    writeFileSync(file, 'new-a\n');
    await got.waitForText('new-a', wait);
    expect(got.texts).toEqual(['old-a', 'old-b', 'new-a']);
  });
});
