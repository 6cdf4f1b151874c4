// A named pipe for tests of output written to a descriptor: its write end as a descriptor, its
// read end as a socket whose reading the test controls.
import { spawnSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { pipeSizeOf as pipeSize } from '../output/pipe-size.js';

const opened: { socket: Socket; fd: number }[] = [];

afterEach(() => {
  for (const { socket, fd } of opened.splice(0)) {
    socket.destroy();
    try {
      closeSync(fd);
    } catch {
      // closed by the test
    }
  }
});

/**
 * A pipe made in `dir`: `writeFd` (blocking unless `nonBlocking`) and `reader`, paused until read
 * from; `readFd` is the reader's descriptor, to inspect (the reader closes it).
 */
export function namedPipe(dir: string, { nonBlocking = false } = {}): { writeFd: number; readFd: number; reader: Socket; received: () => Buffer } {
  const path = join(dir, 'pipe');
  const made = spawnSync('mkfifo', [path], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
  const readFd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const writeFd = openSync(path, constants.O_WRONLY | (nonBlocking ? constants.O_NONBLOCK : 0));
  const reader = new Socket({ fd: readFd, readable: true, writable: false });
  reader.pause();
  const chunks: Buffer[] = [];
  reader.on('data', (chunk: Buffer) => chunks.push(chunk));
  reader.on('error', () => undefined);
  opened.push({ socket: reader, fd: writeFd });
  return { writeFd, readFd, reader, received: () => Buffer.concat(chunks) };
}

/** The size of the pipe on `fd`, read with the built pipe-size addon (the test command builds it). */
export function pipeSizeOf(fd: number): number {
  const size = pipeSize(fd);
  if (typeof size === 'string') throw new Error(`the size of the pipe on fd ${String(fd)} is unknown: ${size}`);
  return size;
}
