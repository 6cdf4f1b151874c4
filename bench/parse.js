// Benchmark 6: log parsing. LogParser (format detection, timestamp, level, continuation grouping)
// over ~1M generated text lines (ISO, syslog and log4j files) and ~300k JSON lines (pino and ECS
// files), in batches of 1000 LogLines, against what a user would write instead (a regex and
// Date.parse per line; JSON.parse and Date.parse); best of 4 rounds. Then the lnav sample corpus:
// timestamps and levels found against what each file plainly holds.
//
//   node bench/parse.js            all of it
//   node bench/parse.js --corpus   only the corpus table
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fmt, median, printTable, report } from './lib/common.js';
import { corpusRows } from './lib/parse-corpus.js';
import { parse } from './lib/parse-core.js';
import { generateFile, naiveJson, naiveText } from './lib/parse-data.js';

const ROUNDS = Number(process.env.BENCH_PARSE_ROUNDS ?? 4);
const TEXT_LINES = Number(process.env.BENCH_PARSE_TEXT_LINES ?? 1_000_000);
const JSON_LINES = Number(process.env.BENCH_PARSE_JSON_LINES ?? 300_000);
const TARGET_TEXT = 1_000_000;
const TARGET_JSON = 300_000;

const rows = corpusRows();
const corpusTable = {
  columns: ['file', 'format', 'lines', 'with timestamp found/expected', 'with level found/expected', 'continuations found/expected', 'all checks'],
  rows: rows.map((r) => [r.file, r.format, r.lines, `${r.timestamps}/${r.expectedTimestamps}`, `${r.levels}/${r.expectedLevels}`, `${r.continuations}/${r.expectedContinuations}`, r.ok ? 'ok' : 'MISMATCH']),
};
if (process.argv.includes('--corpus')) {
  printTable(corpusTable.columns, corpusTable.rows);
  process.exit(rows.every((r) => r.ok) ? 0 : 1);
}

/** Sums what a consumer would look at, so that no work can be skipped. */
let sink = 0;
function consume(timestamp, level) {
  sink += (timestamp ?? 0) % 7 + (level === undefined ? 0 : 1);
}

/** ms to run `files` through fresh LogParsers (one per file), reading `message` too when asked. */
function runParser(files, readMessage) {
  const t0 = performance.now();
  for (const file of files) {
    const parser = new parse.LogParser({ timeZone: 'local' });
    for (const batch of file.batches) {
      for (const r of parser.parse(batch)) {
        consume(r.timestamp, r.level);
        if (readMessage) sink += r.message.length;
      }
    }
  }
  return performance.now() - t0;
}

/** ms to run `files` through the naive parser `naive(kind)`. */
function runNaive(files, naive) {
  const t0 = performance.now();
  for (const file of files) {
    const one = naive(file.kind);
    for (const batch of file.batches) {
      for (const line of batch) {
        const r = one(line.text);
        consume(r.timestamp, r.level);
        sink += r.message.length;
      }
    }
  }
  return performance.now() - t0;
}

console.log(`generating ${TEXT_LINES.toLocaleString('en-US')} text and ${JSON_LINES.toLocaleString('en-US')} JSON lines…`);
const textFiles = ['iso', 'syslog', 'log4j'].map((kind) => generateFile(kind, Math.round(TEXT_LINES / 3)));
const jsonFiles = ['pino', 'ecs'].map((kind) => generateFile(kind, Math.round(JSON_LINES / 2)));
const count = (files) => files.reduce((sum, f) => sum + f.lines, 0);
const textCount = count(textFiles);
const jsonCount = count(jsonFiles);

const contenders = [
  { name: 'logstream LogParser', group: 'text', run: () => runParser(textFiles, false) },
  { name: 'logstream LogParser, message read', group: 'text', run: () => runParser(textFiles, true) },
  { name: 'naive: one regex + Date.parse', group: 'text', run: () => runNaive(textFiles, (kind) => naiveText[kind]) },
  { name: 'logstream LogParser', group: 'json', run: () => runParser(jsonFiles, false) },
  { name: 'logstream LogParser, message read', group: 'json', run: () => runParser(jsonFiles, true) },
  { name: 'naive: JSON.parse + Date.parse', group: 'json', run: () => runNaive(jsonFiles, () => naiveJson) },
];
const loadBefore = loadavg()[0];
const times = new Map(contenders.map((c) => [c, []]));
// Text first, then JSON; within each, rounds alternate the contenders, each round starting with
// the next one (so that none always runs right after the garbage of the same other). Each one's
// best round counts: the first round warms the JIT up, and other work on a shared machine only
// ever makes a round slower.
for (const group of ['text', 'json']) {
  const phase = contenders.filter((c) => c.group === group);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < phase.length; k++) {
      const c = phase[(round + k) % phase.length];
      times.get(c).push(c.run());
    }
  }
}

const lineCount = (c) => (c.group === 'text' ? textCount : jsonCount);
const rate = (c) => lineCount(c) / (Math.min(...times.get(c)) / 1000);
const medianRate = (c) => lineCount(c) / (median(times.get(c)) / 1000);
const [text, , textNaive, json, , jsonNaive] = contenders;
report({
  bench: 'parse',
  title: `6. Log parsing: ${textCount.toLocaleString('en-US')} text + ${jsonCount.toLocaleString('en-US')} JSON lines in batches of 1000 (best of ${ROUNDS} rounds)`,
  columns: ['lines', 'parser', 'lines/s', 'median lines/s', 'vs naive'],
  rows: contenders.map((c) => [c.group, c.name, fmt(rate(c), 0), fmt(medianRate(c), 0), `${fmt(rate(c) / rate(c.group === 'text' ? textNaive : jsonNaive), 2)}×`]),
  targets: [
    { name: 'text lines (detection + timestamp + level)', target: '≥ 1,000,000 lines/s', value: `${fmt(rate(text), 0)} lines/s`, pass: rate(text) >= TARGET_TEXT },
    { name: 'JSON lines (detection + timestamp + level)', target: '≥ 300,000 lines/s', value: `${fmt(rate(json), 0)} lines/s`, pass: rate(json) >= TARGET_JSON },
    { name: 'lnav corpus: every file as it plainly holds', target: `${rows.length} of ${rows.length}`, value: `${rows.filter((r) => r.ok).length} of ${rows.length}`, pass: rows.every((r) => r.ok) },
  ],
  notes: [
    'Text: three files of equal size, ISO 8601 UTC (bench/lib/log-lines.js), syslog (no year), log4j local time with a 6-line stack trace after ~2% of lines; JSON: pino (epoch ms) and ECS (@timestamp, log.level).',
    'LogParser: one fresh parser per file per round (detection included), local time zone; message and fields are lazy, read only in the "message read" rows. The naive parsers build the message every time and group nothing.',
    `Corpus: ${rows.length} files of lnav's sample logs (packages/core/src/parse/test-data/lnav-samples, a copy of ../shared/corpus); counts are lines with their own timestamp or level (continuation lines inherit theirs). File: lines, timestamps found/expected, levels found/expected — ${rows.map((r) => `${r.file.replace(/^logfile_|\.0$/g, '')}: ${r.lines}, ${r.timestamps}/${r.expectedTimestamps}, ${r.levels}/${r.expectedLevels}`).join('; ')}.`,
    `Each contender's best round counts (targets too); the median of its rounds is shown beside it. 1-minute load average ${fmt(loadBefore, 2)} before the rounds and ${fmt(loadavg()[0], 2)} after, on ${availableParallelism()} CPUs: other work on the machine lowers the medians most.`,
  ],
  data: { textCount, jsonCount, roundsMs: Object.fromEntries(contenders.map((c) => [`${c.group}: ${c.name}`, times.get(c).map((ms) => Math.round(ms))])), corpus: rows, sink },
});
console.log('\nlnav sample corpus');
printTable(corpusTable.columns, corpusTable.rows);
