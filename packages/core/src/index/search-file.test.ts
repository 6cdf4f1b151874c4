// searchFile on its worker thread: matches agree with the LineIndex and with a naive per-line
// search, arrive in batches with progress, can be cancelled, and failures are typed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { tempDir } from '../test-utils/temp-dir.js';
import { waitFor } from '../test-utils/wait-for.js';
import { LineIndex } from './line-index.js';
import type { FileMatch } from './match-scanner.js';
import { runSearch } from './run-search.js';
import { patternSpec } from './line-matcher.js';
import { searchFile } from './search-file.js';
import { CONTROL_ACKED, CONTROL_STOP, type SearchProgress, type WorkerMessage } from './search-types.js';
import { searchWorkerUrl } from './worker-url.js';

function logLines(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += `${i % 7 === 0 ? 'ERROR' : 'INFO '} request ${i} took ${(i * 37) % 1000} ms\n`;
  return out;
}

/** The whole search, in this thread: what the worker would post, collected. */
function searchHere(path: string, pattern: RegExp | string, options: { chunkBytes: number; maxLineBytes: number; fromLine?: number }): FileMatch[] {
  const matches: FileMatch[] = [];
  const control = new SharedArrayBuffer(8);
  const job = { path, pattern: patternSpec(pattern), fromLine: options.fromLine ?? 0, fromOffset: undefined, maxMatches: Infinity, batchSize: 3, control, ...options };
  runSearch(job, (message: WorkerMessage) => {
    if (message.type === 'matches') {
      matches.push(...message.matches);
      Atomics.add(new Int32Array(control), CONTROL_ACKED, 1);
    }
    if (message.type === 'error') throw new Error(message.message);
  });
  return matches;
}

describe('searchFile', () => {
  it('finds every matching line on a worker, numbered as the index numbers them, with progress', async () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, logLines(30_000));
    const batches: (readonly FileMatch[])[] = [];
    const progress: SearchProgress[] = [];
    const result = await searchFile(path, /took (9\d\d) ms/, { chunkBytes: 64 * 1024, onMatches: (m) => void batches.push(m), onProgress: (p) => progress.push(p) });
    const matches = batches.flat();
    expect(result).toMatchObject({ complete: true, lines: 30_000, matches: matches.length });
    expect(matches.length).toBe(3000);
    expect(batches.length).toBeGreaterThan(1);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.at(-1)).toEqual({ bytes: result.total, total: result.total, lines: 30_000, matches: 3000 });
    const index = await LineIndex.open(path);
    await index.build();
    for (const match of [matches[0], matches[1234], matches.at(-1)]) {
      const [line] = await index.lines(match?.number ?? -1, 1);
      expect(match).toEqual({ ...line, ranges: [[line?.text.indexOf('took') ?? -1, (line?.text.indexOf(' ms') ?? 0) + 3]] });
    }
    const viaIndex = await index.search('ERROR', { fromLine: 29_000 });
    expect(viaIndex).toMatchObject({ complete: true, lines: 1000, matches: 143 });
    await index.close();
  });

  it('stops on abort: the worker returns by itself (it is not terminated) and the result says incomplete', async () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, logLines(100_000));
    const controller = new AbortController();
    let batches = 0;
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    onTestFinished(() => terminate.mockRestore());
    const result = await searchFile(path, 'INFO', {
      signal: controller.signal,
      chunkBytes: 16 * 1024,
      onMatches: () => {
        if (++batches === 2) controller.abort();
      },
    });
    expect(result).toMatchObject({ complete: false, stopped: 'aborted' });
    expect(result.bytes).toBeLessThan(result.total);
    expect(batches).toBe(2);
    expect(await searchFile(path, 'ERROR')).toMatchObject({ complete: true });
    // Node 20 can abort the process when it tears down a terminated worker (docs/line-index.md).
    expect(terminate).not.toHaveBeenCalled();
    expect(await searchFile(path, 'INFO', { signal: AbortSignal.abort() })).toMatchObject({ complete: false, stopped: 'aborted' });
  });

  it('settles an abort at once even while an onMatches never returns', async () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, logLines(100_000));
    const controller = new AbortController();
    const result = await searchFile(path, 'INFO', {
      signal: controller.signal,
      chunkBytes: 16 * 1024,
      onMatches: () => {
        controller.abort();
        return new Promise<void>(() => undefined);
      },
    });
    expect(result).toMatchObject({ complete: false, stopped: 'aborted', matches: 0 });
  });

  it('settles an abort that comes after the worker has ended while its last matches still wait for onMatches', async () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, logLines(1000)); // one batch of matches, then done
    const emit = vi.spyOn(Worker.prototype, 'emit');
    onTestFinished(() => emit.mockRestore());
    const controller = new AbortController();
    const search = searchFile(path, 'ERROR', { signal: controller.signal, onMatches: () => new Promise<void>(() => undefined) });
    await waitFor(() => emit.mock.calls.some(([event]) => event === 'exit'), () => 'the worker never ended');
    controller.abort();
    expect(await search).toMatchObject({ complete: false, stopped: 'aborted' });
  });

  it('in the worker, stops between chunks once asked, without posting done', () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, logLines(100_000));
    const control = new SharedArrayBuffer(8);
    const job = { path, pattern: patternSpec('INFO'), fromLine: 0, fromOffset: undefined, maxMatches: Infinity, maxLineBytes: 4096, chunkBytes: 16 * 1024, batchSize: 256, control };
    const posted: string[] = [];
    let matches = 0;
    runSearch(job, (message: WorkerMessage) => {
      posted.push(message.type);
      if (message.type !== 'matches') return;
      matches += message.matches.length;
      Atomics.add(new Int32Array(control), CONTROL_ACKED, 1);
      Atomics.store(new Int32Array(control), CONTROL_STOP, 1);
    });
    expect(posted).not.toContain('done');
    expect(posted.filter((type) => type === 'matches')).toHaveLength(1);
    expect(matches).toBeLessThan(100_000 * (6 / 7));
  });

  it('waits for a slow onMatches, stops at maxMatches, and starts at a given line', async () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, logLines(20_000));
    const seen: number[] = [];
    const limited = await searchFile(path, 'ERROR', {
      maxMatches: 1000,
      onMatches: async (matches) => {
        await new Promise((resolve) => setImmediate(resolve));
        seen.push(...matches.map((m) => m.number));
      },
    });
    expect(limited).toMatchObject({ complete: false, stopped: 'limit', matches: 1000 });
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => i * 7));
    const found: FileMatch[] = [];
    const from = await searchFile(path, 'ERROR', { fromLine: 19_990, onMatches: (m) => void found.push(...m) });
    expect(from).toMatchObject({ complete: true, lines: 10 });
    expect(found.map((m) => m.number)).toEqual([19_992, 19_999]);
  });

  it('searches the unfinished last line too, flagged partial, and matches without case when asked', async () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, 'Alpha\r\nbeta\nALPHA tail');
    const found: FileMatch[] = [];
    await searchFile(path, 'alpha', { ignoreCase: true, onMatches: (m) => void found.push(...m) });
    expect(found).toEqual([
      { number: 0, offset: 0, end: 7, text: 'Alpha', ranges: [[0, 5]] },
      { number: 2, offset: 12, end: 22, text: 'ALPHA tail', ranges: [[0, 5]], partial: true },
    ]);
  });

  it('ends with the error an onMatches threw', async () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, logLines(1000));
    const oops = new Error('list full');
    await expect(
      searchFile(path, 'ERROR', {
        onMatches: () => {
          throw oops;
        },
      }),
    ).rejects.toBe(oops);
  });

  it('starts its worker in a program run as node --input-type=module -e, and in one given V8 options', () => {
    const path = join(tempDir(), 'app.log');
    writeFileSync(path, logLines(1000));
    const core = pathToFileURL(fileURLToPath(new URL('../../dist/index.js', import.meta.url))).href;
    const script = `const { searchFile } = await import(${JSON.stringify(core)}); console.log((await searchFile(${JSON.stringify(path)}, 'ERROR')).matches);`;
    for (const options of [['--input-type=module'], ['--input-type', 'module', '--max-old-space-size=300', '--no-opt']]) {
      const run = spawnSync(process.execPath, [...options, '-e', script], { encoding: 'utf8', timeout: 20_000 });
      expect({ options, stdout: run.stdout.trim(), stderr: run.stderr.trim() }).toEqual({ options, stdout: '143', stderr: '' });
    }
  });

  it('rejects bad arguments at once and reports missing files with typed errors', async () => {
    expect(() => searchFile('', 'x')).toThrow(/path must be/);
    expect(() => searchFile('/x', { toString: () => 'x' } as unknown as string)).toThrow(/pattern must be/);
    expect(() => searchFile('/x', 'x', { fromLine: -1 })).toThrow(/fromLine/);
    const dir = tempDir();
    await expect(searchFile(join(dir, 'absent.log'), 'x')).rejects.toMatchObject({ name: 'FileAccessError', path: join(dir, 'absent.log') });
    await expect(searchFile(dir, 'x')).rejects.toMatchObject({ name: 'NotAFileError' });
  });
});

/** The index's cut: back to a character start, at most 3 bytes, else at the cap itself. */
function boundary(body: Buffer, cap: number): number {
  for (let at = cap; at > 0 && at > cap - 4; at--) if (((body[at] ?? 0) & 0xc0) !== 0x80) return at;
  return cap;
}

describe('searchWorkerUrl', () => {
  it('takes the compiled worker beside the module, else (from .ts source) from dist, else says to build', () => {
    const root = tempDir();
    mkdirSync(join(root, 'src/index'), { recursive: true });
    mkdirSync(join(root, 'dist/index'), { recursive: true });
    const source = pathToFileURL(join(root, 'src/index/search-file.ts')).href;
    expect(() => searchWorkerUrl(source)).toThrow(/search worker .*dist\/index\/search-worker\.js is missing: build @logstream\/core/);
    writeFileSync(join(root, 'dist/index/search-worker.js'), '');
    expect(fileURLToPath(searchWorkerUrl(source))).toBe(join(root, 'dist/index/search-worker.js'));
    const built = pathToFileURL(join(root, 'dist/index/search-file.js')).href;
    expect(fileURLToPath(searchWorkerUrl(built))).toBe(join(root, 'dist/index/search-worker.js'));
    expect(searchWorkerUrl('https://example.com/app/search-file.js').href).toBe('https://example.com/app/search-worker.js');
  });
});

describe('the search loop against a naive per-line search', () => {
  it('agrees across 64 KiB decode segments, with ASCII and multibyte segments mixed', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => (i % 997 === 0 ? `zoé ${i} ${'é'.repeat(i % 5)}` : `line ${i} ${'x'.repeat(i % 50)}`));
    const path = join(tempDir(), 'mixed.log');
    writeFileSync(path, lines.join('\n') + '\n');
    const pattern = /é\s\d+|line \d*77 /u;
    const expected = lines.flatMap((text, number) => (pattern.test(text) ? [{ number, text }] : []));
    const found = searchHere(path, pattern, { chunkBytes: 300_000, maxLineBytes: 1000 });
    expect(found.map(({ number, text }) => ({ number, text }))).toEqual(expected);
    expect(found.at(-1)?.offset).toBe(Buffer.byteLength(lines.slice(0, found.at(-1)?.number).join('\n') + '\n'));
  });

  const piece = fc.constantFrom('a', 'ab', 'b', 'é', '😀', ' ', '\r\n', '\n', '\n', 'abab'.repeat(4));
  const pattern = fc.constantFrom<RegExp | string>('ab', 'é', 'a', '', /b+/, /^a/, /a$/, /^$/, /é|😀/u, /(?<=a)b/);

  it('finds the same lines, numbers, texts and ranges for any chunk size and cap', () => {
    const dir = tempDir();
    let run = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), pattern, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 }), (parts, what, chunkBytes, maxLineBytes) => {
        const content = parts.join('');
        const path = join(dir, `f${run++}.log`);
        writeFileSync(path, content);
        const expected: Partial<FileMatch>[] = [];
        const bytes = Buffer.from(content);
        let start = 0;
        for (let number = 0; start < bytes.length; number++) {
          const newline = bytes.indexOf(10, start);
          const end = newline === -1 ? bytes.length : newline;
          let body = bytes.subarray(start, end);
          if (body.at(-1) === 0x0d) body = body.subarray(0, -1);
          let text = body.toString('utf8');
          const cut = body.length > maxLineBytes;
          if (cut) text = body.subarray(0, boundary(body, maxLineBytes)).toString('utf8');
          const re = typeof what === 'string' ? new RegExp(what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : new RegExp(what.source, `${what.flags}g`);
          if (re.test(text)) expected.push({ number, offset: start, text, ...(cut && { cut: true }), ...(newline === -1 && { partial: true }) });
          start = newline === -1 ? bytes.length : newline + 1;
        }
        const found = searchHere(path, what, { chunkBytes, maxLineBytes });
        expect(found.map(({ number, offset, text, cut, partial }) => ({ number, offset, text, ...(cut && { cut }), ...(partial && { partial }) }))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
