// RELIABILITY.md D26: fs.watch failing with ENOSPC or EMFILE makes that file fall back to polling,
// with a warning, and nothing crashes.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as NodeFs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { follow, tempDir } from '../test-utils/index.js';

const failure = vi.hoisted(() => ({ code: 'ENOSPC' }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof NodeFs>();
  const watch = () => {
    throw Object.assign(new Error(`${failure.code}: simulated watch failure`), { code: failure.code });
  };
  return { ...fs, default: { ...fs, watch }, watch };
});

describe.each(['ENOSPC', 'EMFILE', 'EPERM'])('fs.watch throwing %s', (code) => {
  it('auto: falls back to polling, reports it, and keeps delivering', async () => {
    failure.code = code;
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, { watcher: 'auto', pollIntervalMs: 20 });
    appendFileSync(file, 'still here\n');
    await got.waitForText('still here');
    const fallback = got.events.find((e) => e.type === 'fallback-to-poll');
    expect(fallback).toBeDefined();
    expect(fallback && 'reason' in fallback ? fallback.reason : '').toContain(code);
  });

  it('native: reports a watch error, and the reconcile stat keeps delivering', async () => {
    failure.code = code;
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const { got } = await follow(file, { watcher: 'native', reconcileIntervalMs: 50 });
    appendFileSync(file, 'still here\n');
    await got.waitForText('still here');
    await got.waitForError('ERR_WATCH');
    expect(got.errors[0]?.message).toContain(code);
  });
});
