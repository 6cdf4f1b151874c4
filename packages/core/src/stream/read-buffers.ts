// A few reusable read buffers, shared by every stream: a fast reader would otherwise leave a
// trail of 1 MiB buffers for the garbage collector, and resident memory would grow with it.

const SPARE_LIMIT = 4;
const spares: Buffer[] = [];

/** A buffer of at least `size` bytes: a spare one when one is big enough. */
export function takeReadBuffer(size: number): Buffer {
  const i = spares.findIndex((b) => b.length >= size);
  if (i !== -1) return spares.splice(i, 1)[0] as Buffer;
  return Buffer.allocUnsafeSlow(size);
}

/** Returns a buffer once nothing refers to its bytes any more. */
export function giveBackReadBuffer(buffer: Buffer): void {
  if (spares.length < SPARE_LIMIT && buffer.length >= 64 * 1024) spares.push(buffer);
}
