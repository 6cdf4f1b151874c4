// Opens LogStreams for a test with a collector attached, and closes them all when the test ends.
import { afterEach } from 'vitest';
import { LogStream } from '../stream/log-stream.js';
import type { LogStreamOptions } from '../stream/stream-types.js';
import { Collector } from './collector.js';

const open: LogStream[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A stream on `path` with a collector subscribed and ready; closed after the test. */
export async function follow(path: string, options: LogStreamOptions = {}): Promise<{ stream: LogStream; got: Collector }> {
  const stream = new LogStream(path, options);
  open.push(stream);
  const got = await new Collector().attach(stream);
  return { stream, got };
}
