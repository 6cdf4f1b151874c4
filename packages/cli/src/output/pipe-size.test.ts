// enlargePipe: a pipe grows to what follow asks for, never shrinks, and anything else is left alone.
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namedPipe, pipeSizeOf, tempDir } from '../test-utils/index.js';
import { enlargePipe, OUTPUT_PIPE_BYTES } from './pipe-size.js';

describe('enlargePipe', () => {
  it('makes a default-sized pipe 1 MiB, which its reader sees too', (ctx) => {
    const { writeFd, readFd } = namedPipe(tempDir());
    const before = pipeSizeOf(writeFd);
    // Linux makes 64 KiB pipes with 4 KiB pages; with 64 KiB pages they are already 1 MiB.
    if (before >= OUTPUT_PIPE_BYTES) ctx.skip();
    expect(enlargePipe(writeFd)).toEqual({ outcome: 'enlarged', from: before, to: OUTPUT_PIPE_BYTES });
    expect(pipeSizeOf(readFd)).toBe(OUTPUT_PIPE_BYTES);
  });

  it('rounds a size up to whole pages as the kernel does, and never shrinks a pipe', (ctx) => {
    const { writeFd } = namedPipe(tempDir());
    if (pipeSizeOf(writeFd) > 128 * 1024) ctx.skip(); // big pages: nothing to round here
    expect(enlargePipe(writeFd, 200_000)).toMatchObject({ outcome: 'enlarged', to: 256 * 1024 });
    expect(enlargePipe(writeFd, 128 * 1024)).toEqual({ outcome: 'already', size: 256 * 1024 });
    expect(pipeSizeOf(writeFd)).toBe(256 * 1024);
  });

  it('leaves a regular file alone and says why', () => {
    const file = join(tempDir(), 'out.txt');
    writeFileSync(file, '');
    const fd = openSync(file, 'w');
    try {
      expect(enlargePipe(fd)).toEqual({ outcome: 'unchanged', reason: 'not a pipe' });
    } finally {
      closeSync(fd);
    }
  });

  it('reports a descriptor that is not open instead of throwing', () => {
    expect(enlargePipe(2 ** 30)).toMatchObject({ outcome: 'unchanged', reason: expect.stringContaining('fstat failed') as unknown });
  });
});
