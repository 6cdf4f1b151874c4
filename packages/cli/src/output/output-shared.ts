// What the CLI's output thread shares with the main thread, all in SharedArrayBuffers so that
// neither side copies or sends messages: control words, a queue of write jobs, and the memory the
// jobs point into (a ring for bytes copied in, and slabs the log streams read into directly).

/** Control words (indexes into the control Int32Array). Counts wrap at 2^32: compare with `reached`. */
export const JOB_HEAD = 0; // jobs queued so far (main thread writes)
export const JOB_TAIL = 1; // jobs done so far (output thread writes)
export const COPIED_DONE = 2; // bytes of the copy ring written out so far (output thread writes)
export const PHASE = 3; // PHASE_IDLE, PHASE_WRITING or PHASE_STOPPED
export const CLOSING = 4; // 1: do the queued jobs, then end
export const NAP = 5; // always 0: the output thread waits on it to sleep
export const IDLE = 6; // 1 while the output thread waits for jobs: only then does queueing one need a wake-up
export const STOP = 7; // 1: start no other write (the process is exiting)
export const WAKE = 8; // bumped by every change the output thread waits for (a job queued, closing): it sleeps on this word
export const CONTROL_WORDS = 9;

/** The output thread is between writes, in one write(2), or must not start another (the process is exiting). */
export const PHASE_IDLE = 0;
export const PHASE_WRITING = 1;
export const PHASE_STOPPED = 2;

/** Each job is three words: source (COPY_RING, or 1 + a slab's number), start and length in that source. */
export const JOB_WORDS = 3;
/** Job slots in the queue (a power of two). */
export const JOB_SLOTS = 256;
/** The copy ring's source number. */
export const COPY_RING = 0;

/** What the main thread hands the output thread. */
export interface OutputThreadData {
  readonly fd: number;
  readonly control: Int32Array;
  readonly jobs: Int32Array;
  /** Source 0 is the copy ring; the others are the read slabs. */
  readonly sources: readonly Uint8Array[];
}

/** True when count `a` has reached count `b` (both wrapping int32 counters). */
export function reached(a: number, b: number): boolean {
  return ((a - b) | 0) >= 0;
}
