// Unit tests of the demo's log generator: whole lines, every level, JSON lines, stack traces.
import { describe, expect, it } from 'vitest';
import { LogGenerator } from './log-generator.js';

/** A small repeatable pseudo-random source (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function entries(source: 'app' | 'worker', count: number): string[] {
  const generator = new LogGenerator(source, { random: seeded(42), now: () => new Date('2026-11-26T19:58:06.123Z') });
  return Array.from({ length: count }, () => generator.next());
}

describe('LogGenerator', () => {
  it('writes whole lines: every entry ends in a newline', () => {
    for (const entry of entries('app', 300)) expect(entry.endsWith('\n')).toBe(true);
  });

  it('mixes INFO, WARN, ERROR and DEBUG lines with ISO timestamps, JSON lines, and stack traces', () => {
    const lines = [...entries('app', 400), ...entries('worker', 400)].join('').trimEnd().split('\n');
    const levels = new Set(lines.map((line) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (\w+)/.exec(line)?.[1]).filter(Boolean));
    expect([...levels].sort()).toEqual(['DEBUG', 'ERROR', 'INFO', 'WARN']);
    const json = lines.filter((line) => line.startsWith('{'));
    expect(json.length).toBeGreaterThan(0);
    for (const line of json) expect(JSON.parse(line)).toMatchObject({ ts: '2026-11-26T19:58:06.123Z', level: expect.any(String) as unknown });
    expect(lines.some((line) => line.startsWith('    at '))).toBe(true);
  });

  it('is repeatable with the same random source', () => {
    expect(entries('worker', 50)).toEqual(entries('worker', 50));
  });
});
