// In-memory stdout and stderr for running `main` in-process, optionally posing as a terminal.
import { Writable } from 'node:stream';
import type { CliIO } from '../cli-io.js';
import type { OutputStream } from '../output/stdout-writer.js';

/** A CliIO that records what was written. */
export interface FakeIO {
  readonly io: CliIO;
  readonly stdout: () => string;
  readonly stderr: () => string;
}

/** In-memory streams; `isTTY` makes stdout claim to be a terminal. */
export function fakeIO(options: { isTTY?: boolean; env?: NodeJS.ProcessEnv } = {}): FakeIO {
  let out = '';
  let err = '';
  const stdout: OutputStream = Object.assign(
    new Writable({
      decodeStrings: false,
      write(chunk: string, _encoding, callback) {
        out += chunk;
        callback();
      },
    }),
    { isTTY: options.isTTY ?? false },
  );
  const stderr = { write: (text: string) => (err += text) };
  return { io: { stdout, stderr, env: options.env ?? {} }, stdout: () => out, stderr: () => err };
}
