// enlargePipe: a pipe grows to what follow asks for, never shrinks, and anything else is left alone.
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namedPipe, pipeSizeOf, tempDir } from '../test-utils/index.js';
import { enlargePipe, OUTPUT_PIPE_BYTES } from './pipe-size.js';

describe('enlargePipe', () => {
  it('makes a default-sized pipe 1 MiB, which its reader sees too', () => {
    const { writeFd, readFd } = namedPipe(tempDir());
    const before = pipeSizeOf(writeFd);
    expect(before).toBeLessThan(OUTPUT_PIPE_BYTES);
    expect(enlargePipe(writeFd)).toEqual({ outcome: 'enlarged', from: before, to: OUTPUT_PIPE_BYTES });
    expect(pipeSizeOf(readFd)).toBe(OUTPUT_PIPE_BYTES);
  });

  it('rounds a size up to whole pages as the kernel does, and never shrinks a pipe', () => {
    const { writeFd } = namedPipe(tempDir());
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

  it('reports a closed descriptor instead of throwing', () => {
    const fd = openSync(join(tempDir(), 'gone.txt'), 'w');
    closeSync(fd);
    expect(enlargePipe(fd)).toMatchObject({ outcome: 'unchanged', reason: expect.stringContaining('fstat failed') as unknown });
  });
});
