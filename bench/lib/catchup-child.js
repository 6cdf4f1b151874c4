// One catch-up run in its own process (so peak RSS is its own): reads a whole file from the start
// and prints { lines, ms, hwmKb } as JSON. Modes: logstream (LogStream, no-op onLines) or readline.
import { createReadStream, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { LogStream } from './core.js';

const [mode, file, expectedArg] = process.argv.slice(2);
const expected = Number(expectedArg);

function hwmKb() {
  return Number(readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+)/m)[1]);
}

function finish(lines, t0) {
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ mode, lines, ms, hwmKb: hwmKb() }) + '\n');
}

const t0 = performance.now();
if (mode === 'logstream') {
  let count = 0;
  const stream = new LogStream(file, { start: 'beginning' });
  stream.subscribe({
    onLines(lines) {
      count += lines.length;
      if (count >= expected) {
        finish(count, t0);
        void stream.close().then(() => process.exit(0));
      }
    },
    onError: (error) => process.stderr.write(`${error.message}\n`),
  });
} else if (mode === 'readline') {
  let count = 0;
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  rl.on('line', () => count++);
  rl.on('close', () => finish(count, t0));
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
