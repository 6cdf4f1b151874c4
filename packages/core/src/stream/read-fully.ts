// Reads an open file to its end and starts over where it was truncated or rewritten underneath:
// the one place that decides between "cut shorter" and "new content".
import { statDescriptor } from './fs-ops.js';
import type { LineSink, OpenFile, ReadOutcome } from './open-file.js';
import { headMatches } from './resume-offset.js';
import type { LogStreamEvent } from './stream-types.js';

type TruncatedEvent = Extract<LogStreamEvent, { type: 'truncated' }>;

/** How a read reports to its follower. */
export interface ReadContext {
  readonly path: string;
  readonly sink: LineSink;
  readonly isStopped: () => boolean;
  /** True to read on the calling thread (a local file system watched natively). */
  readonly blockingReads: () => boolean;
  onTruncated(event: TruncatedEvent): void;
}

/** Reads `file` to its end; a truncation or rewrite found on the way restarts it (up to 3 times). */
export async function readFully(file: OpenFile, context: ReadContext, sizeHint = 0): Promise<ReadOutcome> {
  let outcome = await file.readToEnd(context.sink, context.isStopped, sizeHint, context.blockingReads());
  for (let tries = 0; tries < 3 && (outcome.rewritten || outcome.shrunk) && !context.isStopped(); tries++) {
    const { size } = await statDescriptor(file.fd);
    await restart(file, size, outcome.shrunk ? 'shrunk' : 'rewritten', context);
    outcome = await file.readToEnd(context.sink, context.isStopped, size, context.blockingReads());
  }
  return outcome;
}

/** The file is shorter than what was read, or its bytes before the position changed. */
async function restart(file: OpenFile, size: number, why: 'shrunk' | 'rewritten', context: ReadContext): Promise<void> {
  const previousOffset = file.position;
  const unreadBytesLost = Math.max(0, file.lastSeenSize - file.position);
  await file.flushPartial(context.sink);
  // A pure cut keeps the old first bytes: nothing new to read. Different first bytes: new content.
  const cut = why === 'shrunk' && size > 0 && (await headMatches(file.fd, file.head));
  const resumedAt = cut ? size : 0;
  await file.restartAt(resumedAt);
  context.onTruncated({ type: 'truncated', path: context.path, previousOffset, size, resumedAt, unreadBytesLost });
}
