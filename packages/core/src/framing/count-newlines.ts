// Counting the lines in a run of bytes, which bytes-only delivery does for every read: with
// WebAssembly SIMD (count-newlines.wat), 16 bytes at a step, several times faster on long runs
// than a Buffer.indexOf call per line. Buffers made in its shared memory (sharedReadBuffers) are
// counted where they lie; other bytes are copied into a page of its own, 64 KiB at a time.
// Short runs, or a runtime without WebAssembly SIMD, use indexOf.
import { NEWLINE } from './byte-ranges.js';
import { COUNT_NEWLINES_WASM_SHARED, COUNT_NEWLINES_WASM_UNSHARED } from './count-newlines-wasm.js';

/** Below this length the copy into WebAssembly memory costs more than it saves. */
const WASM_FROM_BYTES = 1024;
const PAGE_BYTES = 64 * 1024;
/** The module's memory may grow to this many pages (1 GiB; only what is used is committed). */
const MAX_PAGES = 16384;

/** The little of the WebAssembly API used here (@types/node does not declare it). */
interface WebAssemblyApi {
  Module: new (binary: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: { count?: (ptr: number, length: number) => number } };
  Memory: new (descriptor: { initial: number; maximum: number; shared?: boolean }) => WasmMemory;
}

interface WasmMemory {
  readonly buffer: ArrayBufferLike;
  grow(pages: number): number;
}

type Count = (ptr: number, length: number) => number;

interface WasmCounter {
  /** Counts in the shared memory, where sharedReadBuffers makes buffers. */
  readonly countShared: Count;
  readonly shared: WasmMemory;
  /** Every SharedArrayBuffer the shared memory has shown (a new one after each growth): bytes in any of them are counted in place. */
  readonly sharedBuffers: Set<ArrayBufferLike>;
  /** Counts in a page of unshared memory, where other bytes are copied: copying into shared memory is about twice as slow. */
  readonly countCopied: Count;
  readonly scratch: Uint8Array;
}

function instantiate(api: WebAssemblyApi, base64: string, memory: WasmMemory): Count | undefined {
  return new api.Instance(new api.Module(Buffer.from(base64, 'base64')), { env: { memory } }).exports.count;
}

function loadWasmCounter(): WasmCounter | undefined {
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  if (!api) return undefined;
  try {
    // One page at first, not none: V8 compiled the count about 8 times slower for a shared memory that started empty.
    const shared = new api.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
    const unshared = new api.Memory({ initial: 1, maximum: 1 });
    const countShared = instantiate(api, COUNT_NEWLINES_WASM_SHARED, shared);
    const countCopied = instantiate(api, COUNT_NEWLINES_WASM_UNSHARED, unshared);
    if (!countShared || !countCopied) return undefined;
    return { countShared, shared, sharedBuffers: new Set(), countCopied, scratch: new Uint8Array(unshared.buffer, 0, PAGE_BYTES) };
  } catch {
    return undefined; // no WebAssembly SIMD or shared memory here: the indexOf loop serves
  }
}

let loaded: WasmCounter | undefined | null = null;

function wasmCounter(): WasmCounter | undefined {
  if (loaded === null) loaded = loadWasmCounter();
  return loaded;
}

/** The newline bytes in `bytes` with one Buffer.indexOf call per line. */
export function countNewlinesByIndexOf(bytes: Buffer): number {
  let count = 0;
  for (let i = bytes.indexOf(NEWLINE); i !== -1; i = bytes.indexOf(NEWLINE, i + 1)) count++;
  return count;
}

/** The number of newline bytes in `bytes`. */
export function countNewlines(bytes: Buffer): number {
  if (bytes.length < WASM_FROM_BYTES) return countNewlinesByIndexOf(bytes);
  const wasm = wasmCounter();
  if (!wasm) return countNewlinesByIndexOf(bytes);
  if (wasm.sharedBuffers.has(bytes.buffer)) return wasm.countShared(bytes.byteOffset, bytes.length);
  let total = 0;
  for (let at = 0; at < bytes.length; at += PAGE_BYTES) {
    const piece = bytes.subarray(at, Math.min(bytes.length, at + PAGE_BYTES));
    wasm.scratch.set(piece);
    total += wasm.countCopied(0, piece.length);
  }
  return total;
}

/**
 * `count` buffers of `size` bytes each, in shared memory (SharedArrayBuffer: a worker thread can
 * read them) where the core counts lines without copying them: memory to lend a stream as a
 * subscriber's `readMemory`. They live as long as the process. Without WebAssembly, plain
 * SharedArrayBuffers.
 *
 * @example
 * const slabs = sharedReadBuffers(4, 1024 * 1024);
 */
export function sharedReadBuffers(count: number, size: number): Buffer[] {
  const wasm = wasmCounter();
  if (!wasm) return Array.from({ length: count }, () => Buffer.from(new SharedArrayBuffer(size)));
  const start = wasm.shared.buffer.byteLength;
  // Each buffer starts on a 16-byte boundary, where the SIMD loads are quickest.
  const stride = Math.ceil(size / 16) * 16;
  wasm.shared.grow(Math.ceil((stride * count) / PAGE_BYTES));
  const shared = wasm.shared.buffer;
  wasm.sharedBuffers.add(shared);
  return Array.from({ length: count }, (_, i) => Buffer.from(shared, start + i * stride, size));
}
