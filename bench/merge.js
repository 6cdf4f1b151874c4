// Benchmark: timestamp merge. 10 files × 1 million ~100-byte lines with interleaved ISO
// timestamps, merged into one ordered stream by logstream (MultiLogStream → mergeByTimestamp, a
// counting subscriber) versus GNU `sort -m` on the same files (a merge of already sorted text,
// the floor). Each run is its own process; the median of the runs is reported.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, median, report, runToEnd } from './lib/common.js';
import { BENCH_DIR } from './lib/followers.js';
import { logLine, random } from './lib/log-lines.js';

const FILES = Number(process.env.BENCH_MERGE_FILES ?? 10);
const LINES = Number(process.env.BENCH_MERGE_LINES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_MERGE_RUNS ?? 3);
const TARGET = 1_000_000;
const TIMEOUT_MS = 180_000;
const WORK_DIR = join(BENCH_DIR, '.work');

/** The files, generated once under bench/.work: file f holds global lines f, f+FILES, f+2·FILES … */
function mergeFiles() {
  mkdirSync(WORK_DIR, { recursive: true });
  const paths = [];
  for (let f = 0; f < FILES; f++) {
    const path = join(WORK_DIR, `merge-${FILES}x${LINES}-${f}.log`);
    paths.push(path);
    if (existsSync(path)) continue;
    const rnd = random(1000 + f);
    const fd = openSync(`${path}.partial`, 'w');
    for (let i = 0; i < LINES; i += 10_000) {
      let block = '';
      for (let j = i; j < Math.min(LINES, i + 10_000); j++) block += logLine(j * FILES + f, rnd) + '\n';
      writeSync(fd, block);
    }
    closeSync(fd);
    renameSync(`${path}.partial`, path);
  }
  return paths;
}

const run = (cmd, args) => runToEnd(cmd, args, TIMEOUT_MS);

const files = mergeFiles();
const total = FILES * LINES;
console.log(`merge: ${FILES} files × ${LINES.toLocaleString('en-US')} lines, ${RUNS} runs each`);
await run('sh', ['-c', `cat ${files.map((f) => `'${f}'`).join(' ')} > /dev/null`]); // warm the page cache

const results = { logstream: [], sort: [] };
for (let r = 0; r < RUNS; r++) {
  const res = await run(process.execPath, [join(BENCH_DIR, 'lib/merge-child.js'), String(total), ...files]);
  const out = res.ok ? JSON.parse(res.stdout.trim().split('\n').pop()) : { lines: NaN, ms: NaN, hwmKb: NaN, ordered: false };
  results.logstream.push(out);
  console.log(`  run ${r + 1} logstream: ${fmt(out.ms, 0)} ms, ${fmt(total / out.ms / 1000, 2)} M lines/s, peak RSS ${fmt(out.hwmKb / 1024, 1)} MiB, ${out.lines} lines, ordered: ${out.ordered}`);
  const sort = await run('sh', ['-c', `LC_ALL=C sort -m -s -k1,1 ${files.map((f) => `'${f}'`).join(' ')} > /dev/null`]);
  results.sort.push({ lines: total, ms: sort.ms, hwmKb: NaN, ordered: true });
  console.log(`  run ${r + 1} sort -m: ${fmt(sort.ms, 0)} ms`);
}

const summary = {};
for (const [name, runs] of Object.entries(results)) {
  const ms = median(runs.map((x) => x.ms));
  summary[name] = { ms, linesPerSec: total / (ms / 1000), peakRssMiB: Math.max(...runs.map((x) => x.hwmKb)) / 1024, complete: runs.every((x) => x.lines === total && x.ordered), allRunsMs: runs.map((x) => Math.round(x.ms)) };
}
const ls = summary.logstream;
report({
  bench: 'merge',
  title: `Timestamp merge: ${FILES} files × ${LINES.toLocaleString('en-US')} lines (~100 bytes, interleaved ISO timestamps), from the start`,
  columns: ['merger', 'time (s)', 'M lines/s', 'peak RSS (MiB)', 'complete and ordered'],
  rows: [
    ['logstream MultiLogStream → mergeByTimestamp (counting subscriber)', fmt(ls.ms / 1000, 2), fmt(ls.linesPerSec / 1e6, 2), fmt(ls.peakRssMiB, 1), ls.complete ? 'yes' : 'NO'],
    ['GNU sort -m (merge of sorted text, the floor)', fmt(summary.sort.ms / 1000, 2), fmt(summary.sort.linesPerSec / 1e6, 2), '—', 'yes'],
  ],
  targets: [{ name: 'logstream merge throughput', target: '≥ 1 M lines/s, complete and ordered', value: `${fmt(ls.linesPerSec / 1e6, 2)} M lines/s`, pass: ls.complete && ls.linesPerSec >= TARGET }],
  notes: [
    'logstream parses every line (format detection, timestamp, level) and merges live: a file waits only while another has not passed its time. Each file\'s reading pauses when 1,000 of its records wait (plus at most one 64 KiB batch of lines), so memory stays bounded whatever the file sizes.',
    '`sort -m` only compares the first field of text that is already sorted: the floor for any merge.',
    `Median of ${RUNS} runs, each in its own process, page cache warm.`,
  ],
  data: { files: FILES, lines: LINES, summary },
});
