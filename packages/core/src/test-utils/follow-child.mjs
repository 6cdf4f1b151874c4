// A follower in its own process (so a test can run it as an unprivileged user): follows argv[2]
// with the built core (options as JSON in argv[3]) and prints one JSON object per line, event and error on stdout.
import process from 'node:process';
// Run from a copy laid out as <dir>/follow-child.mjs beside <dir>/dist (see child-follower.ts).
import { LogStream } from './dist/index.js';

const stream = new LogStream(process.argv[2], { start: 'beginning', ...JSON.parse(process.argv[3] ?? '{}') });
const print = (object) => process.stdout.write(`${JSON.stringify(object)}\n`);
stream.subscribe({
  onLines: (lines) => lines.forEach((l) => print({ line: l.text })),
  onEvent: (e) => print({ event: e.type }),
  onError: (e) => print({ error: e.code }),
});
process.on('SIGTERM', () => void stream.close().then(() => process.exit(0)));
