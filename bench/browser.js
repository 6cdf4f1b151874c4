// Benchmark: the terminal browser. In a real pseudo-terminal (node-pty), `logstream browse` and
// lnav (Debian's) open a 50 MB log; we time the first screen showing the file's last line (lnav:
// any line), then append 10,000 lines/s for 10 s and measure each process's CPU, the frames
// drawn (logstream marks each frame), and peak memory.
import { mkdirSync, writeFileSync, appendFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpuNs, fmt, freshTmpDir, removeTmpDir, report, sleep, statusKb, waitFor } from './lib/common.js';
import { CLI_BIN, probeCli } from './lib/followers.js';
import { logBlock, random } from './lib/log-lines.js';

const require = createRequire(import.meta.url);
const pty = require('node-pty');
const xterm = require('@xterm/headless');

const FILE_MB = Number(process.env.BENCH_BROWSER_FILE_MB ?? 50);
const RATE = 10_000;
const SECONDS = Number(process.env.BENCH_BROWSER_SECONDS ?? 10);
const COLS = 160;
const ROWS = 48;
const LNAV = '/usr/bin/lnav';

const dir = freshTmpDir('browser');
mkdirSync(join(dir, 'home'), { recursive: true });
const rnd = random(7);

function makeFile(name) {
  const path = join(dir, name);
  writeFileSync(path, '');
  let lines = 0;
  while (lines * 100 < FILE_MB * 2 ** 20) {
    appendFileSync(path, logBlock(lines, 20_000, rnd));
    lines += 20_000;
  }
  return { path, lines };
}

function screenText(term) {
  const b = term.buffer.active;
  let out = '';
  for (let y = 0; y < term.rows; y++) out += (b.getLine(y)?.translateToString(true) ?? '') + '\n';
  return out;
}

async function measure(label, cmd, args, file, lastText) {
  const term = new xterm.Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true, scrollback: 0 });
  let frames = 0;
  let bytes = 0;
  let pending = Promise.resolve();
  const t0 = performance.now();
  const child = pty.spawn(cmd, args, { cols: COLS, rows: ROWS, cwd: dir, env: { ...process.env, TERM: 'xterm-256color', HOME: join(dir, 'home') } });
  let exited = false;
  child.onExit(() => (exited = true));
  child.onData((data) => {
    bytes += data.length;
    frames += data.split('\x1b[?2026h').length - 1;
    pending = pending.then(() => new Promise((resolve) => term.write(data, resolve)));
  });
  let firstMs = NaN;
  await waitFor(() => {
    void pending.then(() => {
      if (Number.isNaN(firstMs) && lastText(screenText(term))) firstMs = performance.now() - t0;
    });
    return !Number.isNaN(firstMs) || exited;
  }, 30_000, 2);
  await sleep(2000);
  // Live: RATE lines/s in batches every 10 ms.
  const framesBefore = frames;
  const bytesBefore = bytes;
  const cpu0 = cpuNs(child.pid);
  const start = performance.now();
  let n = file.lines;
  while (performance.now() - start < SECONDS * 1000) {
    const due = Math.floor(((performance.now() - start) / 1000) * RATE);
    if (due > n - file.lines) {
      appendFileSync(file.path, logBlock(n, due - (n - file.lines), rnd));
      n = file.lines + due;
    }
    await sleep(10);
  }
  const liveS = (performance.now() - start) / 1000;
  const cpuMs = (cpuNs(child.pid) - cpu0) / 1e6;
  const hwm = statusKb(child.pid, 'VmHWM') / 1024;
  const result = { label, firstMs, cpuPercent: (100 * cpuMs) / (liveS * 1000), fps: (frames - framesBefore) / liveS, outKbPerS: (bytes - bytesBefore) / 1024 / liveS, peakRssMiB: hwm, appended: n - file.lines };
  child.kill('SIGKILL');
  term.dispose();
  console.log(`${label}: first screen ${fmt(firstMs, 0)} ms, live CPU ${fmt(result.cpuPercent, 1)} % of a core, ${fmt(result.fps, 1)} frames/s, ${fmt(result.outKbPerS, 1)} KiB/s to the terminal, peak RSS ${fmt(hwm, 1)} MiB`);
  return result;
}

const cli = await probeCli();
const results = [];
if (cli.ok) {
  const file = makeFile('logstream.log');
  const last = `n=${file.lines - 1}`;
  results.push(await measure('logstream browse', process.execPath, [...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []), CLI_BIN, 'browse', file.path], file, (s) => s.includes(last)));
}
if (existsSync(LNAV)) {
  const file = makeFile('lnav.log');
  results.push(await measure('lnav 0.11 (Debian)', LNAV, [file.path], file, (s) => /n=\d+/.test(s)));
}
removeTmpDir(dir);

const ls = results.find((r) => r.label.startsWith('logstream'));
report({
  bench: 'browser',
  title: `Terminal browser: a ${FILE_MB} MB log opened in a ${COLS}×${ROWS} pseudo-terminal, then ${RATE.toLocaleString('en-US')} appended lines/s for ${SECONDS} s`,
  columns: ['browser', 'first screen (ms)', 'CPU while live (% of a core)', 'frames/s', 'output (KiB/s)', 'peak RSS (MiB)'],
  rows: results.map((r) => [r.label, fmt(r.firstMs, 0), fmt(r.cpuPercent, 1), r.label.startsWith('logstream') ? fmt(r.fps, 1) : '—', fmt(r.outKbPerS, 1), fmt(r.peakRssMiB, 1)]),
  targets: ls
    ? [
        { name: 'logstream browse: CPU at 10,000 lines/s', target: '≤ 25 % of one core', value: `${fmt(ls.cpuPercent, 1)} %`, pass: ls.cpuPercent <= 25 },
        { name: 'logstream browse: frame rate while live', target: '≥ 30 fps (one frame per 33 ms cap)', value: `${fmt(ls.fps, 1)} fps`, pass: ls.fps >= 29 },
        { name: 'logstream browse: time to first frame', target: '≤ 300 ms', value: `${fmt(ls.firstMs, 0)} ms`, pass: ls.firstMs <= 300 },
      ]
    : [],
  notes: [
    'First screen: from spawning the program to the screen (read through a headless xterm) showing the file\'s last line; lnav opens at the top, so for it any log line counts.',
    'Frames: logstream wraps each frame in synchronized-update marks (CSI ? 2026 h … l), counted in its output; lnav marks no frames.',
    'Both processes follow the file while it grows; CPU from /proc/PID/stat over the live window.',
  ],
  data: { results },
});
