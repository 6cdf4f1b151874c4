// Any line: a date-time near its start, a level word before or just after it, the rest as message.
import { ESC, isAlnum, skipAnsi, skipSeparators } from './chars.js';
import type { TimestampFinder } from './find-timestamp.js';
import { LineScan, type LineFormat, type ParsedLine } from './format-types.js';
import { levelMatch, scanLevel } from './level-scan.js';
import type { LogLevel } from './levels.js';
import { toParsedLine } from './message.js';

/** Whether `text[start, end)` holds a letter or digit outside ANSI escapes. */
function hasWord(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === ESC) i = skipAnsi(text, i) - 1;
    else if (isAlnum(c)) return true;
  }
  return false;
}

/** The level of a line without a timestamp: a bracketed, `:`-followed or upper-case level word among its first tokens. */
export function levelOfLine(text: string): LogLevel | undefined {
  return scanLevel(text, 0, text.length, false);
}

/** Generic text lines; `scan` accepts only lines with a timestamp (others may continue a message). */
export class TextFormat implements LineFormat {
  readonly name = 'text';

  constructor(private readonly finder: TimestampFinder) {}

  /** Any line parses as text; one without a timestamp has the whole line as message. */
  parse(text: string): ParsedLine {
    const scan = new LineScan();
    scan.reset(text.length);
    if (!this.scan(text, scan)) scan.level = levelOfLine(text);
    return toParsedLine(this, text, scan);
  }

  scan(text: string, out: LineScan): boolean {
    // A JSON object is never text, even with a date near its start: the JSON format reads it.
    if (text.charCodeAt(0) === 0x7b && text.charCodeAt(text.length - 1) === 0x7d) return false;
    const finder = this.finder;
    const ms = finder.find(text);
    if (Number.isNaN(ms)) return false;
    out.timestamp = ms;
    const start = finder.start;
    const end = finder.end;
    // A level before the time (`[INFO] 2023-…`) must look like one; right after the time any level word counts.
    let level = start > 0 ? scanLevel(text, 0, start, false) : undefined;
    let messageStart = end;
    let prefixEnd = 0;
    if (level !== undefined) prefixEnd = levelMatch.end;
    else {
      level = scanLevel(text, end, text.length, true);
      if (level !== undefined && levelMatch.token === 1) messageStart = levelMatch.end;
    }
    out.level = level;
    // Words before the time (a container name, a request id) keep the whole line as message.
    out.messageStart = start > 0 && hasWord(text, prefixEnd, start) ? 0 : skipSeparators(text, messageStart);
    return true;
  }

  messageOf(text: string): string {
    return text;
  }

  fieldsOf(): undefined {
    return undefined;
  }
}
