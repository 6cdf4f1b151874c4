// Runs every benchmark in turn (each as its own process, with a time limit) and rewrites
// docs/benchmarks.md with the figures, the machine they came from, and each target's pass/fail.
//
//   node bench/run-all.js                    all of them
//   node bench/run-all.js latency            only some (names as in BENCHES), docs not rewritten
//   node bench/run-all.js --update latency   only some, replacing their sections in the docs (the
//                                            rest stay as the last full run measured them; the
//                                            header says which were run again, and when)
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freshTmpDir, RESULT_PREFIX } from './lib/common.js';
import { BENCH_DIR, REPO_DIR } from './lib/followers.js';

/** In the order they run; each limited to `limitS` seconds. */
const BENCHES = [
  { name: 'latency', file: 'latency.js', limitS: 180 },
  { name: 'throughput', file: 'throughput.js', limitS: 600 },
  { name: 'idle-cpu', file: 'idle-cpu.js', limitS: 180 },
  { name: 'rotation-soak', file: 'rotation-soak.js', limitS: 240 },
  { name: 'catchup', file: 'catchup.js', limitS: 300 },
  { name: 'parse', file: 'parse.js', limitS: 120 },
  { name: 'merge', file: 'merge.js', limitS: 600 },
  { name: 'many-files', file: 'many-files.js', limitS: 300 },
  { name: 'line-index', file: 'line-index.js', limitS: 300 },
  { name: 'browser', file: 'browser.js', limitS: 240 },
];
const DOC = join(REPO_DIR, 'docs/benchmarks.md');

/**
 * Builds core and CLI (as `npm run build` does) and copies both builds to a temporary folder laid
 * out like node_modules, so the whole run measures one build even if the packages are rebuilt
 * meanwhile. Returns { dir, built } (built false: the build failed and the existing dist is used).
 */
function snapshotBuild() {
  const build = spawnSync('npm', ['run', 'build'], { cwd: REPO_DIR, encoding: 'utf8' });
  if (build.status !== 0) console.error(`build failed, benchmarking the existing dist:\n${build.stdout}${build.stderr}`);
  if (!existsSync(join(REPO_DIR, 'packages/core/dist/index.js'))) {
    console.error('packages/core/dist is missing and the build failed: run `npm run build`.');
    process.exit(1);
  }
  const dir = freshTmpDir('snapshot');
  const core = join(dir, 'node_modules/@logstream/core');
  mkdirSync(core, { recursive: true });
  cpSync(join(REPO_DIR, 'packages/core/package.json'), join(core, 'package.json'));
  cpSync(join(REPO_DIR, 'packages/core/dist'), join(core, 'dist'), { recursive: true });
  if (existsSync(join(REPO_DIR, 'packages/tui/dist/index.js'))) {
    const tui = join(dir, 'node_modules/@logstream/tui');
    mkdirSync(tui, { recursive: true });
    cpSync(join(REPO_DIR, 'packages/tui/package.json'), join(tui, 'package.json'));
    cpSync(join(REPO_DIR, 'packages/tui/dist'), join(tui, 'dist'), { recursive: true });
  }
  if (existsSync(join(REPO_DIR, 'packages/cli/bundle/logstream.js'))) {
    for (const part of ['package.json', 'bin', 'bundle']) cpSync(join(REPO_DIR, 'packages/cli', part), join(dir, 'cli', part), { recursive: true });
    // The optional pipe-size addon, found one folder up from the bundle (see pipe-size.ts).
    const addon = join(REPO_DIR, 'packages/cli/native/build');
    if (existsSync(addon)) cpSync(addon, join(dir, 'cli/native/build'), { recursive: true });
  }
  return { dir, built: build.status === 0 };
}

const update = process.argv.includes('--update');
const only = process.argv.slice(2).filter((a) => a !== '--update');
const DATA = join(REPO_DIR, 'docs/benchmarks.json');
const selected = only.length > 0 ? BENCHES.filter((b) => only.includes(b.name)) : BENCHES;

/** Runs one benchmark, echoing its output; resolves with its result object, or { failed }. */
function runBench(bench) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(BENCH_DIR, bench.file)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    const timer = setTimeout(() => {
      console.error(`${bench.name}: over its ${bench.limitS} s limit, stopping it`);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    }, bench.limitS * 1000);
    // Stopping the run stops the benchmark; the handler goes with it (11 benchmarks, 10 listeners).
    const stopChild = () => child.kill('SIGTERM');
    for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, stopChild);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      for (const name of ['SIGINT', 'SIGTERM']) process.off(name, stopChild);
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (line) resolve(JSON.parse(line.slice(RESULT_PREFIX.length)));
      else resolve({ bench: bench.name, failed: `exited with ${signal ?? code} before printing a result` });
    });
  });
}

function tryRun(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', cwd: REPO_DIR, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function machine() {
  const pkg = (name) => JSON.parse(readFileSync(join(REPO_DIR, 'node_modules', name, 'package.json'), 'utf8')).version;
  const dirty = tryRun('git', ['status', '--porcelain', '--', 'packages']) ? ' (with uncommitted changes in packages/)' : '';
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: `Linux ${release()}`,
    node: process.version,
    gnuTail: tryRun('/usr/bin/tail', ['--version'])?.split('\n')[0] ?? 'unknown',
    lnav: tryRun('/usr/bin/lnav', ['-V'])?.split('\n')[0] ?? 'not installed',
    tailNpm: pkg('tail'),
    chokidar: pkg('chokidar'),
    commit: `${tryRun('git', ['rev-parse', '--short', 'HEAD']) ?? 'unknown'}${dirty}`,
    load: loadavg().map((x) => x.toFixed(2)).join(', '),
  };
}

const cell = (value) => String(value).replaceAll('|', '\\|').replaceAll('\n', ' ');

function markdownTable(columns, rows) {
  const lines = [`| ${columns.map(cell).join(' | ')} |`, `|${columns.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const r of rows) lines.push(`| ${r.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

function renderDoc(m, results, totalS) {
  const out = [];
  out.push('# Benchmarks');
  out.push('');
  out.push('<!-- Generated by `npm run bench` (bench/run-all.js). Do not edit by hand: rerun it. -->');
  out.push('');
  out.push('logstream side by side with what users pick instead — GNU `tail -F`, the `tail` npm package, a plain');
  out.push('chokidar follower, and for merging, indexing, search and browsing `sort -m`, `wc -l`, `grep` and lnav —');
  out.push('measured in the same run on the same machine. The scripts are in `bench/`; each can also run alone');
  out.push('(`node bench/latency.js` …). Build first (`npm run build`).');
  out.push('');
  out.push(`- Date: ${m.date}, logstream commit ${m.commit}, ${m.build} (and copied aside, so the whole run measures one build); total run ${Math.round(totalS)} s`);
  out.push(`- Machine: ${m.nproc} CPUs (nproc), ${m.cpu}, ${m.memoryGiB} GiB RAM, ${m.kernel}, ext4 temporary folder`);
  out.push(`- Node ${m.node}; peers: ${m.gnuTail}, tail (npm) ${m.tailNpm}, chokidar ${m.chokidar}, ${m.lnav}`);
  out.push(`- Load average when the run began: ${m.load} (other work on the machine shows up in the figures)`);
  for (const note of m.rerun ?? []) out.push(`- Since then: ${note}`);
  out.push('');
  out.push('## Targets');
  out.push('');
  const targetRows = [];
  for (const r of results) {
    if (r.failed) targetRows.push([r.bench, 'benchmark did not finish', r.failed, '**FAIL**']);
    for (const t of r.targets ?? []) targetRows.push([t.name, t.target, t.value, t.pass ? 'PASS' : '**FAIL**']);
  }
  out.push(markdownTable(['target', 'wanted', 'measured', 'result'], targetRows));
  out.push('');
  for (const r of results) {
    if (r.failed) {
      out.push(`## ${r.bench}`);
      out.push('');
      out.push(`Did not finish: ${r.failed}.`);
      out.push('');
      continue;
    }
    out.push(`## ${r.title}`);
    out.push('');
    out.push(markdownTable(r.columns, r.rows));
    out.push('');
    for (const n of r.notes ?? []) out.push(`- ${n}`);
    out.push('');
  }
  out.push('## How the followers are run');
  out.push('');
  out.push('- `logstream follow (CLI)`: `node packages/cli/bin/logstream.js follow -q -n 0 FILE…` (the bundled command, as `npx logstream` runs it).');
  out.push('- `logstream (library)`: `bench/peers/logstream-follow.js`, one `LogStream` per file in one process, `onLogBytes` written to stdout (waiting for `drain` when stdout is full).');
  out.push('- `GNU tail -F`: `/usr/bin/tail -F -q -n 0 FILE…` (inotify).');
  out.push('- `tail (npm)`: `bench/peers/tail-npm-follow.js`, one `new Tail(file, { follow: true })` per file, each `line` printed.');
  out.push("- `chokidar follower`: `bench/peers/chokidar-follow.js`, `watch(files)`; on `change` it reads from the last offset to the new size with `fs.createReadStream` and splits lines; it starts over at 0 when the file shrank or was added again.");
  out.push('- The node peers batch printed lines into one `stdout.write` per event-loop turn. Every follower is a child process whose stdout is a real pipe (a FIFO, as `|` gives) read by the benchmark process.');
  out.push('- Knobs for quicker runs (the figures above use the defaults): `BENCH_LATENCY_SAMPLES`, `BENCH_THROUGHPUT_BYTES`, `BENCH_IDLE_MS`, `BENCH_SOAK_ROUNDS`, `BENCH_CATCHUP_RUNS`, `BENCH_FOLLOWERS=id,id` (logstream-cli, logstream-lib, gnu-tail, tail-npm, chokidar); `BENCH_NODE_ARGS=--cpu-prof` profiles the node followers.');
  out.push('');
  return out.join('\n');
}

const t0 = performance.now();
const m = machine();
const snapshot = snapshotBuild();
m.build = snapshot.built ? 'built from the working tree at the start of the run' : 'the existing dist (the build failed)';
process.env.LOGSTREAM_BENCH_SNAPSHOT = snapshot.dir;
const results = [];
for (const bench of selected) {
  console.log(`\n=== ${bench.name} ===`);
  results.push(await runBench(bench));
}
const totalS = (performance.now() - t0) / 1000;
console.log(`\nall done in ${Math.round(totalS)} s`);
for (const r of results) {
  if (r.failed) console.log(`${r.bench}: ${r.failed}`);
  for (const t of r.targets ?? []) console.log(`${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.value} (wanted ${t.target})`);
}
if (only.length === 0) {
  writeFileSync(DOC, renderDoc(m, results, totalS));
  writeFileSync(DATA, JSON.stringify({ machine: m, totalS, results }, null, 1) + '\n');
  console.log(`wrote ${DOC}`);
} else if (update && existsSync(DATA)) {
  // Sections of the last full run, with the benchmarks run now in their place.
  const last = JSON.parse(readFileSync(DATA, 'utf8'));
  const merged = last.results.map((r) => results.find((n) => n.bench === r.bench) ?? r);
  for (const r of results) if (!merged.includes(r)) merged.push(r);
  const order = (r) => BENCHES.findIndex((b) => b.name === r.bench);
  merged.sort((a, b) => order(a) - order(b));
  const names = results.map((r) => r.bench).join(', ');
  const machineNote = { ...last.machine, rerun: [...(last.machine.rerun ?? []), `${names} run again on ${m.date} (commit ${m.commit}, load ${m.load})`] };
  writeFileSync(DOC, renderDoc(machineNote, merged, last.totalS));
  writeFileSync(DATA, JSON.stringify({ machine: machineNote, totalS: last.totalS, results: merged }, null, 1) + '\n');
  console.log(`updated ${DOC}: ${names}`);
}
