// Calendar arithmetic without Date: days from a civil date, month and weekday names, zone names.

const DAY_MS = 86_400_000;

/**
 * Milliseconds since the epoch of a UTC civil date-time (Howard Hinnant's days_from_civil).
 * `day` may run past the month's end (day-of-year arithmetic relies on it); `fractionMs` may
 * carry digits below the millisecond.
 */
export function civilToMs(year: number, month: number, day: number, hour: number, minute: number, second: number, fractionMs: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146_097 + doe - 719_468;
  return days * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + fractionMs;
}

/** The UTC year of an epoch-milliseconds instant (what `new Date(ms).getUTCFullYear()` says). */
export function yearOfMs(ms: number): number {
  // Civil-from-days, year only.
  const z = Math.floor(ms / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

/** A three-letter code from three characters, lower-cased: the key of the name tables below. */
function key3(text: string, at: number): number {
  return ((text.charCodeAt(at) | 0x20) << 16) | ((text.charCodeAt(at + 1) | 0x20) << 8) | (text.charCodeAt(at + 2) | 0x20);
}

function table(names: readonly string[]): Map<number, number> {
  return new Map(names.map((name, i) => [key3(name, 0), i + 1]));
}

const WEEKDAYS = table(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** Month 1..12 named by the three letters at `at` (any case), or 0. */
export function monthAt(text: string, at: number): number {
  const c = text.charCodeAt(at) | 0x20;
  const d = text.charCodeAt(at + 1) | 0x20;
  const e = text.charCodeAt(at + 2) | 0x20;
  switch (c) {
    case 0x6a: // j
      return d === 0x61 && e === 0x6e ? 1 : d === 0x75 ? (e === 0x6e ? 6 : e === 0x6c ? 7 : 0) : 0;
    case 0x66: // f
      return d === 0x65 && e === 0x62 ? 2 : 0;
    case 0x6d: // m
      return d === 0x61 ? (e === 0x72 ? 3 : e === 0x79 ? 5 : 0) : 0;
    case 0x61: // a
      return d === 0x70 && e === 0x72 ? 4 : d === 0x75 && e === 0x67 ? 8 : 0;
    case 0x73: // s
      return d === 0x65 && e === 0x70 ? 9 : 0;
    case 0x6f: // o
      return d === 0x63 && e === 0x74 ? 10 : 0;
    case 0x6e: // n
      return d === 0x6f && e === 0x76 ? 11 : 0;
    case 0x64: // d
      return d === 0x65 && e === 0x63 ? 12 : 0;
    default:
      return 0;
  }
}

/** Whether the three letters at `at` name a weekday (any case). */
export function isWeekdayAt(text: string, at: number): boolean {
  return at + 3 <= text.length && WEEKDAYS.has(key3(text, at));
}

/**
 * Zone abbreviations understood after a time, in minutes east of UTC. Abbreviations are not
 * unique worldwide; these are the common readings (CST is US Central, IST is India).
 */
const ZONES = new Map<string, number>(Object.entries({
  UTC: 0, UT: 0, GMT: 0, Z: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600,
  WET: 0, WEST: 60, BST: 60, CET: 60, CEST: 120, MET: 60, MEST: 120, EET: 120, EEST: 180, MSK: 180,
  IST: 330, SGT: 480, HKT: 480, JST: 540, KST: 540,
  AWST: 480, ACST: 570, ACDT: 630, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
}));

/** Offset in minutes of the zone abbreviation `text[start, end)` (upper case), or undefined. */
export function zoneOffsetMinutes(text: string, start: number, end: number): number | undefined {
  return end - start <= 4 ? ZONES.get(text.slice(start, end)) : undefined;
}
