// Turns read date-time parts into epoch milliseconds: zone (given, UTC or local) and missing years.
import { civilToMs, yearOfMs } from './civil-time.js';
import type { TimeParts } from './time-parts.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Hours of local offsets kept; a log rarely spans more, and a full cache simply starts over. */
const MAX_CACHED_HOURS = 4096;

/** Local-time offsets, looked up once per wall-clock hour (DST changes fall on whole hours almost everywhere). */
class LocalOffsets {
  private readonly byHour = new Map<number, number>();
  private lastHour = Number.NaN;
  private lastOffset = 0;

  /** Offset east of UTC in milliseconds for the local wall-clock time `wallMs` (read as if UTC). */
  at(wallMs: number): number {
    const hour = Math.floor(wallMs / HOUR_MS);
    if (hour === this.lastHour) return this.lastOffset;
    let offset = this.byHour.get(hour);
    if (offset === undefined) {
      const wall = new Date(hour * HOUR_MS);
      const local = new Date(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours());
      offset = hour * HOUR_MS - local.getTime();
      if (this.byHour.size >= MAX_CACHED_HOURS) this.byHour.clear();
      this.byHour.set(hour, offset);
    }
    this.lastHour = hour;
    this.lastOffset = offset;
    return offset;
  }
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Reads zones and years for one parser: `utc` or `local` for zone-less times, `now` for year-less ones. */
export class ZoneClock {
  private readonly local: LocalOffsets | undefined;
  /** The last minute computed: lines of one minute need only seconds added. */
  private minuteKey = -1;
  private minuteWall = 0;
  private minuteLocalOffset = Number.NaN;
  /** The year of `now` + 1 day, recomputed when `now` has moved on by a minute. */
  private yearNow = Number.NEGATIVE_INFINITY;
  private yearLimit = 0;
  /** Within a batch, `now()` as read for it (NaN: read it when first needed). */
  private batching = false;
  private batchNow = Number.NaN;

  constructor(
    timeZone: 'local' | 'utc',
    private readonly now: () => number,
  ) {
    this.local = timeZone === 'local' ? new LocalOffsets() : undefined;
  }

  /** Starts a batch of lines: until {@link endBatch} they share one reading of `now()`, taken when first needed. */
  startBatch(): void {
    this.batching = true;
    this.batchNow = Number.NaN;
  }

  endBatch(): void {
    this.batching = false;
  }

  private currentNow(): number {
    if (!this.batching) return this.now();
    if (Number.isNaN(this.batchNow)) this.batchNow = this.now();
    return this.batchNow;
  }

  /** Epoch milliseconds of `parts`, or NaN when they are out of range. */
  toEpoch(parts: TimeParts): number {
    if (!Number.isNaN(parts.epochMs)) return parts.epochMs;
    if (!parts.isValid()) return Number.NaN;
    if (parts.hasYear) return this.withYear(parts, parts.year);
    // The latest year that puts the time no more than a day after now.
    const limit = this.currentNow() + DAY_MS;
    if (limit < this.yearNow || limit - this.yearNow > MINUTE_MS) {
      this.yearNow = limit;
      this.yearLimit = yearOfMs(limit);
    }
    const year = this.yearLimit;
    for (let y = year; y > year - 8; y--) {
      if (parts.month === 2 && parts.day === 29 && !isLeapYear(y)) continue;
      const ms = this.withYear(parts, y);
      if (ms <= limit) return ms;
    }
    return Number.NaN;
  }

  private withYear(parts: TimeParts, year: number): number {
    const key = (((year * 16 + parts.month) * 32 + parts.day) * 32 + parts.hour) * 64 + parts.minute;
    if (key !== this.minuteKey) {
      this.minuteKey = key;
      this.minuteWall = civilToMs(year, parts.month, parts.day, parts.hour, parts.minute, 0, 0);
      this.minuteLocalOffset = Number.NaN;
    }
    const wall = this.minuteWall + parts.second * 1000 + parts.fractionMs;
    if (!Number.isNaN(parts.offset)) return wall - parts.offset * MINUTE_MS;
    if (this.local === undefined) return wall;
    // Zone offsets change on whole minutes: one lookup per minute.
    if (Number.isNaN(this.minuteLocalOffset)) this.minuteLocalOffset = this.local.at(this.minuteWall);
    return wall - this.minuteLocalOffset;
  }
}
