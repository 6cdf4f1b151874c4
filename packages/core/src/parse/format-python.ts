// Python logging: `asctime - name - LEVEL - msg`, `asctime:LEVEL:name:msg`, and basicConfig's `LEVEL:name:msg` (no time).
import { isDigit, isUpper } from './chars.js';
import type { TimestampFinder } from './find-timestamp.js';
import type { LineFormat, LineScan, ParsedLine } from './format-types.js';
import { levelOfWord, type LogLevel } from './levels.js';
import { parseWith } from './message.js';

/** The level names Python prints; only these start a line without a time. */
const PYTHON_LEVELS = new Set(['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL']);

/** The level an upper-case word `text[start, end)` names, or undefined. */
function upperLevel(text: string, start: number, end: number): LogLevel | undefined {
  return end > start && isUpper(text.charCodeAt(start)) && isUpper(text.charCodeAt(end - 1)) ? levelOfWord(text, start, end) : undefined;
}

/** Reads Python logging lines; `read` leaves the logger name and message positions on the instance. */
export class PythonFormat implements LineFormat {
  readonly name = 'python';
  private level: LogLevel | undefined;
  private nameStart = 0;
  private nameEnd = 0;
  private message = 0;

  constructor(private readonly finder: TimestampFinder) {}

  parse(text: string): ParsedLine | undefined {
    return parseWith(this, text);
  }

  /** `name:msg` from `at`, or just `msg` when what precedes the first `:` is not a logger name. */
  private readNameAndMessage(text: string, at: number): void {
    const colon = text.indexOf(':', at);
    const space = text.indexOf(' ', at);
    const named = colon > at && (space < 0 || colon < space);
    this.nameStart = at;
    this.nameEnd = named ? colon : at;
    this.message = named ? colon + 1 : at;
  }

  /** Epoch ms (NaN for the form without a time) or undefined when the line is not Python's. */
  private read(text: string): number | undefined {
    if (!isDigit(text.charCodeAt(0))) {
      const colon = text.indexOf(':');
      if (colon < 4 || colon > 8 || !PYTHON_LEVELS.has(text.slice(0, colon))) return undefined;
      // `LEVEL:name:` with a logger name, so that prose such as "ERROR: oops" is not taken for Python's.
      this.readNameAndMessage(text, colon + 1);
      if (this.nameEnd === this.nameStart) return undefined;
      this.level = levelOfWord(text, 0, colon);
      return Number.NaN;
    }
    const ms = this.finder.at(text, 0, false);
    if (Number.isNaN(ms)) return undefined;
    const i = this.finder.end;
    if (text.startsWith(' - ', i)) {
      const second = text.indexOf(' - ', i + 3);
      if (second < 0) return undefined;
      this.level = upperLevel(text, i + 3, second);
      if (this.level !== undefined) {
        this.nameStart = this.nameEnd = i + 3;
        this.message = second + 3;
        return ms;
      }
      const third = text.indexOf(' - ', second + 3);
      this.level = third < 0 ? undefined : upperLevel(text, second + 3, third);
      if (this.level === undefined) return undefined;
      this.nameStart = i + 3;
      this.nameEnd = second;
      this.message = third + 3;
      return ms;
    }
    if (text.charCodeAt(i) !== 0x3a) return undefined;
    const colon = text.indexOf(':', i + 1);
    this.level = colon < 0 ? undefined : upperLevel(text, i + 1, colon);
    if (this.level === undefined) return undefined;
    this.readNameAndMessage(text, colon + 1);
    return ms;
  }

  scan(text: string, out: LineScan): boolean {
    const ms = this.read(text);
    if (ms === undefined) return false;
    out.timestamp = ms;
    out.level = this.level;
    out.messageStart = this.message;
    return true;
  }

  messageOf(text: string): string {
    return text;
  }

  /** logger: the logger's name, when the line shows it. */
  fieldsOf(text: string): Readonly<Record<string, unknown>> | undefined {
    if (this.read(text) === undefined) return undefined;
    return this.nameEnd > this.nameStart ? { logger: text.slice(this.nameStart, this.nameEnd) } : {};
  }
}
