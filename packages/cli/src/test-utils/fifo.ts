// A named pipe for tests of output written to a descriptor: its write end as a descriptor, its
// read end as a socket whose reading the test controls.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { closeSync, constants, openSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { pipeSizeAddonPath } from '../output/pipe-size.js';

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
  const path = pipeSizeAddonPath();
  if (path === undefined) throw new Error('packages/cli/native/build/pipe-size.node is missing: npm run build makes it (it needs cc and Node headers)');
  const size = (createRequire(import.meta.url)(path) as { pipeSize(fd: number, bytes: number): number }).pipeSize(fd, 0);
  if (size < 0) throw new Error(`F_GETPIPE_SZ on fd ${String(fd)} failed: errno ${String(-size)}`);
  return size;
}
