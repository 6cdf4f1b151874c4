// The newline count bytes-only delivery relies on: WebAssembly and indexOf agree, and the
// committed binary is the compiled count-newlines.wat.
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileWat } from '../../../../scripts/build-wasm.js';
import { COUNT_NEWLINES_WASM_SHARED, COUNT_NEWLINES_WASM_UNSHARED } from './count-newlines-wasm.js';
import { countNewlines, countNewlinesByIndexOf, sharedReadBuffers } from './count-newlines.js';

/** Bytes of mostly one value, newlines placed at random: lengths straddle the 16-byte steps and the 64 KiB memory. */
const bytesWithNewlines = fc
  .record({
    length: fc.oneof(fc.integer({ min: 0, max: 4096 }), fc.integer({ min: 65_000, max: 200_000 })),
    newlines: fc.array(fc.nat(), { maxLength: 300 }),
    filler: fc.integer({ min: 0, max: 255 }).filter((b) => b !== 0x0a),
    offset: fc.integer({ min: 0, max: 15 }),
  })
  .map(({ length, newlines, filler, offset }) => {
    const backing = Buffer.alloc(length + offset, filler);
    const bytes = backing.subarray(offset);
    for (const at of newlines) if (length > 0) bytes[at % length] = 0x0a;
    return bytes;
  });

describe('countNewlines', () => {
  it('counts what one indexOf call per newline finds, at any length and alignment', () => {
    fc.assert(
      fc.property(bytesWithNewlines, (bytes) => {
        expect(countNewlines(bytes)).toBe(countNewlinesByIndexOf(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('counts bytes in its shared read buffers where they lie, as it counts any others', () => {
    const [first, second] = sharedReadBuffers(2, 100_003);
    expect(first?.buffer).toBeInstanceOf(SharedArrayBuffer);
    fc.assert(
      fc.property(bytesWithNewlines, fc.nat(3000), (bytes, at) => {
        const length = Math.min(bytes.length, 100_003 - at);
        const target = (at % 2 === 0 ? first : second) as Buffer;
        bytes.copy(target, at, 0, length);
        const view = target.subarray(at, at + length);
        expect(countNewlines(view)).toBe(countNewlinesByIndexOf(view));
      }),
      { numRuns: 100 },
    );
  });

  it('counts every byte when all are newlines, and none in a buffer without one', () => {
    expect(countNewlines(Buffer.alloc(300_001, 0x0a))).toBe(300_001);
    expect(countNewlines(Buffer.alloc(300_001, 0x0b))).toBe(0);
  });

  it('runs the committed binaries, which are count-newlines.wat compiled (run scripts/build-wasm.js after changing it)', async () => {
    const wat = fileURLToPath(new URL('./count-newlines.wat', import.meta.url));
    expect((await compileWat(wat)).toString('base64')).toBe(COUNT_NEWLINES_WASM_SHARED);
    expect((await compileWat(wat, { privateMemory: true })).toString('base64')).toBe(COUNT_NEWLINES_WASM_UNSHARED);
  });
});
