// Batches printed lines into one stdout write per event-loop turn (the same for every node peer,
// so that the comparison measures following, not one write(2) per line).

let pending = [];
let scheduled = false;

function flush() {
  scheduled = false;
  const text = pending.join('');
  pending = [];
  process.stdout.write(text);
}

/** Queues `line` (without its newline) for stdout. */
export function printLine(line) {
  pending.push(line + '\n');
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
}

/** Exits quietly when stdout is closed or a stop signal arrives. */
export function exitOnStop(close = async () => undefined) {
  process.stdout.on('error', () => process.exit(0));
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => {
      void close().finally(() => process.exit(0));
    });
  }
}

/** Parses `[--from-start] [--poll] FILE...`. */
export function parseArgs(argv) {
  const files = [];
  let fromStart = false;
  let poll = false;
  for (const a of argv) {
    if (a === '--from-start') fromStart = true;
    else if (a === '--poll') poll = true;
    else files.push(a);
  }
  if (files.length === 0) {
    process.stderr.write('usage: [--from-start] [--poll] FILE...\n');
    process.exit(2);
  }
  return { files, fromStart, poll };
}
