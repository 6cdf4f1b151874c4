// A plain chokidar 4 follower, the straightforward one a user would write: on 'change' read from
// the last offset to the file's new size and split lines; start over at 0 when the file shrank
// or was added again.
import { createReadStream, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { watch } from 'chokidar';
import { exitOnStop, parseArgs, printLine } from './stdout-lines.js';

const { files, fromStart, poll } = parseArgs(process.argv.slice(2));
const state = new Map();
for (const file of files.map((f) => resolve(f))) {
  let size = 0;
  try {
    size = fromStart ? 0 : statSync(file).size;
  } catch {
    // not there yet: read it from 0 when it is added
  }
  state.set(file, { offset: size, carry: '', reading: false, again: false });
}

async function readRange(file, st, end) {
  const stream = createReadStream(file, { start: st.offset, end: end - 1, encoding: 'utf8' });
  for await (const chunk of stream) {
    const parts = (st.carry + chunk).split('\n');
    st.carry = parts.pop();
    for (const line of parts) printLine(line);
  }
  st.offset = end;
}

async function pump(file) {
  const st = state.get(file);
  if (!st) return;
  if (st.reading) {
    st.again = true;
    return;
  }
  st.reading = true;
  try {
    do {
      st.again = false;
      const { size } = await stat(file);
      if (size < st.offset) {
        st.offset = 0;
        st.carry = '';
      }
      if (size > st.offset) await readRange(file, st, size);
    } while (st.again);
  } catch (error) {
    if (error.code !== 'ENOENT') process.stderr.write(`chokidar-follow: ${error.message}\n`);
  } finally {
    st.reading = false;
  }
}

const watcher = watch([...state.keys()], { ignoreInitial: true, usePolling: poll });
watcher.on('change', (file) => void pump(file));
watcher.on('add', (file) => {
  const st = state.get(file);
  if (!st) return;
  st.offset = 0;
  st.carry = '';
  void pump(file);
});
watcher.on('error', (error) => process.stderr.write(`chokidar: ${error.message}\n`));
exitOnStop(() => watcher.close());
if (fromStart) for (const file of state.keys()) void pump(file);
