// glog/klog lines: `Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg`, L one of I W E F; the year is inferred.
import { digitsAt, isDigit, SPACE } from './chars.js';
import type { TimestampFinder } from './find-timestamp.js';
import type { LineFormat, LineScan, ParsedLine } from './format-types.js';
import { levelOfLetter } from './levels.js';
import { parseWith } from './message.js';
import { readTime } from './time-parts.js';

/** Reads glog lines; `read` leaves where the thread id and source location are on the instance. */
export class GlogFormat implements LineFormat {
  readonly name = 'glog';
  private threadStart = 0;
  private sourceStart = 0;
  private sourceEnd = 0;

  constructor(private readonly finder: TimestampFinder) {}

  parse(text: string): ParsedLine | undefined {
    return parseWith(this, text);
  }

  /** Epoch ms of the line's time, or NaN when the line is not glog. */
  private read(text: string): number {
    const c = text.charCodeAt(0);
    if (c !== 0x49 && c !== 0x57 && c !== 0x45 && c !== 0x46) return Number.NaN;
    const monthDay = digitsAt(text, 1, 4);
    if (monthDay < 0 || text.charCodeAt(5) !== SPACE) return Number.NaN;
    const parts = this.finder.parts;
    parts.reset();
    let i = readTime(text, 6, parts);
    if (i < 0 || text.charCodeAt(i) !== SPACE) return Number.NaN;
    while (text.charCodeAt(i) === SPACE) i++;
    this.threadStart = i;
    while (isDigit(text.charCodeAt(i))) i++;
    if (i === this.threadStart || text.charCodeAt(i) !== SPACE) return Number.NaN;
    const close = text.indexOf('] ', i);
    if (close < 0 && !text.endsWith(']')) return Number.NaN;
    this.sourceStart = i + 1;
    this.sourceEnd = close < 0 ? text.length - 1 : close;
    parts.month = Math.floor(monthDay / 100);
    parts.day = monthDay % 100;
    parts.hasYear = false;
    return this.finder.clock.toEpoch(parts);
  }

  scan(text: string, out: LineScan): boolean {
    const ms = this.read(text);
    if (Number.isNaN(ms)) return false;
    out.timestamp = ms;
    out.level = levelOfLetter(text, 0);
    out.messageStart = Math.min(text.length, this.sourceEnd + 2);
    return true;
  }

  messageOf(text: string): string {
    return text;
  }

  /** thread (number), file and line (number). */
  fieldsOf(text: string): Readonly<Record<string, unknown>> | undefined {
    if (Number.isNaN(this.read(text))) return undefined;
    const source = text.slice(this.sourceStart, this.sourceEnd);
    const colon = source.lastIndexOf(':');
    const fields: Record<string, unknown> = { thread: Number(text.slice(this.threadStart, this.sourceStart - 1)) };
    if (colon > 0 && /^\d+$/.test(source.slice(colon + 1))) {
      fields.file = source.slice(0, colon);
      fields.line = Number(source.slice(colon + 1));
    } else fields.source = source;
    return fields;
  }
}
