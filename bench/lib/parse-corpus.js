// Runs the parser over the lnav sample corpus and compares with what each file plainly holds
// (packages/core/src/parse/lnav-corpus.expected.json, the same data the corpus test asserts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_DIR } from './followers.js';
import { LineFramer, parse } from './parse-core.js';

export const CORPUS_DIR = join(REPO_DIR, 'packages/core/src/parse/test-data/lnav-samples');
const EXPECTED = join(REPO_DIR, 'packages/core/src/parse/lnav-corpus.expected.json');

/** Epoch ms of an ISO string, keeping digits below the millisecond (Date.parse drops them). */
export function isoToMs(iso) {
  const m = /^(.*?\.\d{3})(\d+)(.*)$/.exec(iso);
  if (!m) return Date.parse(iso);
  return Date.parse(m[1] + m[3]) + Number(m[2]) / 10 ** m[2].length;
}

/** One row per corpus file: lines, timestamps and levels found against expected, and whether all checks hold. */
export function corpusRows() {
  const { files } = JSON.parse(readFileSync(EXPECTED, 'utf8'));
  return files.map((e) => {
    const framer = new LineFramer(e.file, { next: 1 }, 0);
    const lines = [...framer.push(readFileSync(join(CORPUS_DIR, e.file))), ...framer.flush()];
    const now = e.now ? Date.parse(e.now) : Date.parse('2025-12-01T00:00:00Z');
    const parser = new parse.LogParser({ timeZone: 'utc', now: () => now });
    const records = parser.parse(lines);
    const own = records.filter((r) => !r.continuation);
    const timestamps = own.filter((r) => r.timestamp !== undefined).length;
    const levels = own.filter((r) => r.level !== undefined).length;
    const continuations = records.length - own.length;
    const timeOk = (point) => !point || Math.abs(records[point.line - 1].timestamp - isoToMs(point.at)) < 1e-3;
    const levelsOk = Object.entries(e.levelOf ?? {}).every(([n, level]) => (records[Number(n) - 1].level ?? null) === level);
    const ok = lines.length === e.lines && timestamps === e.timestamps && levels === e.levels && continuations === e.continuations && parser.format === e.format && timeOk(e.first) && timeOk(e.last) && levelsOk;
    return { file: e.file, format: parser.format, lines: lines.length, timestamps, expectedTimestamps: e.timestamps, levels, expectedLevels: e.levels, continuations, expectedContinuations: e.continuations, ok };
  });
}
