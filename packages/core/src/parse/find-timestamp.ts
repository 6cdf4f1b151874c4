// Finds a date-time at or near the start of a line (or at one place) and turns it into epoch ms.
import { COLON, ESC, holdsAt, isAlnum, isDigit, isUpper, OPEN_BRACKET, ownCopy, skipAnsi } from './chars.js';
import type { ParseOptions } from './format-types.js';
import { resolveParseOptions, type ResolvedParseOptions } from './parse-options.js';
import { readNamedDate } from './read-named-date.js';
import { readNumericDate } from './read-numeric-date.js';
import { readFraction, readZone, TimeParts } from './time-parts.js';
import type { TimestampPattern } from './timestamp-pattern.js';
import { ZoneClock } from './zone-clock.js';

/** A timestamp may start within this many characters of the line's start… */
const NEAR_START = 40;
/** …or, right after a `[`, within this many (bracketed fields such as uwsgi's `[Sun Mar 13 22:49:12 2016]`). */
const NEAR_START_BRACKETED = 80;

/** `yyyy-mm-ddThh:mm:ss`: the part of an ISO date-time that lines of one second share. */
const ISO_SECOND_LENGTH = 19;

/** Reads timestamps for one parser; remembers where the last one it found started and ended. */
export class TimestampFinder {
  readonly parts = new TimeParts();
  readonly clock: ZoneClock;
  private readonly pattern: TimestampPattern | undefined;
  start = 0;
  end = 0;
  /**
   * The last ISO date-time read to the second (its first 19 characters, a copy), its epoch
   * milliseconds at the start of that second, and its zone offset: a line that repeats them is
   * read from its fraction on. Per finder, as the epoch depends on this parser's time zone.
   */
  private secondPrefix = '';
  private secondEpoch = 0;
  private secondOffset = Number.NaN;

  constructor(options: ResolvedParseOptions) {
    this.clock = new ZoneClock(options.timeZone, options.now);
    this.pattern = options.pattern;
  }

  get hasPattern(): boolean {
    return this.pattern !== undefined;
  }

  /** The user's pattern near the start of `text`, if any; NaN when there is none or it does not match. */
  byPattern(text: string): number {
    const pattern = this.pattern;
    if (pattern === undefined || !pattern.match(text, this.parts)) return Number.NaN;
    const ms = this.clock.toEpoch(this.parts);
    this.start = pattern.start;
    this.end = pattern.end;
    return ms;
  }

  /** The first timestamp near the start of `text`: the user's pattern, else any built-in form. NaN when none. */
  find(text: string): number {
    if (this.pattern !== undefined) {
      const ms = this.byPattern(text);
      if (!Number.isNaN(ms)) return ms;
    }
    const n = text.length;
    const stop = Math.min(n, NEAR_START_BRACKETED);
    let first = true;
    let i = 0;
    while (i < stop) {
      const c = text.charCodeAt(i);
      if (isAlnum(c)) {
        if (i < NEAR_START || text.charCodeAt(i - 1) === OPEN_BRACKET) {
          const ms = this.at(text, i, first);
          if (!Number.isNaN(ms)) return ms;
        }
        first = false;
        do i++;
        while (i < n && isAlnum(text.charCodeAt(i)));
      } else if (c === ESC) i = skipAnsi(text, i);
      else i++;
    }
    return Number.NaN;
  }

  /** A built-in form starting exactly at `at` (epoch numbers only when `epochAllowed`); NaN when none. */
  at(text: string, at: number, epochAllowed: boolean): number {
    const c = text.charCodeAt(at);
    const parts = this.parts;
    parts.reset();
    let end: number;
    if (isDigit(c)) {
      if (this.secondPrefix.length > 0 && holdsAt(text, at, this.secondPrefix)) {
        const ms = this.sameSecond(text, at);
        if (!Number.isNaN(ms)) return ms;
        parts.reset();
      }
      end = readNumericDate(text, at, parts, epochAllowed);
    } else if (isUpper(c)) end = readNamedDate(text, at, parts);
    else return Number.NaN;
    if (end < 0) return Number.NaN;
    const ms = this.clock.toEpoch(parts);
    this.start = at;
    this.end = end;
    if (end >= at + ISO_SECOND_LENGTH && text.charCodeAt(at + 16) === COLON && isDigit(text.charCodeAt(at + 3)) && !isDigit(text.charCodeAt(at + 4))) this.rememberSecond(text, at, ms);
    return ms;
  }

  /**
   * `text` at `at` repeats the remembered second: reads the rest as readSeconds and readZone do.
   * NaN (read it in full) for a fraction finer than the millisecond, whose sum could round
   * differently, and for another zone.
   */
  private sameSecond(text: string, at: number): number {
    const parts = this.parts;
    let i = at + ISO_SECOND_LENGTH;
    const c = text.charCodeAt(i);
    if ((c === 0x2e || c === 0x2c) && isDigit(text.charCodeAt(i + 1))) i = readFraction(text, i + 1, parts);
    else if (c === COLON && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3)) && !isDigit(text.charCodeAt(i + 4))) i = readFraction(text, i + 1, parts);
    if (isDigit(text.charCodeAt(i)) || !Number.isInteger(parts.fractionMs)) return Number.NaN;
    const end = readZone(text, i, parts);
    const offset = parts.offset;
    if (offset !== this.secondOffset && !(Number.isNaN(offset) && Number.isNaN(this.secondOffset))) return Number.NaN;
    this.start = at;
    this.end = end;
    return this.secondEpoch + parts.fractionMs;
  }

  private rememberSecond(text: string, at: number, ms: number): void {
    const parts = this.parts;
    if (Number.isNaN(ms) || !Number.isInteger(parts.fractionMs) || !Number.isNaN(parts.epochMs)) return;
    if (this.secondPrefix.length === 0 || !holdsAt(text, at, this.secondPrefix)) this.secondPrefix = ownCopy(text.slice(at, at + ISO_SECOND_LENGTH));
    this.secondEpoch = ms - parts.fractionMs;
    this.secondOffset = parts.offset;
  }
}

const finders = new WeakMap<ParseOptions, TimestampFinder>();
let defaultFinder: TimestampFinder | undefined;

/**
 * The epoch milliseconds of the first date-time at or near the start of `text` (ISO 8601 /
 * RFC 3339, syslog, access-log, ctime, RFC 1123, epoch seconds or milliseconds, or the
 * `timestampPattern` of `options`); undefined when there is none.
 * @example parseTimestamp('2023-01-02T03:04:05.678Z GET /') // 1672628645678
 * @example parseTimestamp('Jan  2 03:04:05 host app: hi', { timeZone: 'utc', now: () => Date.UTC(2023, 5, 1) }) // 1672628645000
 */
export function parseTimestamp(text: string, options?: ParseOptions): number | undefined {
  let finder = options === undefined ? defaultFinder : finders.get(options);
  if (finder === undefined) {
    finder = new TimestampFinder(resolveParseOptions(options));
    if (options === undefined) defaultFinder = finder;
    else finders.set(options, finder);
  }
  const ms = finder.find(text);
  return Number.isNaN(ms) ? undefined : ms;
}
