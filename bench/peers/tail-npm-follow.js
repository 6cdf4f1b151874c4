// The `tail` npm package (2.2.6) as a user would use it: one Tail per file, each 'line' printed to stdout.
import { Tail } from 'tail';
import { exitOnStop, parseArgs, printLine } from './stdout-lines.js';

const { files, fromStart, poll } = parseArgs(process.argv.slice(2));
const tails = [];
for (const file of files) {
  try {
    const tail = new Tail(file, { follow: true, fromBeginning: fromStart, useWatchFile: poll });
    tail.on('line', printLine);
    tail.on('error', (error) => process.stderr.write(`tail: ${String(error)}\n`));
    tails.push(tail);
  } catch (error) {
    process.stderr.write(`tail: cannot follow ${file}: ${String(error)}\n`);
  }
}
exitOnStop(async () => tails.forEach((t) => t.unwatch()));
