// searchFile's worker ends by returning, never by terminate(): Node 20 aborts the whole process
// when it tears down a terminated worker while V8 still optimizes code for that worker on a
// background thread. V8's --concurrent-recompilation-delay keeps every optimization in flight
// long enough that terminating a busy search worker hits that window each time.
import { spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-utils/temp-dir.js';

const CORE = pathToFileURL(fileURLToPath(new URL('../../dist/index.js', import.meta.url))).href;

describe('searchFile and Node 20 worker teardown', () => {
  it('survives searches aborted mid-way and searches run to their end, while V8 optimizes in the background', () => {
    const dir = tempDir();
    const path = join(dir, 'big.log');
    const block = Array.from({ length: 10_000 }, (_, i) => `2026-11-27T08:00:00Z INFO GET /api/v1/orders/${String(i)} ${i % 5 === 0 ? '503' : '200'} ${String(i % 997)}ms\n`).join('');
    // ~190 MB: the search is still scanning when each abort comes, 150–330 ms in.
    const chunk = block.repeat(8);
    writeFileSync(path, '');
    for (let i = 0; i < 32; i++) appendFileSync(path, chunk);
    const script = `
      const { searchFile } = await import(${JSON.stringify(CORE)});
      for (let i = 0; i < 4; i++) {
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 150 + i * 60);
        const result = await searchFile(${JSON.stringify(path)}, / 50\\d \\d+ms/, { signal: controller.signal, onMatches: () => undefined });
        console.log(result.stopped ?? 'complete');
      }
      console.log((await searchFile(${JSON.stringify(path)}, 'orders/9999 ')).matches);
    `;
    writeFileSync(join(dir, 'searches.mjs'), script);
    const run = spawnSync(process.execPath, ['--concurrent-recompilation-delay=300', join(dir, 'searches.mjs')], { encoding: 'utf8', timeout: 25_000 });
    const crash = run.stderr.split('\n').find((line) => /Assertion failed|Check failed|FATAL ERROR|Native stack trace/.test(line));
    expect({ status: run.status, signal: run.signal, crash }).toEqual({ status: 0, signal: null, crash: undefined });
    expect(run.stdout.trim().split('\n').at(-1)).toBe('256');
  });
});
