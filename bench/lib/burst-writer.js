// Appends `bytes` bytes of ~100-byte log lines to a file as fast as it can, in 1 MiB writes, and
// prints { startNs, endNs, bytes, lines } (process.hrtime, comparable across processes).
import { closeSync, openSync, writeSync } from 'node:fs';
import { logBlock, random } from './log-lines.js';

const [file, bytesArg] = process.argv.slice(2);
const total = Number(bytesArg);
const CHUNK = 2 ** 20;

// One 1 MiB block of whole lines, built before the clock starts and written over and over.
const rnd = random(3);
let text = '';
let linesPerBlock = 0;
for (;;) {
  const line = logBlock(linesPerBlock, 1, rnd);
  if (text.length + line.length > CHUNK) break;
  text += line;
  linesPerBlock++;
}
const block = Buffer.from(text, 'latin1');
const blocks = Math.ceil(total / block.length);
const fd = openSync(file, 'a');
const startNs = process.hrtime.bigint();
for (let i = 0; i < blocks; i++) writeSync(fd, block);
const endNs = process.hrtime.bigint();
closeSync(fd);
process.stdout.write(JSON.stringify({ startNs: String(startNs), endNs: String(endNs), bytes: blocks * block.length, lines: blocks * linesPerBlock }) + '\n');
