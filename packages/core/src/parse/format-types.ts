// The public shapes of formats and parsed lines, and the scratch a format fills for each line.
import type { LogLevel } from './levels.js';

/** The formats the parser knows; `text` is any line, with or without a timestamp. */
export type FormatName = 'json' | 'logfmt' | 'syslog' | 'clf' | 'glog' | 'python' | 'log4j' | 'text';

/** What one line says, as a format reads it. */
export interface ParsedLine {
  /** Milliseconds since the Unix epoch, UTC; may carry a fraction for micro- or nanoseconds. */
  timestamp?: number;
  level?: LogLevel;
  /** The message part: for text formats the line after its timestamp/level prefix, or the whole line. */
  message: string;
  /** JSON object, logfmt pairs, syslog host/app/pid, access-log method/path/status… */
  fields?: Readonly<Record<string, unknown>>;
}

/** One log format: reads single lines. */
export interface LogFormat {
  readonly name: FormatName;
  /**
   * Parses one line; undefined when the line is not in this format (e.g. a continuation line).
   * @example createFormat('logfmt').parse('level=warn msg="disk full"') // { level: 'warn', message: 'disk full', fields: {…} }
   */
  parse(text: string): ParsedLine | undefined;
}

/** How lines are read: format, timestamp pattern, zone and clock. */
export interface ParseOptions {
  /** Force one format instead of detecting. @default 'auto' */
  format?: FormatName | 'auto';
  /**
   * The user's own timestamp pattern, strftime-style: %Y %y %m %d %e %H %M %S %f (fraction, any
   * digits) %z (Z, ±hh:mm, ±hhmm) %b %B %a %A %p %I %j %s (epoch s) %T %F %%; matched at or near
   * the start of a line. It is tried before the built-in forms.
   * @example { timestampPattern: '%d.%m.%Y %H:%M:%S' }
   */
  timestampPattern?: string;
  /** Zone for timestamps that carry none. @default 'local' */
  timeZone?: 'local' | 'utc';
  /** Now, for formats without a year (syslog, glog): the year is the one that puts the time not more than a day in the future. @default Date.now */
  now?: () => number;
}

/** The message is `text.slice(messageStart, messageEnd)`. */
export const MESSAGE_SLICE = 0;
/** The message is the JSON string literal `text.slice(messageStart, messageEnd)` (with its quotes). */
export const MESSAGE_JSON = 1;
/** The message is what the format's `messageOf` computes (from the scan's `messageStart` and `messageEnd`). */
export const MESSAGE_COMPUTED = 2;

/** What a format found in one line; one per parser, reused for every line. */
export class LineScan {
  /** NaN when the line has no timestamp. */
  timestamp = Number.NaN;
  level: LogLevel | undefined = undefined;
  messageStart = 0;
  messageEnd = 0;
  messageMode = MESSAGE_SLICE;

  /** Clears the scan for a line of `length` characters: no timestamp, no level, the whole line as message. */
  reset(length: number): void {
    this.timestamp = Number.NaN;
    this.level = undefined;
    this.messageStart = 0;
    this.messageEnd = length;
    this.messageMode = MESSAGE_SLICE;
  }
}

/** A format as the parser drives it: scans into reusable scratch, and works out message and fields only on demand. */
export interface LineFormat extends LogFormat {
  /** Reads `text` into `out`; true when the line is a record in this format. */
  scan(text: string, out: LineScan): boolean;
  /** The message of a line scanned with {@link MESSAGE_COMPUTED}; `start` and `end` are what the scan left in `messageStart`/`messageEnd`. */
  messageOf(text: string, start: number, end: number): string;
  /** The fields of a line this format accepted, or undefined. */
  fieldsOf(text: string): Readonly<Record<string, unknown>> | undefined;
}
