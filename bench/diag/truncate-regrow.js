// Diagnosis: a copytruncate whose new content regrows past the old read position before the
// follower looks again. Lines of equal length whose last 64 bytes match put identical bytes just
// before the old position (the id sits further back), so the "bytes before the position changed"
// check cannot see it.
// The follower is paused (SIGSTOP) across the truncate+regrow to make the race certain.
//   node bench/diag/truncate-regrow.js
import { openSync, writeFileSync, writeSync, truncateSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { freshTmpDir, killChild, lineSplitter, removeTmpDir, sleep, spawnChild, waitFor } from '../lib/common.js';
import { FOLLOWERS } from '../lib/followers.js';

const dir = freshTmpDir('diag-regrow');
const path = join(dir, 'app.log');
writeFileSync(path, '');
const got = [];
const lib = FOLLOWERS.find((f) => f.id === 'logstream-lib');
process.env.LOGSTREAM_BENCH_EVENTS = '1';
const child = spawnChild(...lib.command([path]), { onData: lineSplitter((text) => got.push(text)) });
await sleep(800);
const fd = openSync(path, 'a');
let id = 1;
const line = () => writeSync(fd, `id=${String(id++).padStart(6, '0')} ${'x'.repeat(70)}\n`);
for (let i = 0; i < 6; i++) line();
await waitFor(() => got.length >= 6, 5000);
child.child.kill('SIGSTOP');
truncateSync(path, 0);
for (let i = 0; i < 6; i++) line();
child.child.kill('SIGCONT');
await waitFor(() => got.length >= 12, 2000);
closeSync(fd);
await killChild(child);
removeTmpDir(dir);
const truncatedEvent = child.stderr.includes('"truncated"');
console.log(`written 12 lines (6 before the truncation, 6 after); delivered ${got.length}: ${got.map((l) => Number(l.slice(3, 9))).join(',')}`);
console.log(`lost ${12 - got.length} lines; 'truncated' event: ${truncatedEvent ? 'yes' : 'no'}`);
