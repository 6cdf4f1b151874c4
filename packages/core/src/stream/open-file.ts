// One open file of a stream: its descriptor, identity, read position and framer. It reads from
// the position to end of file and recognises a file that was truncated or rewritten underneath.
import { NEWLINE } from '../framing/byte-ranges.js';
import { LineFramer, type FramerStats, type SequenceCounter } from '../framing/line-framer.js';
import type { BatchWants, LogBatch } from '../framing/log-batch.js';
import type { ReadMemory } from './stream-types.js';
import { closeDescriptor, readAt, readInto, statDescriptor } from './fs-ops.js';
import { giveBackReadBuffer, takeReadBuffer } from './read-buffers.js';

/** Bytes at the start of a file kept as its fingerprint. */
export const HEAD_BYTES = 256;
/** Bytes before the read position kept to notice the content there changing. */
export const TAIL_BYTES = 256;
const MIN_READ = 64 * 1024;
const MAX_READ = 1024 * 1024;
/**
 * Lines of one read are delivered in batches of this many bytes at most. Big reads keep system
 * calls few; small batches let a merge release records while they are young, which the garbage
 * collector frees cheaply (one batch of a whole 1 MiB read per file made the merge 40 % slower).
 */
const LINE_BATCH_BYTES = 64 * 1024;

/** The identity and position of a file, enough to resume it later (and to save as a checkpoint). */
export interface FileState {
  readonly dev: number;
  readonly ino: number;
  /** Every line before this offset was delivered. */
  readonly offset: number;
  /** The file's first bytes (up to HEAD_BYTES) as last seen. */
  readonly head: Buffer;
}

/** A read in flight: its buffer, how much it asks for, and the held tail bytes it starts with. */
interface PendingRead {
  /** Set once the read has its buffer (lent memory may be waited for). */
  buffer: Buffer;
  length: number;
  readonly k: number;
  done: Promise<number>;
  /** Gives the buffer back to where it came from. */
  release: () => void;
}

const NO_BYTES = Buffer.alloc(0);

/**
 * Read-ahead is for a stream reading alone (a burst, a catch-up). Several streams reading at once
 * already keep the thread pool busy, and a second buffer each made a 10-file merge hold 50 MiB
 * more and run slower.
 */
const READ_AHEAD_MAX_STREAMS = 2;
/** Streams inside readToEnd now. */
let streamsReading = 0;

/** Result of reading to end of file. */
export interface ReadOutcome {
  bytes: number;
  /** The bytes before the position are no longer what was read there: the file was rewritten. */
  rewritten: boolean;
  /** The file is now shorter than the position. */
  shrunk: boolean;
}

/** Where framed lines go. */
export interface LineSink {
  /** Says whether the batch reached subscribers; reading waits for it. */
  deliver(batch: LogBatch): boolean | Promise<boolean>;
  /** Which forms of the lines the subscribers want now. */
  wants(): BatchWants;
  /** Memory a subscriber offers to read into, if any. */
  readMemory(): ReadMemory | undefined;
}

export class OpenFile {
  readonly framer: LineFramer;
  private tail: Buffer = Buffer.alloc(0);
  /** Bytes framed so far (the next read starts here). */
  position: number;
  /** Size from the last stat that showed this file. */
  lastSeenSize = 0;
  /** Every line before this offset reached subscribers. */
  deliveredOffset: number;

  private constructor(
    readonly fd: number,
    readonly dev: number,
    readonly ino: number,
    public head: Buffer,
    path: string,
    seq: SequenceCounter,
    offset: number,
    maxLineBytes: number,
    stats: FramerStats,
  ) {
    this.position = offset;
    this.deliveredOffset = offset;
    this.framer = new LineFramer(path, seq, offset, maxLineBytes, stats);
  }

  /** Wraps an open descriptor of a regular file, positioned at `offset`. */
  static async at(fd: number, path: string, seq: SequenceCounter, offset: number, maxLineBytes: number, stats: FramerStats): Promise<OpenFile> {
    const st = await statDescriptor(fd);
    const head = await readAt(fd, HEAD_BYTES, 0);
    const file = new OpenFile(fd, st.dev, st.ino, Buffer.from(head), path, seq, offset, maxLineBytes, stats);
    file.lastSeenSize = st.size;
    if (offset > 0) file.tail = Buffer.from(await readAt(fd, Math.min(TAIL_BYTES, offset), offset - Math.min(TAIL_BYTES, offset)));
    return file;
  }

  /** The state to resume from: the start of the first line not yet delivered. */
  state(): FileState {
    return { dev: this.dev, ino: this.ino, offset: this.deliveredOffset, head: this.head };
  }

  /**
   * Reads from the position to end of file, framing lines into `sink`, until done or `stopped()`.
   * A read that fills its buffer (the file is growing fast, or being caught up) starts the next
   * one, on the thread pool, before its lines are framed and delivered: reading and delivering
   * then overlap. Only while at most READ_AHEAD_MAX_STREAMS streams are reading.
   */
  async readToEnd(sink: LineSink, stopped: () => boolean, sizeHint = 0, blocking = false): Promise<ReadOutcome> {
    const outcome: ReadOutcome = { bytes: 0, rewritten: false, shrunk: false };
    let want = Math.min(MAX_READ, Math.max(MIN_READ, sizeHint - this.position));
    // The first bytes are checked too, read beside the first chunk: logs whose lines all end
    // alike can look unchanged before the position after a copytruncate, but rarely at the start.
    let head = this.position > 0 ? readAt(this.fd, HEAD_BYTES, 0, blocking) : undefined;
    head?.catch(() => undefined); // awaited below, unless reading stops first
    let next: PendingRead | undefined;
    streamsReading++;
    try {
      while (!stopped()) {
        // The held tail is read again in front of the new bytes (it is checked against them).
        const held = this.tail.length;
        const current = next ?? this.startRead(sink, Math.min(MAX_READ, want + held), held, this.position - held, blocking);
        const k = current.k;
        next = undefined;
        let read = 0;
        try {
          read = await current.done;
          if (head && !sharesPrefix(await head, this.head)) {
            outcome.rewritten = true;
            break;
          }
          head = undefined;
          if (read < k) {
            outcome.shrunk = true;
            break;
          }
          if (k > 0 && current.buffer.compare(this.tail, 0, k, 0, k) !== 0) {
            outcome.rewritten = true;
            break;
          }
          if (read === k) break;
          const framedTo = this.position + read - k;
          if (read === current.length && streamsReading <= READ_AHEAD_MAX_STREAMS) {
            // Framing all of this read leaves the position at framedTo and the last bytes before it as the tail.
            const nextK = Math.min(TAIL_BYTES, read);
            next = this.startRead(sink, Math.min(MAX_READ, want * 4 + nextK), nextK, framedTo - nextK, false);
          }
          outcome.bytes += await this.frameInBatches(current.buffer, k, read, sink, stopped);
          // Reading stopped between batches: the next read does not follow on from here.
          if (next && this.position !== framedTo) next = await this.discard(next);
        } finally {
          // Batches may have lent views of the buffer: it is reused only once they were delivered.
          current.release();
        }
        if (read < current.length) break;
        // The file holds more than the last stat said: it is growing fast, so read bigger.
        want = Math.min(MAX_READ, want * 4);
      }
    } finally {
      streamsReading--;
      if (next) await this.discard(next);
    }
    return outcome;
  }

  /** Starts reading `size` bytes at `from` into a buffer from the subscribers' read memory, or the pool. */
  private startRead(sink: LineSink, size: number, k: number, from: number, blocking: boolean): PendingRead {
    const memory = sink.readMemory();
    const read: PendingRead = { buffer: NO_BYTES, length: 0, k, done: Promise.resolve(0), release: () => undefined };
    const into = (offered: Buffer | undefined): Promise<number> => {
      // A buffer smaller than asked is given straight back: the held tail must fit in front.
      if (offered && offered.length < size) memory?.giveBack(offered);
      const lent = offered && offered.length >= size ? offered : undefined;
      const buffer = lent ?? takeReadBuffer(size);
      read.buffer = buffer;
      read.length = Math.min(buffer.length, MAX_READ);
      read.release = () => (lent ? memory?.giveBack(lent) : giveBackReadBuffer(buffer));
      return readInto(this.fd, buffer, read.length, from, blocking);
    };
    const taken = memory?.take(size);
    read.done = taken instanceof Promise ? taken.then(into) : into(taken);
    read.done.catch(() => undefined); // awaited by whoever uses or discards it
    return read;
  }

  /** Waits for a read that will not be used, and gives its buffer back. */
  private async discard(read: PendingRead): Promise<undefined> {
    await read.done.catch(() => undefined);
    read.release();
    return undefined;
  }

  /**
   * Frames buffer[from, to), the bytes at the position, and delivers them: lines in batches of at
   * most LINE_BATCH_BYTES, bytes alone in one batch. Returns the bytes framed, fewer when reading
   * stopped between two batches.
   */
  private async frameInBatches(buffer: Buffer, from: number, to: number, sink: LineSink, stopped: () => boolean): Promise<number> {
    let at = from;
    try {
      while (at < to) {
        const wants = sink.wants();
        const end = wants.lines ? Math.min(to, at + LINE_BATCH_BYTES) : this.bytesBatchEnd(buffer, at, to);
        const batch = this.framer.frameBatch(buffer.subarray(at, end), wants);
        this.position += end - at;
        at = end;
        if (this.head.length < HEAD_BYTES && this.position > this.head.length) this.head = Buffer.from(await readAt(this.fd, HEAD_BYTES, 0));
        await this.deliver(batch, sink);
        if (stopped()) break;
      }
    } finally {
      this.tail = Buffer.from(buffer.subarray(Math.max(0, at - TAIL_BYTES), at));
    }
    return at - from;
  }

  /**
   * Where a bytes-only batch from `at` ends: at `to`, except when the framer holds the start of a
   * line. Then the first batch ends with that line, so that only it is copied to be joined, and
   * the rest goes out as a view of the buffer (a subscriber's read memory, passed on uncopied).
   */
  private bytesBatchEnd(buffer: Buffer, at: number, to: number): number {
    if (this.framer.heldBytes === 0) return to;
    const newline = buffer.subarray(at, to).indexOf(NEWLINE);
    return newline === -1 ? to : at + newline + 1;
  }

  /** Delivers the unfinished line, if any, as a `partial` line. */
  flushPartial(sink: LineSink): Promise<void> {
    return this.deliver(this.framer.flushBatch(sink.wants()), sink);
  }

  /** Hands a batch to `sink` and records how far delivery got. */
  private async deliver(batch: LogBatch | undefined, sink: LineSink): Promise<void> {
    if (batch === undefined) return;
    this.deliveredOffset = (await sink.deliver(batch)) ? batch.end : Math.min(this.deliveredOffset, batch.offset);
  }

  /** Continues at `offset` (after truncation), keeping the bytes before it as the new tail. */
  async restartAt(offset: number): Promise<void> {
    this.framer.reset(offset);
    this.position = offset;
    this.deliveredOffset = offset;
    const k = Math.min(TAIL_BYTES, offset);
    this.tail = Buffer.from(await readAt(this.fd, k, offset - k));
    this.head = Buffer.from(await readAt(this.fd, HEAD_BYTES, 0));
  }

  close(): Promise<void> {
    return closeDescriptor(this.fd);
  }
}

/** True when `a` and `b` agree over the shorter of the two (a file cut shorter is left to the size check). */
export function sharesPrefix(a: Buffer, b: Buffer): boolean {
  const n = Math.min(a.length, b.length);
  return a.subarray(0, n).equals(b.subarray(0, n));
}
