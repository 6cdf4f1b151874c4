// Shared benchmark plumbing: temporary folders, child processes that are always killed,
// /proc readings (CPU, peak RSS), percentiles, tables and the machine-readable result line.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, constants, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Prefix of the one JSON line each benchmark prints; run-all.js looks for it. */
export const RESULT_PREFIX = '@@BENCH_RESULT ';

const children = new Set();
const folders = new Set();

/** Kills every child still running and removes every temporary folder (synchronous, safe twice). */
export function cleanupNow() {
  for (const child of children) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  children.clear();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  folders.clear();
}

process.on('exit', cleanupNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    cleanupNow();
    process.exit(130);
  });
}

/** A fresh folder under os.tmpdir(), removed when the process ends (or by cleanupNow). */
export function freshTmpDir(name) {
  const dir = mkdtempSync(join(tmpdir(), `logstream-bench-${name}-`));
  folders.add(dir);
  return dir;
}

export function removeTmpDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  folders.delete(dir);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let fifoDir;
let fifoCount = 0;

/**
 * A real pipe (a FIFO, as a shell `|` gives): node's own 'pipe' stdio is a socketpair, whose
 * buffering differs. Returns { readFd (opened non-blocking, so that opening does not wait), writeFd }.
 */
export function namedPipe() {
  fifoDir ??= freshTmpDir('fifo');
  const fifo = join(fifoDir, `out-${fifoCount++}`);
  const made = spawnSync('mkfifo', [fifo]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
  const readFd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const writeFd = openSync(fifo, constants.O_WRONLY);
  unlinkSync(fifo);
  return { readFd, writeFd };
}

/** A pipe for a child's stdout, read here: { readSocket, writeFd }. */
function stdoutPipe() {
  const { readFd, writeFd } = namedPipe();
  return { readSocket: new Socket({ fd: readFd, readable: true, writable: false }), writeFd };
}

/**
 * Spawns a follower child whose stdout is a pipe to us. `onData(chunk, now)` gets every stdout
 * chunk with its arrival time (performance.now()). stderr is kept (last 8 KiB) for diagnosis.
 * `stdin` / `stdout`: file descriptors to give the child instead (with `stdout`, there is no
 * pipe to us and no `onData`).
 */
export function spawnChild(cmd, args, { onData, cwd, stdin = 'ignore', stdout } = {}) {
  const pipe = stdout === undefined ? stdoutPipe() : undefined;
  let child;
  try {
    child = spawn(cmd, args, { stdio: [stdin, pipe?.writeFd ?? stdout, 'pipe'], cwd });
  } finally {
    if (pipe) closeSync(pipe.writeFd);
  }
  children.add(child);
  const state = { child, pid: child.pid, stderr: '', exited: false, exitCode: null, signal: null, stdout: pipe?.readSocket };
  state.exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      state.exited = true;
      state.exitCode = code;
      state.signal = signal;
      children.delete(child);
      resolve();
    });
  });
  child.on('error', (error) => {
    state.stderr += `spawn error: ${error.message}\n`;
  });
  if (pipe) {
    pipe.readSocket.on('data', (chunk) => onData?.(chunk, performance.now()));
    pipe.readSocket.on('error', () => undefined);
    pipe.readSocket.on('end', () => pipe.readSocket.destroy());
  }
  // Diagnosis only: BENCH_STDERR_DIR=folder keeps each child's whole stderr there.
  const stderrFile = process.env.BENCH_STDERR_DIR ? join(process.env.BENCH_STDERR_DIR, `${child.pid}.stderr`) : undefined;
  child.stderr.on('data', (chunk) => {
    state.stderr = (state.stderr + chunk.toString()).slice(-8192);
    if (stderrFile) appendFileSync(stderrFile, chunk);
  });
  return state;
}

/**
 * Runs a command to completion, or kills it after `timeoutMs`; returns { stdout, ms, ok }. `ok`
 * when it exits with one of `okCodes` (grep's 1, "no match", is fine for a count).
 */
export async function runToEnd(cmd, args, timeoutMs, okCodes = [0]) {
  let stdout = '';
  const t0 = performance.now();
  const child = spawnChild(cmd, args, { onData: (chunk) => (stdout += chunk) });
  const timer = setTimeout(() => void killChild(child), timeoutMs);
  await child.exitPromise;
  clearTimeout(timer);
  const ms = performance.now() - t0;
  const ok = okCodes.includes(child.exitCode);
  if (!ok) console.error(`${cmd} ${args.join(' ').slice(0, 200)} failed: ${child.exitCode ?? child.signal} ${child.stderr.slice(-300)}`);
  return { stdout, ms, ok, signal: child.signal, stderr: child.stderr };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
export async function killChild(state, graceMs = 1000) {
  if (state.exited) return;
  try {
    state.child.kill('SIGTERM');
  } catch {
    // gone
  }
  const timer = setTimeout(() => {
    try {
      state.child.kill('SIGKILL');
    } catch {
      // gone
    }
  }, graceMs);
  await state.exitPromise;
  clearTimeout(timer);
  state.stdout?.destroy();
}

/** CPU time of every thread of `pid` in nanoseconds (sum of /proc/PID/task/*\/schedstat), or NaN. */
export function cpuNs(pid) {
  let total = 0;
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      try {
        total += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // thread ended between readdir and read
      }
    }
    return total;
  } catch {
    return NaN;
  }
}

/** utime+stime of `pid` in milliseconds from /proc/PID/stat (10 ms resolution), or NaN. */
export function cpuTicksMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** A field of /proc/PID/status in KiB (VmHWM, VmRSS), or NaN. */
export function statusKb(pid, field) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) : NaN;
  } catch {
    return NaN;
  }
}

/** Value at percentile p (0–100) of an ascending array (nearest rank). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(values) {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** Formats a number for a table: fixed decimals, "—" for NaN/undefined, "∞" for Infinity. */
export function fmt(value, decimals = 2) {
  if (value === undefined || value === null || Number.isNaN(value)) return '—';
  if (value === Infinity) return '∞';
  if (typeof value !== 'number') return String(value);
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Prints an aligned text table. */
export function printTable(columns, rows) {
  const widths = columns.map((c, i) => Math.max(String(c).length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(line(columns));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

/**
 * Prints the table and the machine-readable result line. `result` has: bench, title, columns,
 * rows (already formatted strings), targets [{ name, target, value, pass }], notes [strings],
 * data (raw figures).
 */
export function report(result) {
  console.log(`\n${result.title}`);
  printTable(result.columns, result.rows);
  for (const t of result.targets ?? []) console.log(`target: ${t.name}: ${t.target} → ${t.value} ${t.pass ? 'PASS' : 'FAIL'}`);
  for (const n of result.notes ?? []) console.log(`note: ${n}`);
  console.log(RESULT_PREFIX + JSON.stringify(result));
}

/** Resolves when `check()` is true, polling every `everyMs`; resolves false after `timeoutMs`. */
export async function waitFor(check, timeoutMs, everyMs = 5) {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) return false;
    await sleep(everyMs);
  }
  return true;
}

/** Splits a child's stdout into lines, calling `onLine(text, now)` for each complete line. */
export function lineSplitter(onLine) {
  let carry = '';
  return (chunk, now) => {
    const text = carry + chunk.toString('latin1');
    const parts = text.split('\n');
    carry = parts.pop();
    for (const p of parts) onLine(p, now);
  };
}

/** Counts newlines and bytes of a child's stdout without splitting strings. */
export function newlineCounter() {
  const counter = { lines: 0, bytes: 0, lastAt: 0 };
  counter.onData = (chunk, now) => {
    counter.bytes += chunk.length;
    let i = -1;
    while ((i = chunk.indexOf(10, i + 1)) !== -1) counter.lines++;
    counter.lastAt = now;
  };
  return counter;
}
