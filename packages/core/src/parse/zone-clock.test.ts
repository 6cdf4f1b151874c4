// Tests for local-time conversion in a daylight-saving zone (America/New_York), whatever the machine zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTimestamp } from './find-timestamp.js';
import { LogParser } from './log-parser.js';

// Local time in a zone with daylight saving, whatever the machine's own zone is.
const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('local time', () => {
  it('applies the offset in force at that time (EST in winter, EDT in summer)', () => {
    expect(new Date(2023, 0, 1).getTimezoneOffset()).toBe(300);
    expect(parseTimestamp('2023-01-15 12:00:00', { timeZone: 'local' })).toBe(Date.UTC(2023, 0, 15, 17));
    expect(parseTimestamp('2023-07-15 12:00:00', { timeZone: 'local' })).toBe(Date.UTC(2023, 6, 15, 16));
    expect(parseTimestamp('2023-07-15 12:00:00', { timeZone: 'utc' })).toBe(Date.UTC(2023, 6, 15, 12));
  });

  it('follows a daylight-saving change within one file (per-minute and per-hour caches)', () => {
    const parser = new LogParser({ timeZone: 'local' });
    const texts = ['2023-03-12 01:58:59.500 INFO a', '2023-03-12 01:59:59.999 INFO b', '2023-03-12 03:00:00.000 INFO c', '2023-03-12 03:00:30.000 INFO d', '2023-11-05 00:59:00 INFO e', '2023-11-05 02:30:00 INFO f'];
    const records = parser.parse(texts.map((text, i) => ({ text, path: 'x', offset: i, end: i + 1, seq: i + 1 })));
    expect(records.map((r) => r.timestamp)).toEqual([
      Date.UTC(2023, 2, 12, 6, 58, 59, 500),
      Date.UTC(2023, 2, 12, 6, 59, 59, 999),
      Date.UTC(2023, 2, 12, 7, 0, 0),
      Date.UTC(2023, 2, 12, 7, 0, 30),
      Date.UTC(2023, 10, 5, 4, 59),
      Date.UTC(2023, 10, 5, 7, 30),
    ]);
  });

  it('ignores the local zone when the text names one', () => {
    expect(parseTimestamp('2023-07-15T12:00:00+02:00', { timeZone: 'local' })).toBe(Date.UTC(2023, 6, 15, 10));
    expect(parseTimestamp('2023-07-15 12:00:00 PST', { timeZone: 'local' })).toBe(Date.UTC(2023, 6, 15, 20));
  });
});
