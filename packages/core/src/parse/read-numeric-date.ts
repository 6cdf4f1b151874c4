// Readers for date-times that start with a digit: ISO 8601 / RFC 3339, access-log, day-month-year, epoch.
import { digitsAt, holdsAt, isAlnum, isDigit, isLetter, ownCopy, SPACE, twoDigitsAt } from './chars.js';
import { monthAt } from './civil-time.js';
import { readFraction, readSeconds, readTime, readZone, type TimeParts } from './time-parts.js';

/**
 * Consecutive lines mostly share their minute: the last ISO date-time's `yyyy-mm-ddThh:mm` is
 * kept, and a line that starts with the same one (one native comparison) is read from its seconds.
 */
const lastIso = { prefix: '', year: 0, month: 0, day: 0, hour: 0, minute: 0 };
const ISO_MINUTE_LENGTH = 16;

/**
 * `yyyy-mm-dd` (or with `/` or `.`, the same both times), then `T` or one space, then a time and
 * an optional zone: 2023-01-02T03:04:05.123456789Z, 2023/01/02 15:04:05, 2023-01-02 03:04:05,678.
 */
export function readIsoDate(text: string, at: number, parts: TimeParts): number {
  if (lastIso.prefix.length > 0 && holdsAt(text, at, lastIso.prefix)) {
    const end = readSeconds(text, at + ISO_MINUTE_LENGTH, parts);
    if (end < 0) return -1;
    parts.year = lastIso.year;
    parts.month = lastIso.month;
    parts.day = lastIso.day;
    parts.hour = lastIso.hour;
    parts.minute = lastIso.minute;
    return readZone(text, end, parts);
  }
  const sep = text.charCodeAt(at + 4);
  if (sep !== 0x2d && sep !== 0x2f && sep !== 0x2e) return -1;
  const year = digitsAt(text, at, 4);
  const month = twoDigitsAt(text, at + 5);
  const day = twoDigitsAt(text, at + 8);
  if (year < 0 || month < 0 || day < 0 || text.charCodeAt(at + 7) !== sep) return -1;
  const t = text.charCodeAt(at + 10);
  if (t !== 0x54 && t !== 0x74 && t !== SPACE) return -1;
  const end = readTime(text, at + 11, parts);
  if (end < 0) return -1;
  parts.year = year;
  parts.month = month;
  parts.day = day;
  if (end > at + ISO_MINUTE_LENGTH && (lastIso.minute !== parts.minute || lastIso.hour !== parts.hour || lastIso.day !== day || lastIso.month !== month || lastIso.year !== year || lastIso.prefix.length === 0)) {
    lastIso.prefix = ownCopy(text.slice(at, at + ISO_MINUTE_LENGTH));
    lastIso.year = year;
    lastIso.month = month;
    lastIso.day = day;
    lastIso.hour = parts.hour;
    lastIso.minute = parts.minute;
  }
  return readZone(text, end, parts);
}

/** `dd/Mon/yyyy:hh:mm:ss[.fff][ +hhmm]`, as access logs and haproxy write it. */
export function readAccessLogDate(text: string, at: number, parts: TimeParts): number {
  const day = twoDigitsAt(text, at);
  if (day < 0 || text.charCodeAt(at + 2) !== 0x2f || text.charCodeAt(at + 6) !== 0x2f || text.charCodeAt(at + 11) !== 0x3a) return -1;
  const month = monthAt(text, at + 3);
  const year = digitsAt(text, at + 7, 4);
  if (month === 0 || year < 0) return -1;
  const end = readTime(text, at + 12, parts);
  if (end < 0) return -1;
  parts.year = year;
  parts.month = month;
  parts.day = day;
  return readZone(text, end, parts);
}

/** `d[d] Mon yyyy hh:mm:ss` or `dd-Mon-yyyy hh:mm:ss` (Redis, Tomcat, RFC 2822 after its weekday). */
export function readDayMonthYear(text: string, at: number, parts: TimeParts): number {
  let i = at + (isDigit(text.charCodeAt(at + 1)) ? 2 : 1);
  const day = digitsAt(text, at, i - at);
  const sep = text.charCodeAt(i);
  if (sep !== SPACE && sep !== 0x2d) return -1;
  const month = monthAt(text, i + 1);
  if (month === 0 || text.charCodeAt(i + 4) !== sep) return -1;
  const year = digitsAt(text, i + 5, 4);
  i += 9;
  if (year < 0 || (text.charCodeAt(i) !== SPACE && text.charCodeAt(i) !== 0x3a)) return -1;
  const end = readTime(text, i + 1, parts);
  if (end < 0) return -1;
  parts.year = year;
  parts.month = month;
  parts.day = day;
  return readZone(text, end, parts);
}

/** Epoch seconds (10 digits, optional `.fraction`) or milliseconds (13 digits), not followed by a letter or digit. */
export function readEpoch(text: string, at: number, parts: TimeParts): number {
  let i = at;
  while (isDigit(text.charCodeAt(i))) i++;
  const count = i - at;
  if (count === 13) {
    if (isAlnum(text.charCodeAt(i))) return -1;
    parts.epochMs = Number(text.slice(at, i));
    return i;
  }
  if (count !== 10) return -1;
  const seconds = Number(text.slice(at, i));
  parts.fractionMs = 0;
  if (text.charCodeAt(i) === 0x2e && isDigit(text.charCodeAt(i + 1))) i = readFraction(text, i + 1, parts);
  if (isLetter(text.charCodeAt(i)) || isDigit(text.charCodeAt(i))) return -1;
  parts.epochMs = seconds * 1000 + parts.fractionMs;
  return i;
}

/** Any of the digit-first forms at `at` (epoch only when `epochAllowed`); the index past it, or -1. */
export function readNumericDate(text: string, at: number, parts: TimeParts, epochAllowed: boolean): number {
  if (isDigit(text.charCodeAt(at + 3))) {
    if (isDigit(text.charCodeAt(at + 4))) return epochAllowed ? readEpoch(text, at, parts) : -1;
    return readIsoDate(text, at, parts);
  }
  const third = text.charCodeAt(isDigit(text.charCodeAt(at + 1)) ? at + 2 : at + 1);
  if (third === 0x2f) return readAccessLogDate(text, at, parts);
  if (third === SPACE || third === 0x2d) return readDayMonthYear(text, at, parts);
  return -1;
}
