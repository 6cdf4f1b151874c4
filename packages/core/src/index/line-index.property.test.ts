// Model test: for random files and random index settings, every lookup of the sparse index gives
// what a naive split of the whole file gives.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-utils/temp-dir.js';
import { LineIndex } from './line-index.js';

interface ModelLine {
  number: number;
  offset: number;
  end: number;
  text: string;
  cut?: true;
}

/** The reference: split the whole file on `\n`, strip `\r`, cut at the cap by re-decoding. */
function naiveLines(bytes: Buffer, cap: number): { lines: ModelLine[]; partial: ModelLine | undefined } {
  const lines: ModelLine[] = [];
  let start = 0;
  const make = (end: number, next: number): ModelLine => {
    let body = bytes.subarray(start, end);
    if (body.at(-1) === 0x0d) body = body.subarray(0, -1);
    const line: ModelLine = { number: lines.length, offset: start, end: next, text: body.toString('utf8') };
    if (body.length <= cap) return line;
    // Back to a character boundary, at most 3 bytes; failing that (invalid UTF-8, or a cap inside
    // the first character) at the cap itself.
    let cutAt = cap;
    while (cutAt > cap - 3 && cutAt > 0 && ((body[cutAt] ?? 0) & 0xc0) === 0x80) cutAt--;
    if (cutAt === 0 || ((body[cutAt] ?? 0) & 0xc0) === 0x80) cutAt = cap;
    return { ...line, text: body.subarray(0, cutAt).toString('utf8'), cut: true };
  };
  for (let nl = bytes.indexOf(10); nl !== -1; nl = bytes.indexOf(10, start)) {
    lines.push(make(nl, nl + 1));
    start = nl + 1;
  }
  return { lines, partial: start < bytes.length ? make(bytes.length, bytes.length) : undefined };
}

const text = fc.constantFrom('a', 'log ', 'é', '€', '😀', '\r', '\r\n', '\n', '\n', '\n\n', 'xyz'.repeat(5)).map((t) => Buffer.from(t));
const invalid = fc.constantFrom(Buffer.from([0x80, 0x80, 0x80, 0x80]), Buffer.from([0xe2, 0x82]), Buffer.from([0xff]));
const file = fc.array(fc.oneof({ weight: 9, arbitrary: text }, { weight: 1, arbitrary: invalid }), { maxLength: 120 }).map((parts) => Buffer.concat(parts));
const settings = fc.record({
  every: fc.integer({ min: 1, max: 6 }),
  strideBytes: fc.integer({ min: 1, max: 64 }),
  chunkBytes: fc.integer({ min: 1, max: 40 }),
  blockBytes: fc.integer({ min: 1, max: 40 }),
  maxLineBytes: fc.integer({ min: 1, max: 30 }),
});

describe('LineIndex against a naive split', () => {
  it('agrees on lines, tail, line numbers and line starts', async () => {
    const dir = tempDir();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(file, settings, fc.nat(), fc.nat(), fc.nat({ max: 12 }), async (bytes, options, a, b, count) => {
        const path = join(dir, `f${run++}.log`);
        writeFileSync(path, bytes);
        const model = naiveLines(bytes, options.maxLineBytes);
        const index = await LineIndex.open(path, options);
        try {
          await index.build();
          expect(index.lineCount).toBe(model.lines.length);
          expect(await index.lines(0, model.lines.length + 1)).toEqual(model.lines);
          const from = model.lines.length === 0 ? 0 : a % model.lines.length;
          expect(await index.lines(from, count)).toEqual(model.lines.slice(from, from + count));
          const last = model.lines.slice(Math.max(0, model.lines.length - count));
          expect(await index.tail(count)).toEqual(last);
          expect(await index.tail(count, { partial: true })).toEqual(model.partial ? [...last, { ...model.partial, number: model.lines.length, partial: true }] : last);
          const offset = bytes.length === 0 ? 0 : b % (bytes.length + 1);
          const holder = model.lines.findIndex((l) => offset < l.end);
          expect(await index.lineNumberAt(offset)).toBe(holder === -1 ? model.lines.length : holder);
          expect(await index.offsetOfLine(from)).toBe(model.lines[from]?.offset ?? (model.lines.length === 0 ? 0 : undefined));
          expect(index.indexBytes).toBeGreaterThan(0);
        } finally {
          await index.close();
        }
      }),
      { numRuns: 150 },
    );
  });

  it('agrees before the index is complete: tail and linesAt read from what is on disk', async () => {
    const dir = tempDir();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(file, settings, fc.nat(), fc.nat({ max: 6 }), async (bytes, options, b, count) => {
        const path = join(dir, `g${run++}.log`);
        writeFileSync(path, bytes);
        const model = naiveLines(bytes, options.maxLineBytes);
        const index = await LineIndex.open(path, options);
        try {
          const unnumbered = (lines: ModelLine[]) => lines.map((l) => ({ ...l, number: undefined }));
          const last = model.lines.slice(Math.max(0, model.lines.length - count));
          // Lines the index has not reached are unnumbered; line 0 is known before anything is read.
          const tail = await index.tail(count);
          expect(tail).toEqual(last[0]?.offset === 0 ? last : unnumbered(last));
          const offset = bytes.length === 0 ? 0 : b % bytes.length;
          const holder = model.lines.findIndex((l) => offset < l.end);
          const from = holder === -1 ? model.lines.length : holder;
          const expected = model.lines.slice(from, from + count);
          expect(await index.linesAt(offset, count)).toEqual(from === 0 ? expected : unnumbered(expected));
        } finally {
          await index.close();
        }
      }),
      { numRuns: 100 },
    );
  });
});
