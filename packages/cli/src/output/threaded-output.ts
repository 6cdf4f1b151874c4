// Output to a file descriptor through a thread of its own (output-thread.ts). Log streams read
// straight into the output's slabs, so their bytes reach the descriptor without being copied in
// JavaScript; anything else is copied into a ring. The main thread goes on reading meanwhile.
import type { ReadMemory } from '@logstream/core';
import { Worker } from 'node:worker_threads';
import { trackOutputThread } from './exit-guard.js';
import type { Output, OutputEnd } from './output.js';
import { outputThreadUrl } from './output-thread-url.js';
import {
  CLOSING,
  CONTROL_WORDS,
  COPIED_DONE,
  COPY_RING,
  JOB_HEAD,
  JOB_SLOTS,
  JOB_TAIL,
  JOB_WORDS,
  IDLE,
  PHASE,
  PHASE_IDLE,
  PHASE_STOPPED,
  PHASE_WRITING,
  STOP,
  WAKE,
  type OutputThreadData,
} from './output-shared.js';
import type { OutputThreadFailure } from './output-thread.js';
import { SlabPool } from './slab-pool.js';

/** Sizes of the shared memory; the defaults suit a log stream's reads of up to 1 MiB. */
export interface ThreadedOutputOptions {
  /** Slabs streams read into: 4, so that reading runs up to 3 reads ahead of a busy reader. */
  readonly slabs?: number;
  /** Bytes per slab: 1 MiB, a stream's biggest read. */
  readonly slabBytes?: number;
  /** Bytes of the ring that other output (headers, formatted lines) is copied into: 1 MiB, a power of two. */
  readonly copyRingBytes?: number;
  /** The compiled output thread (see {@link outputThreadUrl}). */
  readonly threadUrl?: URL;
}

/** Bytes not yet queued as jobs, and who waits for them to be. */
interface Queued {
  bytes: Buffer;
  offset: number;
  /** The slab `bytes` lies in, or undefined to copy them into the ring. */
  readonly slab: number | undefined;
  readonly done: (() => void) | undefined;
}

/**
 * Writes to `fd` with blocking write(2) calls made by an output thread, and offers log streams
 * its slabs to read into (`readMemory`, to pass as the subscriber's `readMemory`).
 *
 * `write` of a view into a slab queues a job and returns at once: the slab is not handed out
 * again before the thread has written it. Other bytes and text are copied into the copy ring.
 * When the job queue or the ring is full, the rest waits in order and `write` returns a promise
 * resolved once all of it is queued. EPIPE ends output quietly (`closed`), other errors as
 * `failed`. `finish` lets the thread do every queued job and end.
 *
 * The process must not exit while the thread is blocked in a write (exit(3) would wait for it):
 * process/exit-process.ts asks the thread to stop writing first.
 *
 * @example
 * const output = new ThreadedOutput(1, (end) => stop(end));
 * stream.subscribe({ readMemory: output.readMemory, onLogBytes: (bytes) => output.write(bytes) });
 * await output.finish();
 */
export class ThreadedOutput implements Output {
  /** Memory for log streams to read into; their `onLogBytes` views of it are written without a copy. */
  readonly readMemory: ReadMemory;
  private readonly control = new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * Int32Array.BYTES_PER_ELEMENT));
  private readonly jobs = new Int32Array(new SharedArrayBuffer(JOB_SLOTS * JOB_WORDS * Int32Array.BYTES_PER_ELEMENT));
  private readonly ring: Buffer;
  /** Bytes copied into the ring so far (a wrapping count, like the thread's COPIED_DONE). */
  private copied = 0;
  private readonly slabs: SlabPool;
  private readonly worker: Worker;
  private readonly queue: Queued[] = [];
  private readonly exited: Promise<void>;
  private ended: OutputEnd | undefined;
  private released = false;
  private closing = false;
  private waitingForRoom = false;

  constructor(
    fd: number,
    private readonly onEnd: (end: OutputEnd) => void,
    { slabs = 4, slabBytes = 1024 * 1024, copyRingBytes = 1024 * 1024, threadUrl = outputThreadUrl() }: ThreadedOutputOptions = {},
  ) {
    if (!Number.isInteger(Math.log2(copyRingBytes))) throw new RangeError(`copyRingBytes must be a power of two, not ${String(copyRingBytes)}`);
    this.ring = Buffer.from(new SharedArrayBuffer(copyRingBytes));
    this.slabs = new SlabPool(slabs, slabBytes);
    this.readMemory = {
      take: (size) => this.takeSlab(size),
      giveBack: (buffer) => {
        this.slabs.giveBack(buffer);
        this.serveSlabWaiters();
      },
    };
    const sources = [this.ring, ...this.slabs.slabs].map((b) => new Uint8Array(b.buffer, b.byteOffset, b.length));
    const data: OutputThreadData = { fd, control: this.control, jobs: this.jobs, sources };
    // stdout/stderr: true keeps the worker from touching process.stdout, which would make fd 1 non-blocking.
    this.worker = new Worker(threadUrl, { workerData: data, stdout: true, stderr: true });
    this.worker.on('message', (failure: OutputThreadFailure) => this.fail(failure));
    this.worker.on('error', (error) => this.fail({ code: undefined, message: `output thread failed: ${error.message}` }));
    const untrack = trackOutputThread(this);
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', () => {
        untrack();
        if (!this.closing) this.fail({ code: undefined, message: 'the output thread ended unexpectedly' });
        this.wakeAll();
        resolve();
      });
    });
  }

  get isEnded(): boolean {
    return this.ended !== undefined;
  }

  write(text: string | Buffer): Promise<void> | undefined {
    if (this.ended || text.length === 0) return undefined;
    const owned = typeof text === 'string';
    const bytes = owned ? Buffer.from(text) : text;
    const slab = owned ? undefined : this.slabs.holding(bytes);
    const offset = this.queue.length === 0 ? this.queueJobs(bytes, 0, slab) : 0;
    if (offset === bytes.length) return undefined;
    if (slab !== undefined) this.slabs.countQueued(slab, 1);
    // Lent bytes that must wait are copied: a stream that stops gives its buffer back without
    // waiting for the promise, and reads into it again. The lender still waits (backpressure),
    // unless output is shutting down (released).
    const keep = owned || slab !== undefined ? bytes : Buffer.from(bytes.subarray(offset));
    const entry = { bytes: keep, offset: keep === bytes ? offset : 0, slab };
    const promise = this.released ? undefined : new Promise<void>((resolve) => this.queue.push({ ...entry, done: resolve }));
    if (!promise) this.queue.push({ ...entry, done: undefined });
    this.waitForRoom();
    return promise;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.serveSlabWaiters(); // each gets undefined: streams stopping must not wait for output
    // Queued bytes are the output's own (copies, text or slabs): their lenders can go at once.
    for (const entry of this.queue) entry.done?.();
  }

  finish(): Promise<void> {
    this.closing = true;
    if (this.queue.length === 0) this.close();
    return this.exited;
  }

  /**
   * Keeps the thread from starting another write, waiting up to `waitMs` for one in progress.
   * False when the thread is still blocked in a write (its reader takes nothing).
   */
  stopWriting(waitMs: number): boolean {
    const deadline = Date.now() + waitMs;
    // Asked first, so that a write in progress is the last one even when this gives up waiting.
    Atomics.store(this.control, STOP, 1);
    for (;;) {
      const phase = Atomics.compareExchange(this.control, PHASE, PHASE_IDLE, PHASE_STOPPED);
      if (phase !== PHASE_WRITING) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      Atomics.wait(this.control, PHASE, PHASE_WRITING, left);
    }
  }

  /**
   * A free slab; else, when one is waiting to be written, a promise of it: a stream that read
   * into memory of its own meanwhile would have its bytes copied, which costs the CPU the thread
   * and the reader need. Undefined when every slab is lent to a stream, or output is ending.
   */
  private takeSlab(size: number): Buffer | undefined | Promise<Buffer | undefined> {
    const free = this.slabs.take(size, Atomics.load(this.control, JOB_TAIL));
    if (free || this.released || this.ended || !this.slabs.mayFree(size)) return free;
    const slab = this.slabs.wait(size);
    this.waitForRoom();
    return slab;
  }

  /** Hands freed slabs to waiting streams; waits on for the rest while jobs are in flight (else a stream giving one back serves them). */
  private serveSlabWaiters(): void {
    const done = Atomics.load(this.control, JOB_TAIL);
    if (this.slabs.serve(done, this.released || this.ended !== undefined) && done !== Atomics.load(this.control, JOB_HEAD)) this.waitForRoom();
  }

  /**
   * Queues jobs for `bytes` from `offset`: one pointing into the slab, or copies into the ring
   * (two jobs where it wraps). Returns how far it got: less than the length when full.
   */
  private queueJobs(bytes: Buffer, offset: number, slab: number | undefined): number {
    const control = this.control;
    const done = Atomics.load(control, JOB_TAIL);
    let head = Atomics.load(control, JOB_HEAD);
    if (slab !== undefined) {
      if (((head - done) | 0) >= JOB_SLOTS) return offset;
      this.setJob(head, 1 + slab, this.slabs.offsetIn(slab, bytes) + offset, bytes.length - offset);
      head = (head + 1) | 0;
      this.slabs.jobQueued(slab, head);
      this.publish(head);
      return bytes.length;
    }
    const size = this.ring.length;
    const freeBytes = size - ((this.copied - Atomics.load(control, COPIED_DONE)) >>> 0);
    let count = Math.min(freeBytes, bytes.length - offset);
    while (count > 0 && ((head - done) | 0) < JOB_SLOTS) {
      const start = (this.copied >>> 0) & (size - 1);
      const piece = Math.min(count, size - start);
      bytes.copy(this.ring, start, offset, offset + piece);
      this.setJob(head, COPY_RING, start, piece);
      head = (head + 1) | 0;
      this.copied = (this.copied + piece) | 0;
      offset += piece;
      count -= piece;
    }
    this.publish(head);
    return offset;
  }

  private setJob(number: number, source: number, start: number, length: number): void {
    const at = (number & (JOB_SLOTS - 1)) * JOB_WORDS;
    this.jobs[at] = source;
    this.jobs[at + 1] = start;
    this.jobs[at + 2] = length;
  }

  private publish(head: number): void {
    if (Atomics.load(this.control, JOB_HEAD) === head) return;
    Atomics.store(this.control, JOB_HEAD, head);
    Atomics.add(this.control, WAKE, 1);
    // A wake-up costs about as much as a small write: only a waiting thread gets one.
    if (Atomics.load(this.control, IDLE) === 1) Atomics.notify(this.control, WAKE, 1);
  }

  /** Queues waiting bytes as the thread finishes jobs. */
  private waitForRoom(): void {
    if (this.waitingForRoom || this.ended) return;
    this.waitingForRoom = true;
    const next = () => {
      this.waitingForRoom = false;
      this.drainQueue();
      this.serveSlabWaiters();
    };
    // The thread may have done every job since the last try: then no change of JOB_TAIL is coming.
    const done = Atomics.load(this.control, JOB_TAIL);
    if (done === Atomics.load(this.control, JOB_HEAD)) return queueMicrotask(next);
    const wait = Atomics.waitAsync(this.control, JOB_TAIL, done);
    if (wait.async) void wait.value.then(next);
    else queueMicrotask(next);
  }

  private drainQueue(): void {
    if (this.ended) return;
    for (;;) {
      const entry = this.queue[0];
      if (!entry) break;
      entry.offset = this.queueJobs(entry.bytes, entry.offset, entry.slab);
      if (entry.offset < entry.bytes.length) return this.waitForRoom();
      this.queue.shift();
      if (entry.slab !== undefined) this.slabs.countQueued(entry.slab, -1);
      entry.done?.();
    }
    if (this.closing) this.close();
  }

  private close(): void {
    Atomics.store(this.control, CLOSING, 1);
    Atomics.add(this.control, WAKE, 1);
    Atomics.notify(this.control, WAKE);
  }

  private fail(failure: OutputThreadFailure): void {
    if (this.ended) return;
    const closed = failure.code === 'EPIPE' || failure.code === 'ECONNRESET';
    this.ended = closed ? { reason: 'closed' } : { reason: 'failed', error: Object.assign(new Error(failure.message), { code: failure.code }) };
    this.wakeAll();
    this.onEnd(this.ended);
  }

  /** Lets every waiting writer go (output ended: nothing more will be written). */
  private wakeAll(): void {
    for (const entry of this.queue.splice(0)) entry.done?.();
    this.slabs.clearQueued();
    this.serveSlabWaiters();
    // A waitAsync on JOB_TAIL would otherwise wait for a thread that is gone.
    Atomics.notify(this.control, JOB_TAIL);
  }
}
