// One merge run in its own process (so peak RSS is its own): merges the given files by timestamp
// with logstream and prints { lines, ms, hwmKb, ordered } as JSON.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { mergeByTimestamp, MultiLogStream } from './core.js';

const [expectedArg, ...files] = process.argv.slice(2);
const expected = Number(expectedArg);

function hwmKb() {
  return Number(readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+)/m)[1]);
}

const t0 = performance.now();
const logs = new MultiLogStream(files, { start: 'beginning', follow: false });
const merged = mergeByTimestamp(logs);
let count = 0;
let last = -Infinity;
let ordered = true;
let finished = false;
const finish = () => {
  if (finished) return;
  finished = true;
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ lines: count, ms, hwmKb: hwmKb(), ordered }) + '\n');
  void logs.close().then(() => process.exit(0));
};
merged.subscribe({
  onRecords(records) {
    for (const r of records) {
      const ts = r.timestamp ?? last;
      if (ts < last) ordered = false;
      last = ts;
    }
    count += records.length;
    if (count >= expected) finish();
  },
  onError: (error) => process.stderr.write(`${error.message}\n`),
});
