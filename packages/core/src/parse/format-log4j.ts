// log4j / logback / Spring Boot lines: a time, then `[thread] LEVEL logger - msg` or `LEVEL [thread] logger : msg` and kin.
import { isAlnum, isDigit, isUpper, SPACE } from './chars.js';
import type { TimestampFinder } from './find-timestamp.js';
import { MESSAGE_COMPUTED, type LineFormat, type LineScan, type ParsedLine } from './format-types.js';
import { levelOfWord, type LogLevel } from './levels.js';
import { parseWith } from './message.js';

function skipSpaces(text: string, at: number): number {
  let i = at;
  while (text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** Reads log4j-style lines; `read` leaves thread, logger and message positions on the instance. */
export class Log4jFormat implements LineFormat {
  readonly name = 'log4j';
  private level: LogLevel | undefined;
  private threadStart = 0;
  private threadEnd = 0;
  private loggerStart = 0;
  private loggerEnd = 0;
  private message = 0;

  constructor(private readonly finder: TimestampFinder) {}

  parse(text: string): ParsedLine | undefined {
    return parseWith(this, text);
  }

  /** Reads `[thread]` at `at` into `this.thread`; the index after it, or `at` when there is none. */
  private readThread(text: string, at: number): number {
    if (text.charCodeAt(at) !== 0x5b) return at;
    // A loop, not indexOf: thread names are short, and the call costs more than the search.
    let close = at + 1;
    while (close < text.length && text.charCodeAt(close) !== 0x5d) close++;
    if (close === text.length) return at;
    this.threadStart = at + 1;
    this.threadEnd = close;
    return skipSpaces(text, close + 1);
  }

  /**
   * Epoch ms, or NaN when the line is not log4j-like: a level word and a thread or a ` - `/` : `
   * separator. With a thread the line is accepted after it and `loggerStart` is where the logger
   * (if any) begins; the logger and message are looked for only when asked ({@link readLogger}).
   */
  private read(text: string): number {
    if (!isDigit(text.charCodeAt(0))) return Number.NaN;
    const ms = this.finder.at(text, 0, false);
    if (Number.isNaN(ms) || text.charCodeAt(this.finder.end) !== SPACE) return Number.NaN;
    this.threadStart = this.threadEnd = 0;
    let i = this.readThread(text, skipSpaces(text, this.finder.end));
    const levelStart = i;
    while (isAlnum(text.charCodeAt(i))) i++;
    this.level = i > levelStart && isUpper(text.charCodeAt(levelStart)) && isUpper(text.charCodeAt(i - 1)) ? levelOfWord(text, levelStart, i) : undefined;
    if (this.level === undefined || (i < text.length && text.charCodeAt(i) !== SPACE)) return Number.NaN;
    i = skipSpaces(text, i);
    // Spring Boot: `LEVEL pid --- [thread] logger : msg`.
    if (isDigit(text.charCodeAt(i))) {
      let pidEnd = i;
      while (isDigit(text.charCodeAt(pidEnd))) pidEnd++;
      if (text.startsWith(' --- ', pidEnd)) i = skipSpaces(text, pidEnd + 5);
    }
    if (this.threadEnd === 0) i = this.readThread(text, i);
    this.loggerStart = i;
    return this.threadEnd > 0 || this.readLogger(text, i) ? ms : Number.NaN;
  }

  /**
   * `logger - ` or `logger : ` at `at`: sets `loggerEnd` and `message` and returns true; without
   * a separator the message starts at `at` (no logger) and it returns false.
   */
  private readLogger(text: string, at: number): boolean {
    const loggerEnd = text.indexOf(' ', at);
    const separator = loggerEnd < 0 ? text.length : skipSpaces(text, loggerEnd);
    const c = text.charCodeAt(separator);
    const found = (c === 0x2d || c === 0x3a) && (separator + 1 === text.length || text.charCodeAt(separator + 1) === SPACE);
    this.loggerEnd = found ? loggerEnd : at;
    this.message = found ? Math.min(text.length, separator + 2) : at;
    return found;
  }

  scan(text: string, out: LineScan): boolean {
    const ms = this.read(text);
    if (Number.isNaN(ms)) return false;
    out.timestamp = ms;
    out.level = this.level;
    out.messageStart = this.loggerStart;
    out.messageMode = MESSAGE_COMPUTED;
    return true;
  }

  /** The message after the logger and its separator, from where the scan left off. */
  messageOf(text: string, start: number): string {
    this.readLogger(text, start);
    return text.slice(this.message);
  }

  /** thread and logger, when the line shows them. */
  fieldsOf(text: string): Readonly<Record<string, unknown>> | undefined {
    if (Number.isNaN(this.read(text))) return undefined;
    this.readLogger(text, this.loggerStart);
    const fields: Record<string, unknown> = {};
    if (this.threadEnd > this.threadStart) fields.thread = text.slice(this.threadStart, this.threadEnd).trim();
    if (this.loggerEnd > this.loggerStart) fields.logger = text.slice(this.loggerStart, this.loggerEnd);
    return fields;
  }
}
