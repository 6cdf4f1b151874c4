// Counting the lines in a run of bytes, which bytes-only delivery does for every read: with
// WebAssembly SIMD (count-newlines.wat), 16 bytes at a step, several times faster on long runs
// than a Buffer.indexOf call per line; short runs, or a runtime without SIMD, use the calls.
import { NEWLINE } from './byte-ranges.js';
import { COUNT_NEWLINES_WASM } from './count-newlines-wasm.js';

/** Below this length the copy into WebAssembly memory costs more than it saves. */
const WASM_FROM_BYTES = 1024;

interface WasmCounter {
  readonly memory: Uint8Array;
  readonly count: (length: number) => number;
}

/** The little of the WebAssembly API used here (@types/node does not declare it). */
interface WebAssemblyApi {
  Module: new (binary: Uint8Array) => object;
  Instance: new (module: object) => { readonly exports: { memory?: { buffer: ArrayBuffer }; count?: (length: number) => number } };
}

function loadWasmCounter(): WasmCounter | undefined {
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  if (!api) return undefined;
  try {
    const { memory, count } = new api.Instance(new api.Module(Buffer.from(COUNT_NEWLINES_WASM, 'base64'))).exports;
    return memory && count ? { memory: new Uint8Array(memory.buffer), count } : undefined;
  } catch {
    return undefined; // no WebAssembly (or no SIMD) here: the indexOf loop serves
  }
}

let wasm: WasmCounter | undefined | null = null;

/** The newline bytes in `bytes` with one Buffer.indexOf call per line. */
export function countNewlinesByIndexOf(bytes: Buffer): number {
  let count = 0;
  for (let i = bytes.indexOf(NEWLINE); i !== -1; i = bytes.indexOf(NEWLINE, i + 1)) count++;
  return count;
}

/** The number of newline bytes in `bytes`. */
export function countNewlines(bytes: Buffer): number {
  if (bytes.length < WASM_FROM_BYTES) return countNewlinesByIndexOf(bytes);
  if (wasm === null) wasm = loadWasmCounter();
  if (!wasm) return countNewlinesByIndexOf(bytes);
  const { memory, count } = wasm;
  let total = 0;
  for (let at = 0; at < bytes.length; at += memory.length) {
    const piece = bytes.subarray(at, Math.min(bytes.length, at + memory.length));
    memory.set(piece);
    total += count(piece.length);
  }
  return total;
}
