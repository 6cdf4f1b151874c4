// The k-way merge behind mergeByTimestamp, without timers or streams: sources push records, and
// `take(now)` releases, in timestamp order, every record that no source can still precede.
import type { LogRecord } from '../parse/index.js';

/** One push of records, with their sort keys and which ones continue the record before them. */
interface Chunk {
  /** Released records' slots are emptied (see take). */
  readonly records: (LogRecord | undefined)[];
  readonly keys: Float64Array;
  readonly continues: Uint8Array;
}

interface SourceQueue {
  readonly order: number;
  /** Waiting records, oldest chunk first; `head` indexes the first chunk. */
  readonly chunks: Chunk[];
  head: number;
  /** Sort key of the record at the head (valid while records wait). */
  headKey: number;
  waiting: number;
  /** Sort key of the last record pushed: what this source says about time so far. */
  lastKey: number;
  lastArrival: number;
  ended: boolean;
}

/**
 * Each record's sort key is its timestamp (a continuation line's is its message's), never less
 * than the previous key of its source, so a source's own order is kept; a record without any
 * timestamp takes the previous key of its source, or the last released one. A record is released
 * once every other active source has moved past its key, has ended, or has been idle for
 * `maxWaitMs`.
 */
export class TimestampMerger {
  private readonly sources = new Map<string, SourceQueue>();
  private readonly heap: SourceQueue[] = [];
  private released = -Infinity;
  private queued = 0;

  constructor(private readonly maxWaitMs: number) {}

  /** Records waiting in all queues. */
  get size(): number {
    return this.queued;
  }

  /** Records waiting from `source`. */
  queuedFrom(source: string): number {
    return this.sources.get(source)?.waiting ?? 0;
  }

  /**
   * `source` exists and may send records soon (a file just added): until it sends some, or
   * `maxWaitMs` passes, it holds the others back like any active source.
   */
  register(source: string, now: number): void {
    if (!this.sources.has(source)) this.queue(source, now);
  }

  /** Queues `records` (the merger takes the array: the caller must not change it afterwards). */
  push(source: string, records: LogRecord[], now: number): void {
    const n = records.length;
    if (n === 0) return;
    const q = this.sources.get(source) ?? this.queue(source, now);
    const keys = new Float64Array(n);
    const continues = new Uint8Array(n);
    let last = q.lastKey;
    for (let i = 0; i < n; i++) {
      const r = records[i] as LogRecord;
      const ts = r.timestamp;
      if (ts !== undefined) {
        if (ts > last) last = ts;
      } else if (last === -Infinity) {
        // No timestamp yet in this source: it joins where the merge stands, not at the top.
        last = this.released !== -Infinity ? this.released : this.heap[0] ? this.heap[0].headKey : -Infinity;
      }
      keys[i] = last;
      if (r.continuation) continues[i] = 1;
    }
    q.chunks.push({ records, keys, continues });
    q.lastKey = last;
    q.lastArrival = now;
    q.ended = false;
    this.queued += n;
    q.waiting += n;
    if (q.waiting === n) {
      q.head = 0;
      q.headKey = keys[0] as number;
      this.heapPush(q);
    }
  }

  private queue(source: string, now: number): SourceQueue {
    const q: SourceQueue = { order: this.sources.size, chunks: [], head: 0, headKey: -Infinity, waiting: 0, lastKey: -Infinity, lastArrival: now, ended: false };
    this.sources.set(source, q);
    return q;
  }

  /** `source` will send nothing more (it ended or was removed): it no longer holds others back. */
  end(source: string): void {
    const q = this.sources.get(source);
    if (q) q.ended = true;
  }

  /** Releases every record that can go now, in order. */
  take(now: number): LogRecord[] {
    const out: LogRecord[] = [];
    let bound = Infinity;
    for (const q of this.sources.values()) if (q.waiting === 0 && this.holdsBack(q, now)) bound = Math.min(bound, q.lastKey);
    while (this.heap.length > 0) {
      const q = this.heap[0] as SourceQueue;
      if (q.headKey > bound) break;
      // The record and the continuation lines queued right after it go together.
      let chunk = q.chunks[0] as Chunk;
      let key: number;
      do {
        key = chunk.keys[q.head] as number;
        out.push(chunk.records[q.head] as LogRecord);
        // An emptied slot keeps a chunk that the GC has moved to the old generation from holding
        // released records alive through every young collection (they would all be promoted).
        chunk.records[q.head] = undefined;
        q.waiting--;
        if (++q.head === chunk.keys.length) {
          q.chunks.shift();
          q.head = 0;
          if (q.waiting === 0) break;
          chunk = q.chunks[0] as Chunk;
        }
      } while (chunk.continues[q.head] === 1);
      if (key > this.released) this.released = key;
      if (q.waiting === 0) {
        this.heapPop();
        // A source that just had lines waiting may be reading more (it may have been paused):
        // it counts as active from now, not from when its last lines arrived.
        q.lastArrival = Math.max(q.lastArrival, now);
        if (this.holdsBack(q, now)) bound = Math.min(bound, q.lastKey);
      } else {
        q.headKey = chunk.keys[q.head] as number;
        this.siftDown(0);
      }
    }
    this.queued -= out.length;
    for (const [name, q] of this.sources) if (q.ended && q.waiting === 0) this.sources.delete(name);
    return out;
  }

  /** When a source that holds records back will count as idle (undefined: nothing is held). */
  nextDeadline(): number | undefined {
    if (this.queued === 0) return undefined;
    let at: number | undefined;
    for (const q of this.sources.values()) if (q.waiting === 0 && !q.ended) at = Math.min(at ?? Infinity, q.lastArrival + this.maxWaitMs);
    return at;
  }

  private holdsBack(q: SourceQueue, now: number): boolean {
    return !q.ended && now - q.lastArrival < this.maxWaitMs;
  }

  private heapPush(q: SourceQueue): void {
    const h = this.heap;
    // The new entry rises through a hole: parents move down, it is written once.
    let i = h.length;
    h.push(q);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent] as SourceQueue;
      if (!precedes(q, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = q;
  }

  private heapPop(): void {
    const h = this.heap;
    const last = h.pop() as SourceQueue;
    if (h.length === 0) return;
    h[0] = last;
    this.siftDown(0);
  }

  /** Moves the entry at `i` down to its place (through a hole, as in heapPush). */
  private siftDown(i: number): void {
    const h = this.heap;
    const n = h.length;
    const q = h[i] as SourceQueue;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let child = h[l] as SourceQueue;
      let c = l;
      if (l + 1 < n && precedes(h[l + 1] as SourceQueue, child)) {
        child = h[l + 1] as SourceQueue;
        c = l + 1;
      }
      if (!precedes(child, q)) break;
      h[i] = child;
      i = c;
    }
    h[i] = q;
  }
}

/** Whether `a`'s head record goes before `b`'s (equal times: the source seen first). */
function precedes(a: SourceQueue, b: SourceQueue): boolean {
  return a.headKey < b.headKey || (a.headKey === b.headKey && a.order < b.order);
}
