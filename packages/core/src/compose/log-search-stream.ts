// LogSearchStream: a live regex search over a stream, reporting each matching line with the
// ranges that matched (for highlighting).
import type { LogStreamError } from '../errors/log-stream-error.js';
import type { LogLine } from '../framing/log-line.js';
import type { Subscription } from '../stream/stream-types.js';
import type { MultiLogStreamEvent } from './multi-stream-types.js';
import { toRegExp } from './record-filters.js';
import type { LineSource } from './record-types.js';

/** One line that matched, with where: `[start, end)` in UTF-16 units of `line.text`. */
export interface SearchMatch {
  readonly line: LogLine;
  readonly ranges: readonly (readonly [number, number])[];
}

/** Any subset of these callbacks. `onMatches` may return a promise: the source waits for it. */
export interface SearchSubscriber {
  onMatches?(matches: readonly SearchMatch[]): void | Promise<void>;
  onEvent?(event: MultiLogStreamEvent): void;
  onError?(error: LogStreamError): void;
}

/** Finds every match of `pattern` in `text`: `[start, end)` pairs, empty matches skipped. */
export function findMatches(pattern: RegExp, text: string): [number, number][] {
  const ranges: [number, number][] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

/**
 * Searches a live source: every line that matches `pattern` (a RegExp, or a string read as one)
 * reaches `onMatches` with its match ranges. Counts what it has seen.
 *
 * @example
 * const search = new LogSearchStream(stream, /timeout after (\d+) ms/i);
 * search.subscribe({ onMatches: (ms) => ms.forEach((m) => console.log(m.line.text, m.ranges)) });
 */
export class LogSearchStream {
  readonly pattern: RegExp;
  /** Lines searched and lines that matched, since the search began. */
  readonly stats = { lines: 0, matches: 0 };

  constructor(
    private readonly source: LineSource,
    pattern: string | RegExp,
  ) {
    const re = toRegExp(pattern);
    this.pattern = re.global ? re : new RegExp(re.source, `${re.flags}g`);
  }

  get ready(): Promise<void> {
    return this.source.ready;
  }

  /** Starts searching for this subscriber; the source is followed while subscribed. */
  subscribe(subscriber: SearchSubscriber): Subscription<SearchSubscriber> {
    const inner = this.source.subscribe({
      onLines: (lines) => {
        const matches = this.search(lines);
        return matches.length > 0 ? subscriber.onMatches?.(matches) : undefined;
      },
      onEvent: subscriber.onEvent && ((event) => subscriber.onEvent?.(event)),
      onError: subscriber.onError && ((error) => subscriber.onError?.(error)),
    });
    const unsubscribe = () => inner.unsubscribe();
    return { subscriber, unsubscribe, [Symbol.dispose]: unsubscribe };
  }

  /** The matches in `lines` (also usable on lines from anywhere). */
  search(lines: readonly LogLine[]): SearchMatch[] {
    const out: SearchMatch[] = [];
    for (const line of lines) {
      const ranges = findMatches(this.pattern, line.text);
      if (ranges.length > 0) out.push({ line, ranges });
    }
    this.stats.lines += lines.length;
    this.stats.matches += out.length;
    return out;
  }
}
