// Tests for parseTimestamp: every built-in date-time form, fractions, zones, epoch numbers, year inference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './find-timestamp.js';

const utc = { timeZone: 'utc' } as const;
const at = (text: string, now?: number): number | undefined => parseTimestamp(text, now === undefined ? utc : { ...utc, now: () => now });

describe('parseTimestamp: ISO 8601 / RFC 3339', () => {
  it('reads T or space, with Z, ±hh:mm, ±hhmm, ±hh or no zone', () => {
    const base = Date.UTC(2023, 0, 2, 3, 4, 5);
    expect(at('2023-01-02T03:04:05Z rest')).toBe(base);
    expect(at('2023-01-02 03:04:05z')).toBe(base);
    expect(at('2023-01-02T03:04:05+02:00')).toBe(base - 2 * 3_600_000);
    expect(at('2023-01-02T03:04:05-0530')).toBe(base + 5.5 * 3_600_000);
    expect(at('2023-01-02T03:04:05+02 x')).toBe(base - 2 * 3_600_000);
    expect(at('2023-01-02T03:04:05 hello')).toBe(base);
    expect(at('2023-01-02T03:04')).toBe(Date.UTC(2023, 0, 2, 3, 4));
  });

  it('reads fractions of any length, with . , or : and keeps digits below the millisecond', () => {
    const base = Date.UTC(2023, 0, 2, 3, 4, 5);
    expect(at('2023-01-02 03:04:05.6')).toBe(base + 600);
    expect(at('2023-01-02 03:04:05,678')).toBe(base + 678);
    expect(at('2023-01-02 03:04:05:678 INFO')).toBe(base + 678);
    expect(at('2023-01-02T03:04:05.123456Z')).toBe(base + 123.456);
    expect(at('2023-01-02T03:04:05.123456789Z')).toBe(base + 123.456789);
    expect(at('2023-01-02T03:04:05.1234567891234Z')).toBe(base + 123.456789);
  });

  it('reads lines of one minute from their seconds on, and tells a changed minute or layout', () => {
    const base = Date.UTC(2023, 0, 2, 3, 4);
    expect(['2023-01-02T03:04:05.5Z', '2023-01-02T03:04:06Z', '2023-01-02T03:04Z', '2023-01-02 03:04:07', '2023-01-02T03:04:075', '2023-01-02T03:05:01Z'].map((text) => at(text))).toEqual([base + 5500, base + 6000, base, base + 7000, undefined, base + 61_000]);
  });

  it('reads / and . as date separators, and a bracketed time', () => {
    expect(at('2023/01/02 15:04:05 x')).toBe(Date.UTC(2023, 0, 2, 15, 4, 5));
    expect(at('2023.01.02 15:04:05')).toBe(Date.UTC(2023, 0, 2, 15, 4, 5));
    expect(at('[2023-01-02 03:04:05.678] INFO started')).toBe(Date.UTC(2023, 0, 2, 3, 4, 5, 678));
  });

  it('reads zone names after a space', () => {
    const base = Date.UTC(2025, 7, 13, 1, 45, 1, 123);
    expect(at('2025-08-13 01:45:01.123 PDT [1] LOG: x')).toBe(base + 7 * 3_600_000);
    expect(at('2025-08-13 01:45:01.123 UTC')).toBe(base);
    expect(at('2025-08-13 01:45:01.123 CEST')).toBe(base - 2 * 3_600_000);
    expect(at('2025-08-13 01:45:01.123 INFO x')).toBe(base);
  });
});

describe('parseTimestamp: lines of one second', () => {
  it('a finder that read the same second before gives the same time as a fresh one', () => {
    const line = fc.record({
      second: fc.integer({ min: 58, max: 59 }),
      fraction: fc.oneof(fc.constant(''), fc.tuple(fc.constantFrom('.', ',', ':'), fc.stringMatching(/^[0-9]{1,10}$/)).map(([sep, digits]) => sep + digits)),
      zone: fc.constantFrom('', 'Z', 'z', '+02:00', '-0530', '+01', ' UTC', ' +0100', 'Zulu', ' PDT'),
      rest: fc.constantFrom('', ' INFO x', 'x', '5', ']'),
      separator: fc.constantFrom('T', ' '),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('utc', 'local'), (lines, timeZone) => {
        const shared = { timeZone } as const;
        for (const l of lines) {
          const text = `2023-03-26${l.separator}01:59:${l.second}${l.fraction}${l.zone}${l.rest}`;
          expect(parseTimestamp(text, shared)).toBe(parseTimestamp(text, { timeZone }));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseTimestamp: other forms', () => {
  it('reads access-log dates, with and without fraction', () => {
    expect(at('1.2.3.4 - - [20/Jul/2009:22:59:26 +0200] "GET /"')).toBe(Date.UTC(2009, 6, 20, 20, 59, 26));
    expect(at('02/Jan/2023:15:04:05 +0000')).toBe(Date.UTC(2023, 0, 2, 15, 4, 5));
    expect(at('[25/Feb/2019:16:19:48.143]')).toBe(Date.UTC(2019, 1, 25, 16, 19, 48, 143));
  });

  it('reads ctime, date(1) and RFC 1123 forms', () => {
    expect(at('Wed Oct 11 14:32:52 2000 x')).toBe(Date.UTC(2000, 9, 11, 14, 32, 52));
    expect(at('Wed Oct 11 14:32:52 UTC 2000')).toBe(Date.UTC(2000, 9, 11, 14, 32, 52));
    expect(at('Wed, 11 Oct 2000 14:32:52 GMT')).toBe(Date.UTC(2000, 9, 11, 14, 32, 52));
    expect(at('Wednesday, 11 Oct 2000 14:32:52 +0100')).toBe(Date.UTC(2000, 9, 11, 13, 32, 52));
  });

  it('reads day-month-year forms', () => {
    expect(at('1:C 25 Apr 2024 05:32:35.018 * Redis')).toBe(Date.UTC(2024, 3, 25, 5, 32, 35, 18));
    expect(at('02-Jan-2023 15:04:05.123 INFO')).toBe(Date.UTC(2023, 0, 2, 15, 4, 5, 123));
    expect(at('2 Jan 2023 15:04:05')).toBe(Date.UTC(2023, 0, 2, 15, 4, 5));
  });

  it('reads epoch seconds (10 digits, optional fraction) and milliseconds (13 digits) at the start only', () => {
    expect(at('1428634687123 Hello')).toBe(1_428_634_687_123);
    expect(at('1428634687 Hello')).toBe(1_428_634_687_000);
    expect(at('1428634687.25 Hello')).toBe(1_428_634_687_250);
    expect(at('id 1428634687123 Hello')).toBeUndefined();
    expect(at('14286346871234 Hello')).toBeUndefined();
    expect(at('1428634687abc')).toBeUndefined();
  });

  it('finds a time up to 40 characters in, or 80 when it is bracketed', () => {
    const pad = 'x'.repeat(35);
    expect(at(`${pad} 2023-01-02T03:04:05Z`)).toBe(Date.UTC(2023, 0, 2, 3, 4, 5));
    expect(at(`${pad}${pad} 2023-01-02T03:04:05Z`)).toBeUndefined();
    expect(at(`${pad}${pad} [2023-01-02T03:04:05Z]`)).toBe(Date.UTC(2023, 0, 2, 3, 4, 5));
    expect(at(`\u001b[2Kweb-1 | 2023-01-02T03:04:05Z`)).toBe(Date.UTC(2023, 0, 2, 3, 4, 5));
  });

  it('finds nothing in lines without a date and time', () => {
    for (const text of ['', 'Hello, World!', 'version 1.2.3 released', 'at 10.0.0.1:8080', '2023-01-02 only a date', '12:30:00 only a time', 'Mar 2023 sales', '2023-13-02 03:04:05', '2023-01-32 03:04:05', '2023-01-02 25:04:05', 'Copyright (c) 2009-2025, Timothy Stack']) {
      expect(at(text), text).toBeUndefined();
    }
  });
});

describe('parseTimestamp: years and zones', () => {
  const now = Date.UTC(2024, 5, 15, 12);

  it('gives syslog dates the year that puts them at most a day after now', () => {
    expect(at('Jun 15 11:00:00 host app: x', now)).toBe(Date.UTC(2024, 5, 15, 11));
    expect(at('Jun 16 11:00:00 host app: x', now)).toBe(Date.UTC(2024, 5, 16, 11));
    expect(at('Jun 16 13:00:00 host app: x', now)).toBe(Date.UTC(2023, 5, 16, 13));
    expect(at('Dec 31 23:59:59 host app: x', now)).toBe(Date.UTC(2023, 11, 31, 23, 59, 59));
    expect(at('Jan  1 00:00:10 host app: x', Date.UTC(2024, 11, 31, 23, 59))).toBe(Date.UTC(2025, 0, 1, 0, 0, 10));
  });

  it('gives Feb 29 the last leap year', () => {
    expect(at('Feb 29 10:00:00 host app: x', Date.UTC(2025, 5, 1))).toBe(Date.UTC(2024, 1, 29, 10));
  });

  it('reads a year after the day or after the time when there is one', () => {
    expect(at('Jan 02 2023 15:04:05 x', now)).toBe(Date.UTC(2023, 0, 2, 15, 4, 5));
    expect(at('Jan 02 15:04:05 2023 x', now)).toBe(Date.UTC(2023, 0, 2, 15, 4, 5));
  });

  it('reads zone-less times as local time by default', () => {
    expect(parseTimestamp('2023-07-02 03:04:05.250')).toBe(new Date(2023, 6, 2, 3, 4, 5, 250).getTime());
    expect(parseTimestamp('2023-01-02 03:04:05')).toBe(new Date(2023, 0, 2, 3, 4, 5).getTime());
    expect(parseTimestamp('2023-01-02T03:04:05Z')).toBe(Date.UTC(2023, 0, 2, 3, 4, 5));
  });

  it('rejects bad options with a message that says what to pass', () => {
    expect(() => parseTimestamp('x', { timeZone: 'mars' as 'utc' })).toThrow(/timeZone must be 'local' or 'utc'/);
  });
});
