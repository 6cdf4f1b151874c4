// The merge engine: order across sources, holding back for active sources, idle and ended
// sources, continuations kept together, lines without timestamps, and per-source order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../parse/index.js';
import { TimestampMerger } from './timestamp-merger.js';

let seq = 0;
function rec(path: string, timestamp: number | undefined, text: string, continuation = false): LogRecord {
  return {
    line: { text, path, offset: 0, end: 0, seq: ++seq },
    timestamp,
    level: undefined,
    continuation,
    format: 'text',
    message: text,
    fields: undefined,
  };
}
const texts = (records: LogRecord[]) => records.map((r) => r.line.text);

describe('TimestampMerger', () => {
  it('orders across sources once every source has passed the time', () => {
    const m = new TimestampMerger(1000);
    m.push('a', [rec('a', 1, 'a1'), rec('a', 5, 'a5')], 0);
    m.push('b', [rec('b', 2, 'b2'), rec('b', 3, 'b3'), rec('b', 6, 'b6')], 0);
    // a's last key is 5, b's is 6: everything up to 5 can go, b6 waits for a.
    expect(texts(m.take(10))).toEqual(['a1', 'b2', 'b3', 'a5']);
    expect(m.size).toBe(1);
    m.push('a', [rec('a', 7, 'a7')], 20);
    expect(texts(m.take(20))).toEqual(['b6']);
  });

  it('a quiet source holds the others back only until maxWaitMs, an ended one not at all', () => {
    const m = new TimestampMerger(500);
    m.push('a', [rec('a', 10, 'a10')], 0);
    m.push('b', [rec('b', 20, 'b20')], 0);
    expect(texts(m.take(0))).toEqual(['a10']);
    expect(m.nextDeadline()).toBe(500);
    expect(texts(m.take(499))).toEqual([]);
    expect(texts(m.take(500))).toEqual(['b20']);
    m.push('a', [rec('a', 30, 'a30')], 600);
    m.push('b', [rec('b', 40, 'b40')], 600);
    m.end('b');
    expect(texts(m.take(600))).toEqual(['a30']);
    m.end('a');
    expect(texts(m.take(600))).toEqual(['b40']);
  });

  it('keeps continuation lines with their message and a source in its own order', () => {
    const m = new TimestampMerger(0);
    m.push('a', [rec('a', 5, 'error'), rec('a', 5, '  at x', true), rec('a', 5, '  at y', true), rec('a', 3, 'a3 out of order')], 0);
    m.push('b', [rec('b', 5, 'b5'), rec('b', 4, 'b4')], 0);
    m.end('a');
    m.end('b');
    // a3 keeps its place after a's 5 (its key is 5), b4 after b5.
    expect(texts(m.take(0))).toEqual(['error', '  at x', '  at y', 'a3 out of order', 'b5', 'b4']);
  });

  it('lines without a timestamp take their place after the line before them, or where the merge stands', () => {
    const m = new TimestampMerger(0);
    m.push('a', [rec('a', 10, 'a10'), rec('a', undefined, 'a-no-time'), rec('a', 30, 'a30')], 0);
    m.push('b', [rec('b', 20, 'b20')], 0);
    m.end('a');
    m.end('b');
    expect(texts(m.take(0))).toEqual(['a10', 'a-no-time', 'b20', 'a30']);
    m.push('c', [rec('c', undefined, 'c-plain')], 1);
    m.push('d', [rec('d', 25, 'd25')], 1);
    m.end('c');
    m.end('d');
    // c has no timestamps at all: it joins at the last released time (30), after d25.
    expect(texts(m.take(1))).toEqual(['d25', 'c-plain']);
  });

  it('a registered source that has sent nothing yet holds the others back until maxWaitMs', () => {
    const m = new TimestampMerger(200);
    m.register('late', 0);
    m.push('early', [rec('early', 50, 'e50')], 0);
    expect(texts(m.take(10))).toEqual([]);
    m.push('late', [rec('late', 40, 'l40')], 20);
    expect(texts(m.take(20))).toEqual(['l40']);
    expect(texts(m.take(220))).toEqual(['e50']);
    const quiet = new TimestampMerger(200);
    quiet.register('silent', 0);
    quiet.push('a', [rec('a', 1, 'a1')], 0);
    expect(texts(quiet.take(199))).toEqual([]);
    expect(texts(quiet.take(200))).toEqual(['a1']);
  });

  it('merges many sources in order (heap), whatever the arrival order', () => {
    const m = new TimestampMerger(0);
    const all: number[] = [];
    for (let s = 0; s < 50; s++) {
      const ts = Array.from({ length: 40 }, (_, i) => i * 50 + s);
      all.push(...ts);
      m.push(`s${s}`, ts.map((t) => rec(`s${s}`, t, String(t))), 0);
    }
    for (let s = 0; s < 50; s++) m.end(`s${s}`);
    expect(m.take(0).map((r) => r.timestamp)).toEqual(all.sort((a, b) => a - b));
  });

  it('pushed in chunks and taken as they come, the output is every record in key order, continuations kept', () => {
    const source = fc.array(fc.record({ step: fc.integer({ min: -3, max: 5 }), continues: fc.boolean() }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(fc.array(source, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 200 }), (sources, choices) => {
        // Times are distinct across sources (t·16 + source), so only the keys decide between them.
        const queued = sources.map((steps, s) => {
          let t = 10;
          let last = -Infinity;
          return steps.map(({ step, continues }, i) => {
            const continuation = continues && i > 0;
            if (!continuation) t = Math.max(0, t + step);
            const timestamp = t * 16 + s;
            last = Math.max(last, timestamp);
            return { record: rec(`s${s}`, timestamp, `s${s}:${i}`, continuation), key: last, s, i };
          });
        });
        const m = new TimestampMerger(Infinity);
        // Every source is known from the start, as the merge's files are: each holds the others back.
        for (let s = 0; s < queued.length; s++) m.register(`s${s}`, 0);
        const out: LogRecord[] = [];
        const next = queued.map(() => 0);
        let choice = 0;
        for (;;) {
          const open = queued.map((_, s) => s).filter((s) => next[s]! < queued[s]!.length);
          if (open.length === 0) break;
          const pick = choices[choice++] ?? 0;
          const s = open[pick % open.length]!;
          const size = 1 + ((pick >> 3) % 7);
          const chunk = queued[s]!.slice(next[s], next[s]! + size);
          next[s]! += chunk.length;
          m.push(`s${s}`, chunk.map((q) => q.record), 0);
          out.push(...m.take(0));
        }
        for (let s = 0; s < queued.length; s++) m.end(`s${s}`);
        out.push(...m.take(0));
        const expected = queued.flat().sort((a, b) => a.key - b.key || a.i - b.i);
        expect(texts(out)).toEqual(expected.map((q) => q.record.line.text));
        expect(m.size).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
