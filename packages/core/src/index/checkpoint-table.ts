// The sparse part of the index: (line number, byte offset) of some line starts, in chunked
// Float64Arrays that grow without copying and are searched by either column.

/** Pairs per chunk: 2048 × 2 × 8 bytes = 32 KiB, so the unused tail of the last chunk stays small. */
const CHUNK_PAIRS = 2048;
const SHIFT = 11;
const MASK = CHUNK_PAIRS - 1;

/** A known line start: line `line` begins at byte `offset`. */
export interface Checkpoint {
  readonly line: number;
  readonly offset: number;
}

/**
 * Increasing (line, offset) pairs. Float64 holds any integer up to 2^53 exactly, so offsets of
 * files far beyond 4 GiB and line counts beyond 2^32 need no special case.
 */
export class CheckpointTable {
  /** Each chunk interleaves line, offset, line, offset… */
  private chunks: Float64Array[] = [];
  private count = 0;

  constructor() {
    this.clear();
  }

  get length(): number {
    return this.count;
  }

  /** Bytes held by the typed arrays, the index's whole memory apart from a few numbers. */
  get byteLength(): number {
    return this.chunks.length * CHUNK_PAIRS * 2 * Float64Array.BYTES_PER_ELEMENT;
  }

  /** Forgets everything but line 0 at byte 0. */
  clear(): void {
    this.chunks = [];
    this.count = 0;
    this.add(0, 0);
  }

  /** Appends a pair; callers add them in increasing order. */
  add(line: number, offset: number): void {
    const slot = (this.count & MASK) * 2;
    if (slot === 0) this.chunks.push(new Float64Array(CHUNK_PAIRS * 2));
    const chunk = this.chunks[this.chunks.length - 1] as Float64Array;
    chunk[slot] = line;
    chunk[slot + 1] = offset;
    this.count++;
  }

  /** The last pair. */
  last(): Checkpoint {
    return this.at(this.count - 1);
  }

  /** The last checkpoint at or before line `line`. */
  beforeLine(line: number): Checkpoint {
    return this.at(this.lastWhere(0, line));
  }

  /** The last checkpoint at or before byte `offset`. */
  beforeOffset(offset: number): Checkpoint {
    return this.at(this.lastWhere(1, offset));
  }

  private at(index: number): Checkpoint {
    const chunk = this.chunks[index >> SHIFT] as Float64Array;
    const slot = (index & MASK) * 2;
    return { line: chunk[slot] as number, offset: chunk[slot + 1] as number };
  }

  private value(index: number, column: 0 | 1): number {
    return (this.chunks[index >> SHIFT] as Float64Array)[(index & MASK) * 2 + column] as number;
  }

  /** Binary search: the greatest index whose `column` value is ≤ `target` (0 when none is). */
  private lastWhere(column: 0 | 1, target: number): number {
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.value(mid, column) <= target) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
