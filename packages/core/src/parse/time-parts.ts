// The pieces of a date-time read from text, and the readers for its time, fraction and zone.
import { COLON, digitsAt, isDigit, isLetter, isUpper, SPACE, twoDigitsAt } from './chars.js';
import { zoneOffsetMinutes } from './civil-time.js';

/** Scratch that the date readers fill: one per reader, reused for every line. */
export class TimeParts {
  year = 0;
  month = 0;
  day = 0;
  hour = 0;
  minute = 0;
  second = 0;
  /** Milliseconds below the second, with any finer digits as a fraction. */
  fractionMs = 0;
  /** Minutes east of UTC; NaN when the text names no zone. */
  offset = Number.NaN;
  /** False for forms without a year (syslog, glog): the year is inferred. */
  hasYear = true;
  /** Set (instead of the civil fields) by epoch forms. */
  epochMs = Number.NaN;
  /** True when `day` counts from January 1st (`%j`) and may run to 366. */
  dayOfYear = false;

  reset(): void {
    this.fractionMs = 0;
    this.second = 0;
    this.offset = Number.NaN;
    this.hasYear = true;
    this.epochMs = Number.NaN;
    this.dayOfYear = false;
  }

  /** Whether the civil fields are in range (second 60 is a leap second). */
  isValid(): boolean {
    const days = this.dayOfYear ? 366 : 31;
    return this.month >= 1 && this.month <= 12 && this.day >= 1 && this.day <= days && this.hour <= 24 && this.minute <= 59 && this.second <= 60;
  }
}

const POWERS = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];
const MAX_FRACTION_DIGITS = 9;

/** Reads the fraction digits at `at` (after its `.` or `,`) into `parts`; returns the index past them. */
export function readFraction(text: string, at: number, parts: TimeParts): number {
  let i = at;
  let value = 0;
  let used = 0;
  for (let c = text.charCodeAt(i); isDigit(c); c = text.charCodeAt(++i)) {
    if (used < MAX_FRACTION_DIGITS) {
      value = value * 10 + (c - 0x30);
      used++;
    }
  }
  // Division by an exact power of ten rounds once, so 123456789 ns gives exactly 123.456789 ms.
  parts.fractionMs = used <= 3 ? value * POWERS[3 - used]! : value / POWERS[used - 3]!;
  return i;
}

/**
 * Reads `hh:mm[:ss][.fff|,fff|:fff]` at `at`; returns the index past it, or -1. The time must not
 * run on into more digits (so `12:30:456` is not a time).
 */
export function readTime(text: string, at: number, parts: TimeParts): number {
  const hour = twoDigitsAt(text, at);
  if (hour < 0 || text.charCodeAt(at + 2) !== COLON) return -1;
  const minute = twoDigitsAt(text, at + 3);
  if (minute < 0) return -1;
  parts.hour = hour;
  parts.minute = minute;
  return readSeconds(text, at + 5, parts);
}

/** Reads the optional `:ss[.fff|,fff|:fff]` that follows the minutes at `at`; the index past it, or -1. */
export function readSeconds(text: string, at: number, parts: TimeParts): number {
  let i = at;
  if (text.charCodeAt(i) === COLON && isDigit(text.charCodeAt(i + 1))) {
    const second = twoDigitsAt(text, i + 1);
    if (second < 0) return -1;
    parts.second = second;
    i += 3;
    const c = text.charCodeAt(i);
    if ((c === 0x2e || c === 0x2c) && isDigit(text.charCodeAt(i + 1))) i = readFraction(text, i + 1, parts);
    else if (c === COLON && digitsAt(text, i + 1, 3) >= 0 && !isDigit(text.charCodeAt(i + 4))) i = readFraction(text, i + 1, parts);
  }
  return isDigit(text.charCodeAt(i)) ? -1 : i;
}

/** Reads `±hh[:mm|mm]` at `at`; returns the index past it, or -1. */
function readNumericOffset(text: string, at: number, parts: TimeParts): number {
  const sign = text.charCodeAt(at) === 0x2d ? -1 : 1;
  const hours = twoDigitsAt(text, at + 1);
  if (hours < 0 || hours > 23) return -1;
  let minutes = 0;
  let end = at + 3;
  if (text.charCodeAt(end) === COLON && isDigit(text.charCodeAt(end + 1))) {
    minutes = twoDigitsAt(text, end + 1);
    end += 3;
  } else if (isDigit(text.charCodeAt(end))) {
    minutes = twoDigitsAt(text, end);
    end += 2;
  }
  if (minutes < 0 || minutes > 59 || isDigit(text.charCodeAt(end))) return -1;
  parts.offset = sign * (hours * 60 + minutes);
  return end;
}

/**
 * Reads a zone right after a time, if there is one: `Z`, `±hh:mm`, `±hhmm`, `±hh`, or after one
 * space `±hhmm` (access logs) or an abbreviation such as `UTC` or `PDT`. Returns the index past
 * the zone, or `at` when there is none.
 */
export function readZone(text: string, at: number, parts: TimeParts): number {
  const c = text.charCodeAt(at);
  if (c === 0x5a || c === 0x7a) {
    if (isLetter(text.charCodeAt(at + 1))) return at;
    parts.offset = 0;
    return at + 1;
  }
  if (c === 0x2b || c === 0x2d) {
    const end = readNumericOffset(text, at, parts);
    return end < 0 ? at : end;
  }
  if (c !== SPACE) return at;
  const next = text.charCodeAt(at + 1);
  if ((next === 0x2b || next === 0x2d) && isDigit(text.charCodeAt(at + 2))) {
    const end = readNumericOffset(text, at + 1, parts);
    return end < 0 ? at : end;
  }
  if (!isUpper(next)) return at;
  let end = at + 1;
  while (isUpper(text.charCodeAt(end))) end++;
  if (isLetter(text.charCodeAt(end))) return at;
  const offset = zoneOffsetMinutes(text, at + 1, end);
  if (offset === undefined) return at;
  parts.offset = offset;
  return end;
}
