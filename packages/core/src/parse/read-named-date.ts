// Readers for date-times that start with a name: syslog's `Mmm dd hh:mm:ss`, ctime, RFC 1123.
import { digitsAt, isDigit, isLetter, SPACE } from './chars.js';
import { isWeekdayAt, monthAt } from './civil-time.js';
import { readDayMonthYear } from './read-numeric-date.js';
import { readTime, readZone, type TimeParts } from './time-parts.js';

const MIN_YEAR = 1970;
const MAX_YEAR = 2200;

/** A plausible four-digit year at `at` that ends there (not followed by a digit or `.`), or -1. */
function yearAt(text: string, at: number): number {
  const year = digitsAt(text, at, 4);
  const after = text.charCodeAt(at + 4);
  return year >= MIN_YEAR && year <= MAX_YEAR && !isDigit(after) && after !== 0x2e ? year : -1;
}

/**
 * `Mmm dd hh:mm:ss` (day space-padded or not, syslog) with an optional year after the day
 * (`Mmm dd yyyy hh:mm:ss`) or after the time and zone (ctime: `Mmm dd hh:mm:ss [ZONE ]yyyy`).
 * Without a year, `parts.hasYear` is false.
 */
export function readMonthFirst(text: string, at: number, parts: TimeParts): number {
  const month = monthAt(text, at);
  if (month === 0 || text.charCodeAt(at + 3) !== SPACE) return -1;
  let i = at + 4;
  if (text.charCodeAt(i) === SPACE) i++;
  const twoDigits = isDigit(text.charCodeAt(i + 1));
  const day = digitsAt(text, i, twoDigits ? 2 : 1);
  i += twoDigits ? 2 : 1;
  if (day < 1 || text.charCodeAt(i) !== SPACE) return -1;
  let year = yearAt(text, i + 1);
  if (year >= 0) {
    i += 5;
    if (text.charCodeAt(i) !== SPACE) return -1;
  }
  let end = readTime(text, i + 1, parts);
  if (end < 0) return -1;
  end = readZone(text, end, parts);
  if (year < 0 && text.charCodeAt(end) === SPACE) {
    year = yearAt(text, end + 1);
    if (year >= 0) end += 5;
  }
  parts.month = month;
  parts.day = day;
  parts.year = year;
  parts.hasYear = year >= 0;
  return end;
}

/** `Www Mmm dd hh:mm:ss [ZONE ]yyyy` (ctime, date(1)) or `Www, dd Mmm yyyy hh:mm:ss ZONE` (RFC 1123). */
export function readWeekdayFirst(text: string, at: number, parts: TimeParts): number {
  if (!isWeekdayAt(text, at)) return -1;
  let i = at + 3;
  while (isLetter(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 0x2c) i++;
  if (text.charCodeAt(i) !== SPACE) return -1;
  i++;
  if (isDigit(text.charCodeAt(i))) return readDayMonthYear(text, i, parts);
  const end = readMonthFirst(text, i, parts);
  return end >= 0 && parts.hasYear ? end : -1;
}

/** Any of the name-first forms at `at`; the index past it, or -1. */
export function readNamedDate(text: string, at: number, parts: TimeParts): number {
  if (monthAt(text, at) !== 0) return readMonthFirst(text, at, parts);
  return readWeekdayFirst(text, at, parts);
}
