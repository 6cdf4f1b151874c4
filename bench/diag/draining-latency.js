// Diagnosis: append latency of a LogStream right after many rename rotations. Every rotated-away
// file is kept and re-read on each sync for rotationGraceMs (10 s by default), before the live file.
//   node bench/diag/draining-latency.js
import { closeSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LogStream } from '../lib/core.js';
import { fmt, freshTmpDir, percentile, removeTmpDir, sleep } from '../lib/common.js';

for (const rotations of [0, 50, 150, 400]) {
  const dir = freshTmpDir('diag-draining');
  const path = join(dir, 'app.log');
  writeFileSync(path, '');
  const arrived = new Map();
  const stream = new LogStream(path);
  stream.subscribe({ onLines: (lines) => lines.forEach((l) => arrived.set(l.text, performance.now())) });
  await stream.ready;
  const t0 = performance.now();
  for (let i = 0; i < rotations; i++) {
    writeFileSync(path, `rotation ${i}\n`, { flag: 'a' });
    await sleep(2);
    renameSync(path, `${path}.${i}`);
  }
  const rotateS = (performance.now() - t0) / 1000;
  await sleep(500);
  const lat = [];
  const fd = openSync(path, 'a');
  for (let i = 0; i < 40; i++) {
    const text = `probe ${i}`;
    const sent = performance.now();
    writeSync(fd, `${text}\n`);
    while (!arrived.has(text)) await sleep(0.2);
    lat.push(arrived.get(text) - sent);
    await sleep(3);
  }
  closeSync(fd);
  await stream.close();
  removeTmpDir(dir);
  lat.sort((a, b) => a - b);
  console.log(`${String(rotations).padStart(3)} files rotated away in the last ${fmt(rotateS + 0.5, 1)} s: append→onLines p50 ${fmt(percentile(lat, 50), 2)} ms, p90 ${fmt(percentile(lat, 90), 2)} ms, max ${fmt(lat[lat.length - 1], 2)} ms`);
}
