// One parsed line: its own or inherited time and level, and message and fields worked out on first read.
import type { LogLine } from '../framing/log-line.js';
import type { FormatName, LineFormat } from './format-types.js';
import type { LogLevel } from './levels.js';
import { messageOf } from './message.js';

/** A line as the parser understood it. */
export interface LogRecord {
  readonly line: LogLine;
  /** Its own timestamp, or the one of the message it continues. */
  readonly timestamp: number | undefined;
  /** Its own level, or the one of the message it continues. */
  readonly level: LogLevel | undefined;
  /** True when it belongs to the message above (stack trace line, indented line, line without timestamp after one with). */
  readonly continuation: boolean;
  readonly format: FormatName;
  readonly message: string;
  /** Computed on first access (a JSON line is only fully parsed then). */
  readonly fields: Readonly<Record<string, unknown>> | undefined;
}

const NOT_READ = Symbol('not read');

/** The parser's record: message and fields come from the line's text when first asked for. */
export class ParsedRecord implements LogRecord {
  private cachedMessage: string | undefined;
  private cachedFields: Readonly<Record<string, unknown>> | undefined | typeof NOT_READ = NOT_READ;

  constructor(
    readonly line: LogLine,
    readonly timestamp: number | undefined,
    readonly level: LogLevel | undefined,
    readonly continuation: boolean,
    readonly format: FormatName,
    /** The format that read the line; undefined for lines no format took (no fields, the whole line as message). */
    private readonly source: LineFormat | undefined,
    private readonly messageStart: number,
    private readonly messageEnd: number,
    private readonly messageMode: number,
  ) {}

  get message(): string {
    if (this.cachedMessage === undefined) {
      const text = this.line.text;
      this.cachedMessage = this.source === undefined ? text : messageOf(this.source, text, this.messageStart, this.messageEnd, this.messageMode);
    }
    return this.cachedMessage;
  }

  get fields(): Readonly<Record<string, unknown>> | undefined {
    if (this.cachedFields === NOT_READ) this.cachedFields = this.source?.fieldsOf(this.line.text);
    return this.cachedFields;
  }

  /** The record as plain data (getters included), for `JSON.stringify`. */
  toJSON(): LogRecord {
    const { line, timestamp, level, continuation, format, message, fields } = this;
    return { line, timestamp, level, continuation, format, message, fields };
  }
}
