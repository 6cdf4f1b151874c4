// Realistic ~100-byte log lines (ASCII, like typical service logs), generated deterministically.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LEVELS = ['INFO ', 'INFO ', 'INFO ', 'DEBUG', 'WARN ', 'ERROR'];
const COMPONENTS = ['http-worker-1', 'http-worker-7', 'db-pool', 'scheduler', 'auth', 'cache', 'queue-consumer'];
const METHODS = ['GET', 'GET', 'POST', 'PUT', 'DELETE'];
const PATHS = ['/api/v1/orders/', '/api/v1/users/', '/health?probe=', '/api/v2/search?q=item', '/static/app.js?v=', '/api/v1/invoices/'];

/** A small deterministic PRNG (mulberry32). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One log line (without newline) for line number `n`. */
export function logLine(n, rnd, epochMs = 1_736_930_000_000) {
  const ts = new Date(epochMs + n * 3).toISOString();
  const level = LEVELS[(rnd() * LEVELS.length) | 0];
  const comp = COMPONENTS[(rnd() * COMPONENTS.length) | 0];
  const method = METHODS[(rnd() * METHODS.length) | 0];
  const path = PATHS[(rnd() * PATHS.length) | 0] + ((rnd() * 100000) | 0);
  const status = rnd() < 0.9 ? 200 : rnd() < 0.5 ? 404 : 500;
  const dur = (rnd() * 250) | 0;
  const req = ((rnd() * 0xffffffff) >>> 0).toString(16).padStart(8, '0');
  return `${ts} ${level} [${comp}] ${method} ${path} ${status} ${dur}ms req=${req} n=${n}`;
}

/** `count` lines starting at line `from`, joined with trailing newlines. */
export function logBlock(from, count, rnd) {
  let out = '';
  for (let i = 0; i < count; i++) out += logLine(from + i, rnd) + '\n';
  return out;
}

const WORK_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '.work');

/**
 * A log file of about `bytes` bytes under bench/.work (git-ignored), generated once and reused.
 * Returns { path, bytes, lines }.
 */
export function cachedLogFile(name, bytes) {
  mkdirSync(WORK_DIR, { recursive: true });
  const path = join(WORK_DIR, name);
  const metaPath = `${path}.json`;
  if (existsSync(path) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
    if (meta.version === 1 && meta.targetBytes === bytes) return { path, bytes: meta.bytes, lines: meta.lines };
  }
  console.log(`generating ${path} (${(bytes / 2 ** 20).toFixed(0)} MiB, once)…`);
  const rnd = random(42);
  const tmp = `${path}.partial`;
  const fd = openSync(tmp, 'w');
  let written = 0;
  let lines = 0;
  const per = 20_000;
  while (written < bytes) {
    const block = Buffer.from(logBlock(lines, per, rnd), 'latin1');
    writeSync(fd, block);
    written += block.length;
    lines += per;
  }
  closeSync(fd);
  renameSync(tmp, path);
  writeFileSync(metaPath, JSON.stringify({ version: 1, targetBytes: bytes, bytes: written, lines }));
  return { path, bytes: written, lines };
}
