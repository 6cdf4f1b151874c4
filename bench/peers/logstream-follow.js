// logstream's library in-process: one LogStream per file, each line printed to stdout (like tail -F -q).
import { LogStream } from '../../packages/core/dist/index.js';
import { exitOnStop, parseArgs } from './stdout-lines.js';

const { files, fromStart, poll } = parseArgs(process.argv.slice(2));
const streams = files.map((file) => new LogStream(file, { start: fromStart ? 'beginning' : 'end', watcher: poll ? 'poll' : 'auto' }));
for (const stream of streams) {
  stream.subscribe({
    onLogContent: (content) => void process.stdout.write(content),
    onError: (error) => process.stderr.write(`logstream: ${error.message}\n`),
  });
}
exitOnStop(() => Promise.all(streams.map((s) => s.close())));
await Promise.all(streams.map((s) => s.ready));
