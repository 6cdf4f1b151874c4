// Apache/nginx access logs, common and combined: `host ident user [date] "request" status size ["referer" "agent"]`.
import type { TimestampFinder } from './find-timestamp.js';
import type { LineFormat, LineScan, ParsedLine } from './format-types.js';
import type { LogLevel } from './levels.js';
import { parseWith } from './message.js';

/** Everything after the date; the date itself is read by the shared access-log date reader. */
const AFTER_DATE = /\] "((?:[^"\\]|\\.)*)" (\d{3}) (\d+|-)(?: "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)")?/y;
const REQUEST = /^(\S+) (\S+)(?: (\S+))?$/;

/** 5xx error, 4xx warn, anything else info. */
function levelOfStatus(text: string, at: number): LogLevel {
  const c = text.charCodeAt(at);
  return c === 0x35 ? 'error' : c === 0x34 ? 'warn' : 'info';
}

/** Reads access-log lines; the status decides the level. */
export class ClfFormat implements LineFormat {
  readonly name = 'clf';
  private dateStart = 0;
  private dateEnd = 0;

  constructor(private readonly finder: TimestampFinder) {}

  parse(text: string): ParsedLine | undefined {
    return parseWith(this, text);
  }

  /** Finds ` [dd/Mon/yyyy:…]` after the host, ident and user; NaN when the line has none. */
  private readDate(text: string): number {
    const open = text.indexOf(' [');
    // host, ident and user: at least two spaces before the date (the user may hold spaces in some servers).
    if (open < 5 || text.indexOf(' ') === open) return Number.NaN;
    const ms = this.finder.at(text, open + 2, false);
    if (Number.isNaN(ms) || text.charCodeAt(this.finder.end) !== 0x5d || text.charCodeAt(open + 4) !== 0x2f) return Number.NaN;
    this.dateStart = open + 2;
    this.dateEnd = this.finder.end;
    return ms;
  }

  scan(text: string, out: LineScan): boolean {
    const ms = this.readDate(text);
    if (Number.isNaN(ms)) return false;
    AFTER_DATE.lastIndex = this.dateEnd;
    const rest = AFTER_DATE.exec(text);
    if (rest === null) return false;
    out.timestamp = ms;
    out.level = levelOfStatus(rest[2]!, 0);
    out.messageStart = this.dateEnd + 2;
    return true;
  }

  messageOf(text: string): string {
    return text;
  }

  /** host, ident, user, method, path, protocol, status, size, and referer and userAgent (combined format). */
  fieldsOf(text: string): Readonly<Record<string, unknown>> | undefined {
    if (Number.isNaN(this.readDate(text))) return undefined;
    AFTER_DATE.lastIndex = this.dateEnd;
    const rest = AFTER_DATE.exec(text);
    if (rest === null) return undefined;
    const [host = '', ident = '', ...user] = text.slice(0, this.dateStart - 2).split(' ');
    const fields: Record<string, unknown> = { host, ident, user: user.join(' ') };
    const request = REQUEST.exec(rest[1]!);
    if (request) {
      fields.method = request[1];
      fields.path = request[2];
      if (request[3] !== undefined) fields.protocol = request[3];
    } else fields.request = rest[1];
    fields.status = Number(rest[2]);
    fields.size = rest[3] === '-' ? 0 : Number(rest[3]);
    if (rest[4] !== undefined) fields.referer = rest[4];
    if (rest[5] !== undefined) fields.userAgent = rest[5];
    return fields;
  }
}
