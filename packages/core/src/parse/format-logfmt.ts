// logfmt lines (`time=… level=info msg="…" key=value`): every token a key=value pair, two at least.
import { isAlnum, isLetter, QUOTE, SPACE } from './chars.js';
import type { TimestampFinder } from './find-timestamp.js';
import { MESSAGE_JSON, MESSAGE_SLICE, type LineFormat, type LineScan, type ParsedLine } from './format-types.js';
import { KeyTable, skipString, ValueSpans } from './json-scan.js';
import { levelOfWord, parseLevel, type LogLevel } from './levels.js';
import { parseWith } from './message.js';
import { timeOfValue } from './time-value.js';

const slots = { count: 0 };
const KEYS = new KeyTable(slots);
const TIME_SLOTS = ['time', 'ts', 'timestamp', 't', 'date', 'datetime', '@timestamp'].map((name) => KEYS.add(name, 0));
const LEVEL_SLOTS = ['level', 'lvl', 'severity', 'loglevel'].map((name) => KEYS.add(name, 0));
const MESSAGE_SLOTS = ['msg', 'message'].map((name) => KEYS.add(name, 0));

/** Key characters after the first (a letter, `_` or `@`): letters, digits and `_ . - / @`. */
function isKeyChar(c: number): boolean {
  return isAlnum(c) || c === 0x5f || c === 0x2e || c === 0x2d || c === 0x2f || c === 0x40;
}

/** Calls `onPair(keyStart, keyEnd, valueStart, valueEnd)` for each pair; false when the line is not logfmt. */
function eachPair(text: string, onPair: (keyStart: number, keyEnd: number, valueStart: number, valueEnd: number) => void): boolean {
  let pairs = 0;
  let i = 0;
  const n = text.length;
  for (;;) {
    while (text.charCodeAt(i) === SPACE) i++;
    if (i >= n) return pairs >= 2;
    const keyStart = i;
    const first = text.charCodeAt(i);
    if (!isLetter(first) && first !== 0x5f && first !== 0x40) return false;
    while (isKeyChar(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 0x3d) return false;
    const keyEnd = i++;
    const valueStart = i;
    if (text.charCodeAt(i) === QUOTE) {
      i = skipString(text, i);
      if (i < 0) return false;
    } else {
      while (i < n && text.charCodeAt(i) !== SPACE && text.charCodeAt(i) !== QUOTE) i++;
    }
    if (i < n && text.charCodeAt(i) !== SPACE) return false;
    onPair(keyStart, keyEnd, valueStart, i);
    pairs++;
  }
}

/** The value `text[start, end)` unquoted (Go's quoting is JSON's for everything that matters here). */
function valueOf(text: string, start: number, end: number): string {
  if (text.charCodeAt(start) !== QUOTE) return text.slice(start, end);
  const raw = text.slice(start, end);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

/** logfmt as Go's logrus, go-kit and slog (text handler) write it. */
export class LogfmtFormat implements LineFormat {
  readonly name = 'logfmt';
  private readonly spans = new ValueSpans(slots.count);
  private readonly onPair = (keyStart: number, keyEnd: number, valueStart: number, valueEnd: number): void => {
    const key = KEYS.find(this.text, keyStart, keyEnd);
    if (key === undefined) return;
    this.spans.start[key.slot] = valueStart;
    this.spans.end[key.slot] = valueEnd;
    this.spans.seen[key.slot] = this.spans.line;
  };
  private text = '';

  constructor(private readonly finder: TimestampFinder) {}

  parse(text: string): ParsedLine | undefined {
    return parseWith(this, text);
  }

  scan(text: string, out: LineScan): boolean {
    if (text.indexOf('=') < 0) return false;
    this.text = text;
    this.spans.next();
    if (!eachPair(text, this.onPair)) return false;
    const spans = this.spans;
    for (const slot of TIME_SLOTS) {
      if (!spans.has(slot)) continue;
      out.timestamp = timeOfValue(this.finder, text, spans.start[slot]!, spans.end[slot]!);
      if (!Number.isNaN(out.timestamp)) break;
    }
    out.level = this.level(text);
    for (const slot of MESSAGE_SLOTS) {
      if (!spans.has(slot)) continue;
      out.messageStart = spans.start[slot]!;
      out.messageEnd = spans.end[slot]!;
      out.messageMode = text.charCodeAt(out.messageStart) === QUOTE ? MESSAGE_JSON : MESSAGE_SLICE;
      break;
    }
    return true;
  }

  private level(text: string): LogLevel | undefined {
    for (const slot of LEVEL_SLOTS) {
      if (!this.spans.has(slot)) continue;
      let start = this.spans.start[slot]!;
      let end = this.spans.end[slot]!;
      if (text.charCodeAt(start) === QUOTE) {
        start++;
        end--;
      }
      const level = levelOfWord(text, start, end) ?? parseLevel(text.slice(start, end));
      if (level !== undefined) return level;
    }
    return undefined;
  }

  messageOf(text: string): string {
    return text;
  }

  /** Every pair, values as strings (logfmt has no types). */
  fieldsOf(text: string): Readonly<Record<string, unknown>> | undefined {
    const fields: Record<string, unknown> = {};
    const ok = eachPair(text, (ks, ke, vs, ve) => {
      const key = text.slice(ks, ke);
      if (key !== '__proto__') fields[key] = valueOf(text, vs, ve);
    });
    return ok ? fields : undefined;
  }
}
