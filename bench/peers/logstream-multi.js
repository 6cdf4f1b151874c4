// logstream's library in-process on folders or globs: one MultiLogStream, each line printed to stdout.
import { MultiLogStream } from '../lib/core.js';
import { exitOnStop, parseArgs, printLine } from './stdout-lines.js';

const { files, fromStart, poll } = parseArgs(process.argv.slice(2));
const logs = new MultiLogStream(files, { start: fromStart ? 'beginning' : 'end', watcher: poll ? 'poll' : 'auto' });
logs.subscribe({
  onLines: (lines) => {
    for (const line of lines) printLine(line.text);
  },
  onError: (error) => process.stderr.write(`logstream: ${error.message}\n`),
});
exitOnStop(() => logs.close());
await logs.ready;
