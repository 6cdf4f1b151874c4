// Reference, not a follower: the least a Node program can do to pass a growing file to stdout
// (fs.watch, one reused 1 MiB buffer, synchronous reads, each write awaited). No framing, no
// rotation, no identity checks. The throughput benchmark shows it as the floor Node itself sets.
import { fstatSync, openSync, readSync, watch } from 'node:fs';
import { exitOnStop } from './stdout-lines.js';

const [file] = process.argv.slice(2);
const fd = openSync(file, 'r');
let position = fstatSync(fd).size;
const buffer = Buffer.allocUnsafe(1024 * 1024);
let busy = false;

async function pump() {
  if (busy) return;
  busy = true;
  for (;;) {
    const n = readSync(fd, buffer, 0, buffer.length, position);
    if (n === 0) break;
    position += n;
    await new Promise((resolve) => process.stdout.write(buffer.subarray(0, n), resolve));
  }
  busy = false;
}

watch(file, () => void pump());
setInterval(() => void pump(), 500);
exitOnStop();
