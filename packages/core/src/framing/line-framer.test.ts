// LineFramer: framing bytes into lines, offsets, \r\n, UTF-8 across chunks, the length cap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineFramer } from './line-framer.js';
import type { LogBatch } from './log-batch.js';

const framer = (max?: number) => new LineFramer('/x.log', { next: 1 }, 0, max);
const texts = (lines: { text: string }[]) => lines.map((l) => l.text);

describe('LineFramer', () => {
  it('splits on \\n, strips one trailing \\r, and keeps offsets and ends in bytes', () => {
    const lines = framer().push(Buffer.from('a\r\nbé\n\r\n'));
    expect(texts(lines)).toEqual(['a', 'bé', '']);
    expect(lines.map((l) => [l.offset, l.end, l.seq])).toEqual([[0, 3, 1], [3, 7, 2], [7, 9, 3]]);
  });

  it('holds an unfinished line until its newline arrives, across many chunks', () => {
    const f = framer();
    expect(f.push(Buffer.from('ab'))).toEqual([]);
    expect(f.push(Buffer.from('c'))).toEqual([]);
    expect(f.heldBytes).toBe(3);
    const lines = f.push(Buffer.from('d\nef'));
    expect(lines).toMatchObject([{ text: 'abcd', offset: 0, end: 5 }]);
    expect(f.committedOffset).toBe(5);
  });

  it('never mangles a character split between chunks at any byte', () => {
    const bytes = Buffer.from('x😀€é\n');
    for (let cut = 0; cut <= bytes.length; cut++) {
      const f = framer();
      const lines = [...f.push(bytes.subarray(0, cut)), ...f.push(bytes.subarray(cut))];
      expect(texts(lines)).toEqual(['x😀€é']);
    }
  });

  it('replaces invalid UTF-8 and counts the lines that held it', () => {
    const f = framer();
    const lines = f.push(Buffer.from([0x6f, 0x6b, 0x0a, 0xc3, 0x28, 0x0a, 0xff, 0x0a]));
    expect(texts(lines)).toEqual(['ok', '\uFFFD(', '\uFFFD']);
    expect(f.stats.invalidUtf8Lines).toBe(2);
    expect(lines.map((l) => l.offset)).toEqual([0, 3, 6]);
  });

  it('cuts a line longer than the cap into pieces marked split, on character boundaries', () => {
    const f = framer(4);
    const lines = f.push(Buffer.from('abcdefghij\nok\n'));
    expect(texts(lines)).toEqual(['abcd', 'efgh', 'ij', 'ok']);
    expect(lines.map((l) => l.split)).toEqual([true, true, undefined, undefined]);
    expect(f.stats.splitLines).toBe(2);
    const multi = framer(5).push(Buffer.from('éééé\n'));
    expect(texts(multi)).toEqual(['éé', 'éé']);
  });

  it('bounds what it holds for an endless line without a newline', () => {
    const f = framer(1000);
    const out = [];
    for (let i = 0; i < 50; i++) out.push(...f.push(Buffer.alloc(300, 0x41)));
    expect(f.heldBytes).toBeLessThanOrEqual(1000);
    expect(out.every((l) => l.split)).toBe(true);
    expect(out.reduce((n, l) => n + l.text.length, 0) + f.heldBytes).toBe(15_000);
  });

  it('a line of exactly the cap whose newline comes in the next read is one line, not a piece and an empty line', () => {
    const f = framer(10);
    const lines = [...f.push(Buffer.from('0123456789')), ...f.push(Buffer.from('\nnext\n'))];
    expect(lines.map((l) => [l.text, l.split])).toEqual([['0123456789', undefined], ['next', undefined]]);
  });

  it('flushes an unfinished line once as partial, then continues after it', () => {
    const f = framer();
    f.push(Buffer.from('abc'));
    expect(f.flush()).toMatchObject([{ text: 'abc', partial: true, offset: 0, end: 3 }]);
    expect(f.flush()).toEqual([]);
    expect(f.push(Buffer.from('def\n'))).toMatchObject([{ text: 'def', offset: 3, end: 7 }]);
  });

  it('keeps a lone \\r of a partial flush (the \\n may still come)', () => {
    const f = framer();
    f.push(Buffer.from('a\r'));
    expect(texts(f.flush())).toEqual(['a\r']);
  });

  it('lines decoded into strings of their own (ownText) are the same lines as slices, and the bytes are the input', () => {
    const piece = fc.oneof(fc.constantFrom('\n', '\r\n', '\r', 'é', '€', '😀', 'x'.repeat(40)), fc.string({ maxLength: 12 }), fc.uint8Array({ maxLength: 6 }).map((b) => Buffer.from(b).toString('latin1')));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 70 }), { minLength: 1, maxLength: 8 }), fc.boolean(), (pieces, cuts, invalid) => {
        // Pieces as UTF-8, or (invalid) each piece's code units as single bytes: invalid UTF-8 too.
        const bytes = invalid ? Buffer.from(pieces.join(''), 'latin1') : Buffer.from(pieces.join(''));
        const frame = (ownText: boolean) => {
          const f = framer(64);
          const out: unknown[] = [];
          const raw: Buffer[] = [];
          const take = (batch: LogBatch | undefined) => {
            out.push(...(batch?.lines ?? []));
            if (batch?.bytes) raw.push(batch.bytes);
          };
          for (let at = 0, k = 0; at < bytes.length; k++) {
            const end = Math.min(bytes.length, at + cuts[k % cuts.length]!);
            take(f.frameBatch(bytes.subarray(at, end), { lines: true, bytes: true, ownText }));
            at = end;
          }
          take(f.flushBatch({ lines: true, bytes: true }));
          // With lines made too, each batch's bytes are exactly its lines' bytes: together, the input.
          expect(Buffer.concat(raw).equals(bytes)).toBe(true);
          return out;
        };
        expect(frame(true)).toEqual(frame(false));
      }),
      { numRuns: 300 },
    );
  });
});
