// Syslog: RFC 3164 (`<PRI>Mmm dd hh:mm:ss host tag[pid]: msg`, also without <PRI> as in /var/log files, or with an RFC 3339 time) and RFC 5424.
import { digitsAt, isDigit, isUpper, SPACE } from './chars.js';
import type { TimestampFinder } from './find-timestamp.js';
import type { LineFormat, LineScan, ParsedLine } from './format-types.js';
import { scanLevel } from './level-scan.js';
import { levelOfNumber } from './levels.js';
import { parseWith } from './message.js';

/** A level word in a message without <PRI> is its first token (`error: …`, `<warn> …`, `[ERROR] …`). */
const MESSAGE_LEVEL_TOKENS = 1;
const HOST = 0;
const APP = 2;
const PID = 4;
const MSGID = 6;
const DATA = 8;
const FIELD_SPANS = [['host', HOST], ['app', APP], ['pid', PID], ['msgid', MSGID], ['structuredData', DATA]] as const;

/** Index of the next space at or after `at` (or the end). */
function nextSpace(text: string, at: number): number {
  const i = text.indexOf(' ', at);
  return i < 0 ? text.length : i;
}

/** Index past RFC 5424 structured data at `at` (`-` or `[id k="v"]…`), or -1. */
function skipStructuredData(text: string, at: number): number {
  if (text.charCodeAt(at) === 0x2d) return at + 1;
  let i = at;
  while (text.charCodeAt(i) === 0x5b) {
    let quoted = false;
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x5c) i++;
      else if (c === 0x22) quoted = !quoted;
      else if (c === 0x5d && !quoted) break;
    }
    if (i >= text.length) return -1;
    i++;
  }
  return i === at ? -1 : i;
}

/** Reads syslog lines; `read` leaves the positions of the parts it found on the instance. */
export class SyslogFormat implements LineFormat {
  readonly name = 'syslog';
  private pri = -1;
  private timestamp = Number.NaN;
  /** Start and end of host, app, pid, msgid and structured data, in that order (equal: absent). */
  private readonly spans = new Int32Array(10);
  private message = 0;

  constructor(private readonly finder: TimestampFinder) {}

  parse(text: string): ParsedLine | undefined {
    return parseWith(this, text);
  }

  scan(text: string, out: LineScan): boolean {
    if (!this.read(text)) return false;
    out.timestamp = this.timestamp;
    out.level = this.pri >= 0 ? levelOfNumber(this.pri & 7) : scanLevel(text, this.message, text.length, false, MESSAGE_LEVEL_TOKENS);
    out.messageStart = this.message;
    return true;
  }

  private read(text: string): boolean {
    let i = 0;
    this.pri = -1;
    const spans = this.spans;
    spans[APP] = spans[APP + 1] = spans[PID] = spans[PID + 1] = spans[MSGID] = spans[MSGID + 1] = spans[DATA] = spans[DATA + 1] = 0;
    if (text.charCodeAt(0) === 0x3c) {
      const close = text.indexOf('>', 1);
      if (close < 2 || close > 4) return false;
      this.pri = digitsAt(text, 1, close - 1);
      if (this.pri < 0 || this.pri > 191) return false;
      i = close + 1;
      if (text.charCodeAt(i) === 0x31 && text.charCodeAt(i + 1) === SPACE) return this.read5424(text, i + 2);
    }
    const c = text.charCodeAt(i);
    const iso = isDigit(c);
    if (!iso && !isUpper(c)) return false;
    this.timestamp = this.finder.at(text, i, false);
    if (Number.isNaN(this.timestamp) || text.charCodeAt(this.finder.end) !== SPACE) return false;
    // Without <PRI> an ISO time must be RFC 3339 (T and zone), as rsyslog writes it: other ISO lines are plain text.
    if (iso && this.pri < 0 && (text.charCodeAt(i + 10) !== 0x54 || Number.isNaN(this.finder.parts.offset))) return false;
    const hostStart = this.finder.end + 1;
    const hostEnd = nextSpace(text, hostStart);
    if (hostEnd === hostStart || hostEnd >= text.length) return false;
    this.spans[HOST] = hostStart;
    this.spans[HOST + 1] = hostEnd;
    return this.readTag(text, hostEnd + 1, !iso);
  }

  /** `tag[pid]: ` or `tag: `; without one, the message follows the host (BSD form only). */
  private readTag(text: string, at: number, optional: boolean): boolean {
    let i = at;
    for (let c = text.charCodeAt(i); i < text.length && c !== 0x5b && c !== 0x3a && c !== SPACE; c = text.charCodeAt(++i));
    let end = i;
    if (i > at && text.charCodeAt(i) === 0x5b) {
      const close = text.indexOf(']', i);
      if (close > i) {
        this.spans[PID] = i + 1;
        this.spans[PID + 1] = close;
        end = close + 1;
      } else end = -1;
    }
    if (i > at && end > 0 && text.charCodeAt(end) === 0x3a && (end + 1 === text.length || text.charCodeAt(end + 1) === SPACE)) {
      this.spans[APP] = at;
      this.spans[APP + 1] = i;
      this.message = Math.min(text.length, end + 2);
      return true;
    }
    this.spans[PID] = this.spans[PID + 1] = 0;
    this.message = at;
    return optional;
  }

  /** `1 TIMESTAMP HOST APP PROCID MSGID SD [MSG]`, any of the five fields `-` for none. */
  private read5424(text: string, at: number): boolean {
    let i = at;
    this.timestamp = Number.NaN;
    if (text.charCodeAt(i) === 0x2d) i++;
    else {
      this.timestamp = this.finder.at(text, i, false);
      if (Number.isNaN(this.timestamp)) return false;
      i = this.finder.end;
    }
    for (let part = HOST; part <= MSGID; part += 2) {
      if (text.charCodeAt(i) !== SPACE) return false;
      const start = i + 1;
      i = nextSpace(text, start);
      // `-` is the nil value: an empty span.
      this.spans[part] = i - start === 1 && text.charCodeAt(start) === 0x2d ? i : start;
      this.spans[part + 1] = i;
    }
    if (text.charCodeAt(i) !== SPACE) return false;
    const sdEnd = skipStructuredData(text, i + 1);
    if (sdEnd < 0) return false;
    this.spans[DATA] = text.charCodeAt(i + 1) === 0x2d ? sdEnd : i + 1;
    this.spans[DATA + 1] = sdEnd;
    this.message = Math.min(text.length, sdEnd + 1);
    if (text.charCodeAt(this.message) === 0xfeff) this.message++;
    return true;
  }

  messageOf(text: string): string {
    return text;
  }

  /** host, app, pid, and when present facility, severity (from PRI), msgid and structuredData. */
  fieldsOf(text: string): Readonly<Record<string, unknown>> | undefined {
    if (!this.read(text)) return undefined;
    const fields: Record<string, unknown> = {};
    const spans = this.spans;
    for (const [name, at] of FIELD_SPANS) if (spans[at + 1]! > spans[at]!) fields[name] = text.slice(spans[at], spans[at + 1]);
    if (typeof fields.pid === 'string' && /^\d+$/.test(fields.pid)) fields.pid = Number(fields.pid);
    if (this.pri >= 0) {
      fields.facility = this.pri >> 3;
      fields.severity = this.pri & 7;
    }
    return fields;
  }
}
