// Benchmark 5: library catch-up. A LogStream with start 'beginning' on a 1 GiB file of ~100-byte
// lines, delivering to a no-op onLines subscriber, versus readline over fs.createReadStream and
// `wc -l` (the floor). Each run is its own process; the median of the runs is reported.
import { cachedLogFile } from './lib/log-lines.js';
import { fmt, median, report, runToEnd } from './lib/common.js';
import { BENCH_DIR } from './lib/followers.js';

const RUNS = Number(process.env.BENCH_CATCHUP_RUNS ?? 3);
const SIZE = Number(process.env.BENCH_CATCHUP_BYTES ?? 2 ** 30);
const TIMEOUT_MS = 120_000;
const TARGET_LINES_PER_SEC = 3_000_000;

/** Runs a command to completion (or the timeout); returns { stdout, ms, ok }. */
const run = (cmd, args) => runToEnd(cmd, args, TIMEOUT_MS);

const file = cachedLogFile('catchup-1g.log', SIZE);
console.log(`catch-up: ${file.path}: ${fmt(file.bytes / 2 ** 20, 0)} MiB, ${file.lines.toLocaleString('en-US')} lines, ${RUNS} runs each`);

// Warm the page cache once so every contender reads from memory.
await run('wc', ['-l', file.path]);

const results = { logstream: [], readline: [], wc: [] };
for (let r = 0; r < RUNS; r++) {
  for (const mode of ['logstream', 'readline']) {
    const res = await run(process.execPath, [`${BENCH_DIR}/lib/catchup-child.js`, mode, file.path, String(file.lines)]);
    const out = res.ok ? JSON.parse(res.stdout.trim().split('\n').pop()) : { lines: NaN, ms: NaN, hwmKb: NaN };
    if (out.lines !== file.lines) console.error(`${mode}: counted ${out.lines} lines, expected ${file.lines}`);
    results[mode].push(out);
    console.log(`  run ${r + 1} ${mode}: ${fmt(out.ms, 0)} ms, ${fmt(file.lines / out.ms / 1000, 2)} M lines/s, peak RSS ${fmt(out.hwmKb / 1024, 1)} MiB`);
  }
  const wc = await run('wc', ['-l', file.path]);
  const count = Number(wc.stdout.trim().split(/\s+/)[0]);
  results.wc.push({ lines: count, ms: wc.ms, hwmKb: NaN });
  console.log(`  run ${r + 1} wc -l: ${fmt(wc.ms, 0)} ms`);
}

const summary = {};
for (const [name, runs] of Object.entries(results)) {
  const ms = median(runs.map((x) => x.ms));
  summary[name] = {
    ms,
    linesPerSec: file.lines / (ms / 1000),
    mibPerSec: file.bytes / 2 ** 20 / (ms / 1000),
    peakRssMiB: Math.max(...runs.map((x) => x.hwmKb)) / 1024,
    allRunsMs: runs.map((x) => Math.round(x.ms)),
    linesOk: runs.every((x) => x.lines === file.lines),
  };
}
const labels = { logstream: 'logstream LogStream (no-op onLines)', readline: 'readline over fs.createReadStream', wc: 'wc -l (floor)' };
const ls = summary.logstream;
report({
  bench: 'catchup',
  title: `5. Library catch-up: ${fmt(file.bytes / 2 ** 30, 2)} GiB, ${file.lines.toLocaleString('en-US')} lines (median of ${RUNS} runs, page cache warm)`,
  columns: ['reader', 'time (s)', 'M lines/s', 'MiB/s', 'peak RSS (MiB)', 'vs logstream'],
  rows: Object.entries(summary).map(([name, s]) => [
    labels[name],
    fmt(s.ms / 1000, 2),
    fmt(s.linesPerSec / 1e6, 2),
    fmt(s.mibPerSec, 0),
    name === 'wc' ? '—' : fmt(s.peakRssMiB, 1),
    `${fmt(ls.ms / s.ms, 2)}×`,
  ]),
  targets: [
    { name: 'logstream catch-up rate', target: '≥ 3.00 M lines/s', value: `${fmt(ls.linesPerSec / 1e6, 2)} M lines/s`, pass: ls.linesPerSec >= TARGET_LINES_PER_SEC && ls.linesOk },
  ],
  notes: [
    'Lines are ASCII, 90–110 bytes, in the shape of an HTTP service log; the file is generated once into bench/.work/.',
    'Time runs from just before `new LogStream` (or `createInterface`) to the last line counted, in a fresh process per run; wc -l is timed from spawn to exit.',
    '"vs logstream" is logstream time ÷ that reader\'s time (above 1× means that reader is faster).',
  ],
  data: { file: { bytes: file.bytes, lines: file.lines }, summary },
});
