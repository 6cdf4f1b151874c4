// A few reusable read buffers, shared by every stream: a fast reader would otherwise leave a
// trail of 1 MiB buffers for the garbage collector, and resident memory would grow with it.

const SPARE_LIMIT = 4;
const MIN_POOLED = 64 * 1024;
const spares: Buffer[] = [];

/**
 * A buffer of at least `size` bytes: a spare one when one is big enough. Sizes are rounded up to
 * a power of two so that a reader whose request varies by a few bytes still reuses its buffer.
 */
export function takeReadBuffer(size: number): Buffer {
  const i = spares.findIndex((b) => b.length >= size);
  if (i !== -1) return spares.splice(i, 1)[0] as Buffer;
  return Buffer.allocUnsafeSlow(size <= MIN_POOLED ? size : 2 ** Math.ceil(Math.log2(size)));
}

/** Returns a buffer once nothing refers to its bytes any more; a full pool keeps the biggest ones. */
export function giveBackReadBuffer(buffer: Buffer): void {
  if (buffer.length < MIN_POOLED) return;
  if (spares.length < SPARE_LIMIT) {
    spares.push(buffer);
    return;
  }
  let smallest = 0;
  for (let i = 1; i < spares.length; i++) if ((spares[i] as Buffer).length < (spares[smallest] as Buffer).length) smallest = i;
  if ((spares[smallest] as Buffer).length < buffer.length) spares[smallest] = buffer;
}
