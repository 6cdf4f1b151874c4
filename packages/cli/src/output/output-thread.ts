// The CLI's output thread: does the write jobs the main thread queues, in order, with blocking
// write(2) calls to one descriptor, as `tail` does. A blocking write wakes the moment the reader
// takes data, where the main thread's non-blocking pipe writes wait on the event loop; and the
// main thread reads the next chunk of the log meanwhile.
import { writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import {
  CLOSING,
  COPIED_DONE,
  COPY_RING,
  JOB_HEAD,
  JOB_SLOTS,
  JOB_TAIL,
  JOB_WORDS,
  IDLE,
  NAP,
  PHASE,
  PHASE_IDLE,
  PHASE_WRITING,
  STOP,
  WAKE,
  type OutputThreadData,
} from './output-shared.js';

/** What the output thread tells the main thread when writing failed; it then ends. */
export interface OutputThreadFailure {
  readonly code: string | undefined;
  readonly message: string;
}

/**
 * Bytes per write(2) at most. A blocking write returns once the reader has taken all of it, and
 * exiting waits for the write in progress (up to 0.2 s): a slow reader must not hold the exit for
 * long. 64 KiB (a pipe's usual capacity) made bursts about 10 % slower; 256 KiB and 1 MiB measured
 * alike.
 */
const WRITE_PIECE_BYTES = 256 * 1024;
/** How long to sleep when the descriptor is non-blocking and full (EAGAIN): from 1 ms, doubling to 50 ms. */
const NAP_FIRST_MS = 1;
const NAP_LONGEST_MS = 50;

/** Writes `length` bytes of `source` from `start`; false when the process is exiting or writing failed. */
function writeAll({ fd, control }: OutputThreadData, source: Uint8Array, start: number, length: number): boolean {
  let nap = NAP_FIRST_MS;
  let done = 0;
  while (done < length) {
    // The process is exiting: exit(3) waits for this thread, so it must not block in a write.
    if (Atomics.load(control, STOP) === 1) return false;
    if (Atomics.compareExchange(control, PHASE, PHASE_IDLE, PHASE_WRITING) !== PHASE_IDLE) return false;
    let failure: NodeJS.ErrnoException | undefined;
    let written = 0;
    try {
      written = writeSync(fd, source, start + done, Math.min(length - done, WRITE_PIECE_BYTES));
    } catch (error) {
      failure = error as NodeJS.ErrnoException;
    }
    Atomics.store(control, PHASE, PHASE_IDLE);
    Atomics.notify(control, PHASE);
    done += written;
    if (failure?.code === 'EINTR') continue;
    if (!failure && written > 0) {
      nap = NAP_FIRST_MS;
      continue;
    }
    if (!failure || failure.code === 'EAGAIN') {
      // A descriptor made non-blocking (Node does that to a pipe it writes process.stderr to, and
      // `2>&1` shares it), or a write that took nothing: no poll(2) here, so sleep and retry.
      Atomics.wait(control, NAP, 0, nap);
      nap = Math.min(nap * 2, NAP_LONGEST_MS);
      continue;
    }
    parentPort?.postMessage({ code: failure.code, message: failure.message } satisfies OutputThreadFailure);
    return false;
  }
  return true;
}

function run(data: OutputThreadData): void {
  const { control, jobs, sources } = data;
  for (let tail = Atomics.load(control, JOB_TAIL); ; ) {
    // WAKE is read before anything is checked: whatever changes after that bumps it, and the
    // wait below then returns at once, so no wake-up is lost.
    const wake = Atomics.load(control, WAKE);
    const head = Atomics.load(control, JOB_HEAD);
    if (head === tail) {
      if (Atomics.load(control, CLOSING) === 1) return;
      Atomics.store(control, IDLE, 1);
      Atomics.wait(control, WAKE, wake);
      Atomics.store(control, IDLE, 0);
      continue;
    }
    const at = (tail & (JOB_SLOTS - 1)) * JOB_WORDS;
    const source = jobs[at] as number;
    const length = jobs[at + 2] as number;
    if (!writeAll(data, sources[source] as Uint8Array, jobs[at + 1] as number, length)) return;
    if (source === COPY_RING) Atomics.store(control, COPIED_DONE, (Atomics.load(control, COPIED_DONE) + length) | 0);
    tail = (tail + 1) | 0;
    Atomics.store(control, JOB_TAIL, tail);
    Atomics.notify(control, JOB_TAIL);
  }
}

run(workerData as OutputThreadData);
