// Tests for timestampPattern: every strftime directive, precedence, year inference, errors.
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../errors/log-stream-error.js';
import { createFormat } from './create-format.js';
import { parseTimestamp } from './find-timestamp.js';
import { LogParser } from './log-parser.js';

const withPattern = (timestampPattern: string, now = Date.UTC(2024, 5, 15)) => ({ timestampPattern, timeZone: 'utc' as const, now: () => now });

describe('timestampPattern', () => {
  it('reads day-first dates the built-in forms do not know', () => {
    expect(parseTimestamp('02.01.2023 15:04:05 started', withPattern('%d.%m.%Y %H:%M:%S'))).toBe(Date.UTC(2023, 0, 2, 15, 4, 5));
    expect(parseTimestamp('02.01.2023 15:04:05 started', { timeZone: 'utc' })).toBeUndefined();
  });

  it('matches near the start, after a prefix', () => {
    expect(parseTimestamp('app-7 | 02.01.23 15:04 x', withPattern('%d.%m.%y %H:%M'))).toBe(Date.UTC(2023, 0, 2, 15, 4));
  });

  it('reads every directive', () => {
    expect(parseTimestamp('20230102 150405', withPattern('%Y%m%d %H%M%S'))).toBe(Date.UTC(2023, 0, 2, 15, 4, 5));
    expect(parseTimestamp('Mon, January 02, 2023 03:04:05 PM', withPattern('%a, %B %d, %Y %I:%M:%S %p'))).toBe(Date.UTC(2023, 0, 2, 15, 4, 5));
    expect(parseTimestamp('Monday 12:04:05 am 2023-01-02', withPattern('%A %I:%M:%S %p %F'))).toBe(Date.UTC(2023, 0, 2, 0, 4, 5));
    expect(parseTimestamp('2023-01-02T03:04:05.123456+01:00', withPattern('%FT%T.%f%z'))).toBe(Date.UTC(2023, 0, 2, 2, 4, 5) + 123.456);
    expect(parseTimestamp('2023-01-02 03:04:05 -0500', withPattern('%F %T %z'))).toBe(Date.UTC(2023, 0, 2, 8, 4, 5));
    expect(parseTimestamp('2023-01-02 03:04:05 JST', withPattern('%F %T %Z'))).toBe(Date.UTC(2023, 0, 1, 18, 4, 5));
    expect(parseTimestamp('2023/032 10:00', withPattern('%Y/%j %H:%M'))).toBe(Date.UTC(2023, 1, 1, 10));
    expect(parseTimestamp('t=1700000000.25 x', withPattern('t=%s.%f'))).toBe(1_700_000_000_250);
    expect(parseTimestamp('100% 2023-01-02 03:04', withPattern('100%% %F %H:%M'))).toBe(Date.UTC(2023, 0, 2, 3, 4));
  });

  it('infers the year when the pattern has none', () => {
    expect(parseTimestamp('Nov  3 09:23:38 x', withPattern('%b %e %T', Date.UTC(2024, 11, 1)))).toBe(Date.UTC(2024, 10, 3, 9, 23, 38));
    expect(parseTimestamp('Dec 30 09:23:38 x', withPattern('%b %e %T', Date.UTC(2024, 0, 5)))).toBe(Date.UTC(2023, 11, 30, 9, 23, 38));
  });

  it('takes precedence over the built-in forms, which still read lines it does not match', () => {
    const options = withPattern('%d/%m/%Y %H:%M:%S');
    // Day first by the pattern, although 2023-… comes later in the line.
    expect(parseTimestamp('01/02/2023 00:00:00 2023-05-05T00:00:00Z', options)).toBe(Date.UTC(2023, 1, 1));
    expect(parseTimestamp('2023-05-05T00:00:00Z x', options)).toBe(Date.UTC(2023, 4, 5));
  });

  it('applies to JSON time values and to every line of a parser', () => {
    const json = createFormat('json', withPattern('%d.%m.%Y %H:%M'));
    expect(json.parse('{"time":"02.01.2023 15:04","msg":"x"}')?.timestamp).toBe(Date.UTC(2023, 0, 2, 15, 4));
    const parser = new LogParser(withPattern('%d.%m.%Y %H:%M:%S'));
    const records = parser.parse(['02.01.2023 15:04:05 ERROR disk full', '  at somewhere'].map((text, i) => ({ text, path: 'p', offset: i, end: i + 1, seq: i + 1 })));
    expect(records.map((r) => [r.timestamp, r.level, r.continuation, r.message])).toEqual([
      [Date.UTC(2023, 0, 2, 15, 4, 5), 'error', false, 'disk full'],
      [Date.UTC(2023, 0, 2, 15, 4, 5), 'error', true, '  at somewhere'],
    ]);
  });

  it('rejects unknown directives and patterns without a date, saying what to do', () => {
    expect(() => parseTimestamp('x', { timestampPattern: '%Y-%m-%d %Q' })).toThrow(InvalidOptionError);
    expect(() => parseTimestamp('x', { timestampPattern: '%Y-%m-%d %Q' })).toThrow(/%Q is not supported/);
    expect(() => new LogParser({ timestampPattern: '%H:%M:%S' })).toThrow(/needs a date/);
    expect(() => new LogParser({ timestampPattern: '' })).toThrow(/non-empty/);
  });
});
