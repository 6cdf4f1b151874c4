// The slabs of the output thread's memory that log streams read into, and what each is doing:
// lent to a stream, holding bytes still queued, or holding bytes of jobs not yet written. A slab
// is free only when none of these holds.
import { sharedReadBuffers } from '@logstream/core';
import { reached } from './output-shared.js';

/** A stream waiting for a slab. */
interface Waiter {
  readonly size: number;
  readonly resolve: (slab: Buffer | undefined) => void;
}

export class SlabPool {
  readonly slabs: readonly Buffer[];
  private readonly lent: boolean[];
  /** Jobs of the slab may be unwritten; the last one's number (compared only while set). */
  private readonly writing: boolean[];
  private readonly lastJob: number[];
  /** Entries of the output's queue (not yet jobs) that lie in the slab. */
  private readonly queued: number[];
  private readonly waiters: Waiter[] = [];

  constructor(count: number, bytes: number) {
    // In the core's shared memory, where it counts lines without copying them.
    this.slabs = sharedReadBuffers(count, bytes);
    this.lent = this.slabs.map(() => false);
    this.writing = this.slabs.map(() => false);
    this.lastJob = this.slabs.map(() => 0);
    this.queued = this.slabs.map(() => 0);
  }

  /** The slab `bytes` lies in, if any. */
  holding(bytes: Buffer): number | undefined {
    for (let i = 0; i < this.slabs.length; i++) {
      const slab = this.slabs[i] as Buffer;
      if (bytes.buffer === slab.buffer && bytes.byteOffset >= slab.byteOffset && bytes.byteOffset + bytes.length <= slab.byteOffset + slab.length) return i;
    }
    return undefined;
  }

  /** Where `bytes`, which lie in slab `i`, start in it. */
  offsetIn(i: number, bytes: Buffer): number {
    return bytes.byteOffset - (this.slabs[i] as Buffer).byteOffset;
  }

  /** A free slab of at least `size` bytes, now lent; `done` is the number of jobs the thread has written. */
  take(size: number, done: number): Buffer | undefined {
    for (let i = 0; i < this.slabs.length; i++) {
      const slab = this.slabs[i] as Buffer;
      // Counts are compared only while a job is pending (within JOB_SLOTS of each other): a slab
      // left alone for 2^31 jobs would otherwise look unwritten again.
      if (this.writing[i] && reached(done, this.lastJob[i] as number)) this.writing[i] = false;
      if (this.lent[i] || this.queued[i] !== 0 || this.writing[i] || slab.length < size) continue;
      this.lent[i] = true;
      return slab;
    }
    return undefined;
  }

  /** Whether a slab of `size` bytes may become free without a stream giving one back. */
  mayFree(size: number): boolean {
    return this.slabs.some((slab, i) => !this.lent[i] && slab.length >= size);
  }

  /** A stream refers to `buffer` no more. */
  giveBack(buffer: Buffer): void {
    const i = this.holding(buffer);
    if (i !== undefined) this.lent[i] = false;
  }

  /** An entry in slab `i` waits in the queue (+1), or has become a job or been dropped (-1). */
  countQueued(i: number, change: 1 | -1): void {
    this.queued[i] = (this.queued[i] ?? 0) + change;
  }

  /** Nothing waits in the queue any more (output ended). */
  clearQueued(): void {
    this.queued.fill(0);
  }

  /** Job `number` (counted after it was queued) writes from slab `i`. */
  jobQueued(i: number, number: number): void {
    this.lastJob[i] = number;
    this.writing[i] = true;
  }

  /** A stream waits for a slab of `size` bytes. */
  wait(size: number): Promise<Buffer | undefined> {
    return new Promise((resolve) => this.waiters.push({ size, resolve }));
  }

  /**
   * Hands free slabs to waiting streams, in order (undefined to all when `closed`). Returns true
   * while some still wait.
   */
  serve(done: number, closed: boolean): boolean {
    for (let waiter = this.waiters[0]; waiter; waiter = this.waiters[0]) {
      const slab = closed ? undefined : this.take(waiter.size, done);
      if (!slab && !closed) return true;
      this.waiters.shift();
      waiter.resolve(slab);
    }
    return false;
  }
}
