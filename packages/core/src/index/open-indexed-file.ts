// Opening a file for indexing: options checked at once, the descriptor opened, the path checked
// to be a regular file, each failure as the core's typed error.
import { FileAccessError, InvalidOptionError, NotAFileError, ReadError } from '../errors/log-stream-error.js';
import { positiveOption } from '../errors/option-checks.js';
import { closeDescriptor, openForReading, statDescriptor } from '../stream/fs-ops.js';
import {
  DEFAULT_INDEX_BLOCK_BYTES,
  DEFAULT_INDEX_CHUNK_BYTES,
  DEFAULT_INDEX_EVERY,
  DEFAULT_INDEX_MAX_LINE_BYTES,
  DEFAULT_INDEX_STRIDE_BYTES,
  type IndexTruncation,
  type LineIndexOptions,
} from './index-types.js';

/** Options with every default filled in. */
export interface IndexSettings {
  readonly every: number;
  readonly strideBytes: number;
  readonly maxLineBytes: number;
  readonly chunkBytes: number;
  readonly blockBytes: number;
  readonly onTruncated: ((event: IndexTruncation) => void) | undefined;
}

/** Checks `options` and fills in the defaults; throws InvalidOptionError on a bad value. */
export function indexSettings(options: LineIndexOptions): IndexSettings {
  if (options.onTruncated !== undefined && typeof options.onTruncated !== 'function') throw new InvalidOptionError('onTruncated must be a function');
  return {
    every: wholeOption(options.every, DEFAULT_INDEX_EVERY, 'every'),
    strideBytes: wholeOption(options.strideBytes, DEFAULT_INDEX_STRIDE_BYTES, 'strideBytes'),
    maxLineBytes: wholeOption(options.maxLineBytes, DEFAULT_INDEX_MAX_LINE_BYTES, 'maxLineBytes'),
    chunkBytes: wholeOption(options.chunkBytes, DEFAULT_INDEX_CHUNK_BYTES, 'chunkBytes'),
    blockBytes: wholeOption(options.blockBytes, DEFAULT_INDEX_BLOCK_BYTES, 'blockBytes'),
    onTruncated: options.onTruncated,
  };
}

/** A positive integer option (sizes and counts). */
export function wholeOption(value: number | undefined, fallback: number, name: string): number {
  const checked = positiveOption(value, fallback, name);
  if (!Number.isSafeInteger(checked)) throw new InvalidOptionError(`${name} must be a whole number, not ${checked}`);
  return checked;
}

/** Opens `path` for positional reads; resolves its descriptor and size. */
export async function openIndexedFile(path: string, signal: AbortSignal | undefined): Promise<{ fd: number; size: number }> {
  if (typeof path !== 'string' || path === '') throw new InvalidOptionError('path must be a non-empty string: the log file to index');
  signal?.throwIfAborted();
  let fd: number;
  try {
    fd = await openForReading(path);
  } catch (error) {
    throw new FileAccessError(path, error);
  }
  try {
    const stats = await statDescriptor(fd).catch((error: unknown) => {
      throw new ReadError(path, error, { retrying: false });
    });
    if (!stats.isFile()) throw new NotAFileError(path, stats.isDirectory() ? 'directory' : 'special file');
    signal?.throwIfAborted();
    return { fd, size: stats.size };
  } catch (error) {
    await closeDescriptor(fd);
    throw error;
  }
}
