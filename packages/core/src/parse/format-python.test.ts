// Tests for the Python logging format: the three layouts and what is not one.
import { describe, expect, it } from 'vitest';
import { createFormat } from './create-format.js';

const python = createFormat('python', { timeZone: 'utc' });

describe('python format', () => {
  it('reads `asctime - name - LEVEL - msg` and `asctime - LEVEL - msg`', () => {
    expect(python.parse('2003-07-08 16:49:45,896 - simple_example - WARNING - warn message')).toEqual({
      timestamp: Date.UTC(2003, 6, 8, 16, 49, 45, 896),
      level: 'warn',
      message: 'warn message',
      fields: { logger: 'simple_example' },
    });
    expect(python.parse('2003-07-08 16:49:45,896 - CRITICAL - it - is - bad')).toEqual({ timestamp: Date.UTC(2003, 6, 8, 16, 49, 45, 896), level: 'fatal', message: 'it - is - bad', fields: {} });
  });

  it('reads `asctime:LEVEL:name:msg` and `asctime:LEVEL:msg`', () => {
    expect(python.parse('2015-03-12T23:16:52.071:INFO:com.root:Response :')).toMatchObject({ timestamp: Date.UTC(2015, 2, 12, 23, 16, 52, 71), level: 'info', message: 'Response :', fields: { logger: 'com.root' } });
    expect(python.parse('2012-07-02 10:22:40,672:DEBUG:foo bar baz')).toEqual({ timestamp: Date.UTC(2012, 6, 2, 10, 22, 40, 672), level: 'debug', message: 'foo bar baz', fields: {} });
  });

  it("reads basicConfig's `LEVEL:name:msg`, which has no time", () => {
    expect(python.parse('ERROR:root:Something broke: badly')).toEqual({ level: 'error', message: 'Something broke: badly', fields: { logger: 'root' } });
  });

  it('rejects other lines', () => {
    for (const text of ['Traceback (most recent call last):', '  File "x.py", line 1, in <module>', 'Header1: abc', 'NOTE:root:x', '2003-07-08 16:49:45,896 - name - loud - x', '2003-07-08 16:49:45,896 INFO x', 'info:root:x']) {
      expect(python.parse(text), text).toBeUndefined();
    }
  });
});
