// Enlarges the output pipe, when the output is one: a 1 MiB pipe instead of Linux's 64 KiB default
// lets the writer and its reader trade turns 16 times less often in a burst. Needs the optional
// native addon (native/pipe-size.c); without it, or on another system, the pipe stays as it is.
import { existsSync, fstatSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

/** The size `follow` asks for: its biggest write is 256 KiB and a stream's biggest read 1 MiB. */
export const OUTPUT_PIPE_BYTES = 1 << 20;

interface PipeSizeAddon {
  /** The pipe's size after asking for `bytes` (0: only ask), or -errno. */
  pipeSize(fd: number, bytes: number): number;
}

/** What {@link enlargePipe} did. */
export type PipeSizing =
  | { readonly outcome: 'enlarged'; readonly from: number; readonly to: number }
  | { readonly outcome: 'already'; readonly size: number }
  | { readonly outcome: 'unchanged'; readonly reason: string };

/**
 * Where the built addon is: the package's native/build, one folder up from the CLI bundle, or
 * two from dist/output and src/output. Undefined when it was not built.
 */
export function pipeSizeAddonPath(moduleUrl: string = import.meta.url): string | undefined {
  for (const relative of ['../native/build/pipe-size.node', '../../native/build/pipe-size.node']) {
    const path = fileURLToPath(new URL(relative, moduleUrl));
    if (existsSync(path)) return path;
  }
  return undefined;
}

let loaded: PipeSizeAddon | string | undefined;

/** The addon, or why it is not there (loaded once). */
function addon(): PipeSizeAddon | string {
  if (loaded !== undefined) return loaded;
  const path = pipeSizeAddonPath();
  if (path === undefined) return (loaded = 'the pipe-size addon was not built (npm run build needs a C compiler)');
  try {
    return (loaded = createRequire(import.meta.url)(path) as PipeSizeAddon);
  } catch (error) {
    return (loaded = `the pipe-size addon ${path} did not load: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The size of the pipe on `fd`, or why it cannot be had (the addon is missing; F_GETPIPE_SZ failed, e.g. not a pipe). */
export function pipeSizeOf(fd: number): number | string {
  const sizing = addon();
  if (typeof sizing === 'string') return sizing;
  const size = sizing.pipeSize(fd, 0);
  return size < 0 ? `F_GETPIPE_SZ failed: ${errnoName(size)}` : size;
}

function errnoName(negative: number): string {
  return Object.entries(constants.errno).find(([, code]) => code === -negative)?.[0] ?? `errno ${String(-negative)}`;
}

/**
 * Makes the pipe on `fd` at least `bytes` big; never shrinks it. Anything else (a terminal, a
 * file, a socket) is left alone, as is a pipe the kernel will not enlarge (EPERM: the user's pipe
 * buffers are over /proc/sys/fs/pipe-user-pages-soft). The size is the pipe's, so its reader sees it too.
 */
export function enlargePipe(fd: number, bytes: number = OUTPUT_PIPE_BYTES): PipeSizing {
  let isPipe: boolean;
  try {
    isPipe = fstatSync(fd).isFIFO();
  } catch (error) {
    return { outcome: 'unchanged', reason: `fstat failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isPipe) return { outcome: 'unchanged', reason: 'not a pipe' };
  const from = pipeSizeOf(fd);
  if (typeof from === 'string') return { outcome: 'unchanged', reason: from };
  if (from >= bytes) return { outcome: 'already', size: from };
  const sizing = addon() as PipeSizeAddon; // pipeSizeOf had it
  const to = sizing.pipeSize(fd, bytes);
  if (to < 0) return { outcome: 'unchanged', reason: `F_SETPIPE_SZ failed: ${errnoName(to)}` };
  return { outcome: 'enlarged', from, to };
}
