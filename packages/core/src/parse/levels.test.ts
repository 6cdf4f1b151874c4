// Tests for the levels table: words, letters, pino/bunyan and syslog numbers, OpenTelemetry severities.
import { describe, expect, it } from 'vitest';
import { LOG_LEVELS, levelOfSeverityNumber, levelRank, parseLevel } from './levels.js';

describe('LOG_LEVELS and levelRank', () => {
  it('lists the seven levels in ascending severity', () => {
    expect(LOG_LEVELS).toEqual(['trace', 'debug', 'info', 'notice', 'warn', 'error', 'fatal']);
    expect(LOG_LEVELS.map(levelRank)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(Object.isFrozen(LOG_LEVELS)).toBe(true);
  });
});

describe('parseLevel', () => {
  const table: [string, string][] = [
    ['trace', 'trace'], ['finest', 'trace'], ['finer', 'trace'], ['verbose', 'trace'],
    ['debug', 'debug'], ['fine', 'debug'], ['dbg', 'debug'], ['debug2', 'debug'],
    ['info', 'info'], ['information', 'info'], ['informational', 'info'], ['log', 'info'],
    ['notice', 'notice'], ['note', 'notice'],
    ['warn', 'warn'], ['warning', 'warn'],
    ['error', 'error'], ['err', 'error'], ['severe', 'error'],
    ['fatal', 'fatal'], ['critical', 'fatal'], ['crit', 'fatal'], ['alert', 'fatal'], ['emerg', 'fatal'], ['emergency', 'fatal'], ['panic', 'fatal'],
  ];

  it.each(table)('reads the word %s as %s in lower, upper, capitalized and mixed case', (word, level) => {
    expect(parseLevel(word)).toBe(level);
    expect(parseLevel(word.toUpperCase())).toBe(level);
    expect(parseLevel(word[0]!.toUpperCase() + word.slice(1))).toBe(level);
    expect(parseLevel(word.replace(/^(.)(.)/, (_, a: string, b: string) => a + b.toUpperCase()))).toBe(level);
  });

  it('reads single letters in either case', () => {
    expect(['T', 'D', 'I', 'N', 'W', 'E', 'F', 'C'].map((l) => parseLevel(l))).toEqual(['trace', 'debug', 'info', 'notice', 'warn', 'error', 'fatal', 'fatal']);
    expect(parseLevel('w')).toBe('warn');
    expect(parseLevel('X')).toBeUndefined();
  });

  it('reads pino/bunyan numbers 10..60 by decade, and 60 up as fatal', () => {
    expect([10, 20, 30, 40, 50, 60].map((n) => parseLevel(n))).toEqual(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);
    expect(parseLevel(35)).toBe('info');
    expect(parseLevel(100)).toBe('fatal');
  });

  it('reads syslog severities 0..7', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => parseLevel(n))).toEqual(['fatal', 'fatal', 'fatal', 'error', 'warn', 'notice', 'info', 'debug']);
  });

  it('reads strings of digits as numbers, trims blanks', () => {
    expect(parseLevel('30')).toBe('info');
    expect(parseLevel('3')).toBe('error');
    expect(parseLevel(' WARN ')).toBe('warn');
  });

  it('names nothing for other words and numbers', () => {
    for (const value of ['', 'invalid', 'information2', 'warnings', 'debug6', 'status', 8, 9, -1, 2.5, Number.NaN]) {
      expect(parseLevel(value), String(value)).toBeUndefined();
    }
  });
});

describe('levelOfSeverityNumber (OpenTelemetry)', () => {
  it('maps 1..24 in groups of four', () => {
    expect([1, 4, 5, 8, 9, 12, 13, 16, 17, 20, 21, 24].map(levelOfSeverityNumber)).toEqual(['trace', 'trace', 'debug', 'debug', 'info', 'info', 'warn', 'warn', 'error', 'error', 'fatal', 'fatal']);
    expect(levelOfSeverityNumber(0)).toBeUndefined();
    expect(levelOfSeverityNumber(25)).toBeUndefined();
  });
});
