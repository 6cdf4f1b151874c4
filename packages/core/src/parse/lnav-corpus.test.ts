// Every file of the lnav sample corpus, against what it plainly holds (lnav-corpus.expected.json,
// written by reading each file; bench/parse.js prints the same comparison as a table).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LineFramer } from '../framing/line-framer.js';
import type { LogLevel } from './levels.js';
import { LogParser } from './log-parser.js';

interface TimedLine {
  /** 1-based line number. */
  line: number;
  /** ISO 8601 with the zone the file states; digits below the millisecond are kept. */
  at: string;
}
interface Expected {
  file: string;
  holds: string;
  format: string;
  /** Clock for dates without a year. */
  now?: string;
  lines: number;
  /** Lines with a timestamp of their own. */
  timestamps: number;
  continuations: number;
  /** Lines with a level of their own. */
  levels: number;
  first?: TimedLine;
  last?: TimedLine;
  levelOf?: Record<string, LogLevel | null>;
}

// A copy of ../shared/corpus/lnav-samples (BSD licence in LICENSE.lnav beside the files), kept in
// the repository so that a clone anywhere can run this test.
const CORPUS = new URL('./test-data/lnav-samples/', import.meta.url);
const { files } = JSON.parse(readFileSync(new URL('./lnav-corpus.expected.json', import.meta.url), 'utf8')) as { files: Expected[] };

/** Epoch ms of an ISO string, keeping the digits below the millisecond that Date.parse drops. */
function isoToMs(iso: string): number {
  const m = /^(.*?\.\d{3})(\d+)(.*)$/.exec(iso);
  return m ? Date.parse(m[1]! + m[3]!) + Number(m[2]) / 10 ** m[2]!.length : Date.parse(iso);
}

describe('lnav sample corpus', () => {
  it('has an expectation for every file and a file for every expectation', () => {
    expect(readdirSync(CORPUS).sort()).toEqual(files.map((e) => e.file).sort());
    expect(files).toHaveLength(25);
  });

  it.each(files.map((e) => [e.file, e] as const))('%s', (file, e) => {
    const framer = new LineFramer(file, { next: 1 }, 0);
    const lines = [...framer.push(readFileSync(new URL(file, CORPUS))), ...framer.flush()];
    const now = Date.parse(e.now ?? '2025-12-01T00:00:00Z');
    const parser = new LogParser({ timeZone: 'utc', now: () => now });
    const records = parser.parse(lines);

    expect(parser.format).toBe(e.format);
    expect(records).toHaveLength(e.lines);
    const own = records.filter((r) => !r.continuation);
    expect(own.filter((r) => r.timestamp !== undefined).length, 'lines with a timestamp').toBe(e.timestamps);
    expect(records.length - own.length, 'continuation lines').toBe(e.continuations);
    expect(own.filter((r) => r.level !== undefined).length, 'lines with a level').toBe(e.levels);
    for (const point of [e.first, e.last]) {
      if (point === undefined) continue;
      const found = records[point.line - 1]!.timestamp;
      expect(found, `timestamp of line ${point.line}`).toBeDefined();
      expect(Math.abs(found! - isoToMs(point.at)), `line ${point.line}: ${found} vs ${point.at}`).toBeLessThan(1e-3);
    }
    for (const [n, level] of Object.entries(e.levelOf ?? {})) expect(records[Number(n) - 1]!.level ?? null, `level of line ${n}`).toBe(level);
  });
});
