// searchFile: a whole-file search on a worker thread, off the main thread, with matches and
// progress reported as they come and cancellation by AbortSignal.
import { Worker } from 'node:worker_threads';
import { FileAccessError, InvalidOptionError, NotAFileError, ReadError, type LogStreamError } from '../errors/log-stream-error.js';
import { lineMatcher, patternSpec } from './line-matcher.js';
import { wholeOption } from './open-indexed-file.js';
import { DEFAULT_INDEX_MAX_LINE_BYTES } from './index-types.js';
import {
  CONTROL_ACKED,
  CONTROL_STOP,
  DEFAULT_SEARCH_BATCH_SIZE,
  DEFAULT_SEARCH_CHUNK_BYTES,
  type SearchFileOptions,
  type SearchJob,
  type SearchResult,
  type WorkerMessage,
} from './search-types.js';
import { searchWorkerUrl } from './worker-url.js';

/**
 * How long a worker asked to stop may take to return before it is terminated. It checks between
 * chunks, so only a read hanging on a dead network mount, or a RegExp backtracking for seconds on
 * one line, takes this long.
 */
const STOP_GRACE_MS = 2000;

/**
 * Searches every line of `path` for `pattern` (a RegExp, or a string taken literally) on a worker
 * thread. Lines are numbered as a LineIndex numbers them; the unfinished last line is searched too
 * (flagged `partial`). An abort stops the worker and resolves with `complete: false`.
 *
 * The promise settles once the worker has ended. The worker is asked to stop and returns, rather
 * than being terminated: Node 20 can abort the whole process when it tears down a terminated
 * worker while V8 still optimizes code for it on a background thread (docs/line-index.md).
 *
 * @example
 * const result = await searchFile('/var/log/app.log', /timeout after \d+ ms/, {
 *   onMatches: (matches) => list.push(...matches),
 *   onProgress: ({ bytes, total }) => bar(bytes / total),
 *   signal,
 * });
 */
export function searchFile(path: string, pattern: RegExp | string, options: SearchFileOptions = {}): Promise<SearchResult> {
  const job = searchJob(path, pattern, options);
  if (options.signal?.aborted) return Promise.resolve({ bytes: 0, total: 0, lines: 0, matches: 0, complete: false, stopped: 'aborted' });
  const worker = startWorker(options.workerUrl ?? searchWorkerUrl(), job);
  const control = new Int32Array(job.control);
  return new Promise<SearchResult>((resolve, reject) => {
    let outcome: { result: SearchResult } | { error: Error } | undefined;
    let exited: number | undefined;
    let settled = false;
    let last = { bytes: 0, total: 0, lines: 0, matches: 0 };
    // Messages are handled one after another, so an async onMatches keeps them in order.
    let queue = Promise.resolve();
    let terminateTimer: NodeJS.Timeout | undefined;
    const settle = () => {
      if (settled) return;
      settled = true;
      const end = outcome ?? { error: new ReadError(path, new Error(`the search worker exited (${String(exited)}) before it finished`), { retrying: false }) };
      if ('result' in end) resolve(end.result);
      else reject(end.error);
    };
    const finish = (end: { result: SearchResult } | { error: Error }) => {
      if (outcome) return;
      outcome = end;
      options.signal?.removeEventListener('abort', abort);
      if (exited !== undefined) return settle();
      Atomics.store(control, CONTROL_STOP, 1);
      // Changed as well as notified: a worker about to wait for acks would otherwise sleep its full timeout.
      Atomics.add(control, CONTROL_ACKED, 1);
      Atomics.notify(control, CONTROL_ACKED);
      terminateTimer = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
      terminateTimer.unref();
    };
    const abort = () => finish({ result: { ...last, complete: false, stopped: 'aborted' } });
    const handle = async (message: WorkerMessage) => {
      if (outcome) return;
      if (message.type === 'matches') {
        await options.onMatches?.(message.matches);
        Atomics.add(control, CONTROL_ACKED, 1);
        Atomics.notify(control, CONTROL_ACKED);
      } else if (message.type === 'progress') {
        last = { bytes: message.bytes, total: message.total, lines: message.lines, matches: message.matches };
        options.onProgress?.(last);
      } else if (message.type === 'done') {
        const { bytes, total, lines, matches } = message;
        finish({ result: message.limited ? { bytes, total, lines, matches, complete: false, stopped: 'limit' } : { bytes, total, lines, matches, complete: true } });
      } else {
        finish({ error: workerError(path, message) });
      }
    };
    options.signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (message: WorkerMessage) => {
      // An onMatches or onProgress that throws ends the search with its own error.
      queue = queue.then(() => handle(message)).catch((error: unknown) => finish({ error: error instanceof Error ? error : new Error(String(error)) }));
    });
    worker.on('error', (error) => finish({ error: new ReadError(path, error, { retrying: false }) }));
    worker.on('exit', (code) => {
      exited = code;
      clearTimeout(terminateTimer);
      // Messages still queued may hold the end ('done' behind a slow onMatches): settled once they
      // are handled, or at once when the outcome is known or becomes known first (an abort).
      if (outcome) settle();
      else void queue.then(settle);
    });
  });
}

/**
 * The worker, started from a line of code that imports its module rather than from the file: a
 * worker takes the process's Node options, and a program run as `node --input-type=module -e …`
 * passes on `--input-type`, which a worker started from a file refuses
 * (ERR_INPUT_TYPE_NOT_ALLOWED). Naming the options instead would drop V8's, which Node refuses
 * there (ERR_WORKER_INVALID_EXEC_ARGV).
 */
function startWorker(url: URL, job: SearchJob): Worker {
  return new Worker(`import(${JSON.stringify(url.href)});`, { eval: true, workerData: job });
}

/** Checks the arguments (throwing InvalidOptionError at once) and builds the worker's job. */
function searchJob(path: string, pattern: RegExp | string, options: SearchFileOptions): SearchJob {
  if (typeof path !== 'string' || path === '') throw new InvalidOptionError('path must be a non-empty string: the file to search');
  const spec = patternSpec(pattern, options.ignoreCase === true);
  // Compiled here too, so that a pattern the worker could not compile throws now, not later.
  lineMatcher(spec);
  const fromLine = options.fromLine ?? 0;
  if (!Number.isSafeInteger(fromLine) || fromLine < 0) throw new InvalidOptionError(`fromLine must be a whole number ≥ 0, not ${String(fromLine)}`);
  const fromOffset = options.fromOffset;
  if (fromOffset !== undefined && (!Number.isSafeInteger(fromOffset) || fromOffset < 0)) throw new InvalidOptionError(`fromOffset must be a whole number ≥ 0, not ${String(fromOffset)}`);
  const maxMatches = options.maxMatches ?? Infinity;
  if (maxMatches !== Infinity) wholeOption(maxMatches, 1, 'maxMatches');
  return {
    path,
    pattern: spec,
    fromLine,
    fromOffset,
    maxMatches,
    maxLineBytes: wholeOption(options.maxLineBytes, DEFAULT_INDEX_MAX_LINE_BYTES, 'maxLineBytes'),
    chunkBytes: wholeOption(options.chunkBytes, DEFAULT_SEARCH_CHUNK_BYTES, 'chunkBytes'),
    batchSize: DEFAULT_SEARCH_BATCH_SIZE,
    control: new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT),
  };
}

function workerError(path: string, message: Extract<WorkerMessage, { type: 'error' }>): LogStreamError {
  const cause = Object.assign(new Error(message.message), { code: message.errno });
  if (message.code === 'ERR_FILE_ACCESS') return new FileAccessError(path, cause);
  if (message.code === 'ERR_NOT_A_FILE') return new NotAFileError(path, message.message);
  return new ReadError(path, cause, { retrying: false });
}
