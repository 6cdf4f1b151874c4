// The index's lookups: from a checkpoint, re-scan one small stretch of the file to reach an
// exact line or offset; tail() reads backwards from the end and needs no index at all.
import type { LineCounter } from './line-counter.js';
import { LineCursor } from './line-cursor.js';
import type { IndexedLine, NumberedLine } from './index-types.js';
import { newlinesBefore } from './newlines-before.js';

/** What a lookup reads from. */
export interface ReadContext {
  readonly fd: number;
  readonly counter: LineCounter;
  /** The file size last seen: nothing past it is read. */
  readonly size: number;
  readonly blockBytes: number;
  readonly maxLineBytes: number;
}

/** A line start and, when the index has reached it, its number. */
export interface Location {
  readonly start: number;
  readonly number: number | undefined;
}

function cursor(context: ReadContext, start: number, limit: number, number: number | undefined): LineCursor {
  return new LineCursor(context.fd, start, limit, context.blockBytes, context.maxLineBytes, number);
}

/** Reads up to `count` lines from `cursor`; with `partial`, then the unfinished line if it comes next. */
async function readFrom(from: LineCursor, count: number, partial = false): Promise<IndexedLine[]> {
  const lines: IndexedLine[] = [];
  while (lines.length < count) {
    const line = await from.next();
    if (!line) break;
    lines.push(line);
  }
  const unfinished = partial ? await from.next(true) : undefined;
  if (unfinished?.partial) lines.push(unfinished);
  return lines;
}

/** Lines `from` … `from + count - 1` among the complete lines indexed so far. */
export async function readLines(context: ReadContext, from: number, count: number): Promise<NumberedLine[]> {
  const { table, lines: known, lineStart } = context.counter;
  const wanted = Math.min(count, known - from);
  if (wanted <= 0) return [];
  const checkpoint = table.beforeLine(from);
  const lines = cursor(context, checkpoint.offset, lineStart, checkpoint.line);
  await lines.skip(from - checkpoint.line);
  // The cursor started numbered, so every line it returns has a number.
  return (await readFrom(lines, wanted)) as NumberedLine[];
}

/** Where line `line` starts, if the index has reached it. */
export async function lineStart(context: ReadContext, line: number): Promise<number | undefined> {
  const { table, lines: known, lineStart: unfinished } = context.counter;
  if (line > known) return undefined;
  const checkpoint = table.beforeLine(line);
  const lines = cursor(context, checkpoint.offset, unfinished, checkpoint.line);
  await lines.skip(line - checkpoint.line);
  return lines.position;
}

/**
 * The start of the line holding byte `offset`, and its number when known. Inside the indexed part
 * this re-scans from the nearest checkpoint; past it, it reads backwards to the previous `\n`.
 */
export async function locate(context: ReadContext, offset: number): Promise<Location> {
  const { table, scanned, lineStart: unfinished, lines: known } = context.counter;
  if (offset <= scanned) {
    const checkpoint = table.beforeOffset(offset);
    const lines = cursor(context, checkpoint.offset, offset, checkpoint.line);
    await lines.skip(Infinity, offset);
    return { start: lines.position, number: lines.lineNumber };
  }
  const [newline] = await newlinesBefore(context.fd, offset, 1, context.blockBytes, unfinished);
  return newline === undefined ? { start: unfinished, number: known } : { start: newline + 1, number: undefined };
}

/** Up to `count` lines from the one holding byte `offset`, numbered when the index has reached them. */
export async function readLinesAt(context: ReadContext, offset: number, count: number): Promise<IndexedLine[]> {
  const { start, number } = await locate(context, offset);
  return readFrom(cursor(context, start, context.size, number), count);
}

/**
 * The last `count` complete lines (and the unfinished one after them when `partial`), found by
 * reading backwards from the end. Numbered only if the index has reached the first of them.
 */
export async function readTail(context: ReadContext, count: number, partial: boolean): Promise<IndexedLine[]> {
  const newlines = await newlinesBefore(context.fd, context.size, count + 1, context.blockBytes);
  const before = newlines[count];
  const first = before === undefined ? 0 : before + 1;
  const number = first <= context.counter.lineStart ? (await locate(context, first)).number : undefined;
  return readFrom(cursor(context, first, context.size, number), count, partial);
}
