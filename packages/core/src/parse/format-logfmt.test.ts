// Tests for the logfmt format: pairs, quoting, time/level/msg keys, what is not logfmt.
import { describe, expect, it } from 'vitest';
import { createFormat } from './create-format.js';

const logfmt = createFormat('logfmt', { timeZone: 'utc' });

describe('logfmt format', () => {
  it('reads time, level and msg, with all pairs as string fields', () => {
    expect(logfmt.parse('time="2021-09-15T21:17:11.674149Z" level=warning msg="Failed to DeletePod" error="pod \\"x\\" is not found" reason= status=Pending')).toEqual({
      timestamp: Date.UTC(2021, 8, 15, 21, 17, 11, 674) + 0.149,
      level: 'warn',
      message: 'Failed to DeletePod',
      fields: { time: '2021-09-15T21:17:11.674149Z', level: 'warning', msg: 'Failed to DeletePod', error: 'pod "x" is not found', reason: '', status: 'Pending' },
    });
  });

  it('reads unquoted messages, other key names, epoch times', () => {
    expect(logfmt.parse('ts=1700000000 lvl=ERROR message=boom caller=main.go:12')).toMatchObject({ timestamp: 1_700_000_000_000, level: 'error', message: 'boom' });
    expect(logfmt.parse('t=2024-01-02T03:04:05+01:00 severity=info a=1')).toMatchObject({ timestamp: Date.UTC(2024, 0, 2, 2, 4, 5), level: 'info' });
  });

  it('takes the whole line as message without a msg key, and has no timestamp without a time key', () => {
    expect(logfmt.parse('method=GET path=/ status=200')).toEqual({ message: 'method=GET path=/ status=200', fields: { method: 'GET', path: '/', status: '200' } });
  });

  it('needs two pairs and nothing but pairs', () => {
    for (const text of ['level=info', 'hello level=info msg=x', 'level=info msg="unterminated', 'level=info msg="x"y', '2023-01-02 level=info msg=x', 'a = b c = d', '']) {
      expect(logfmt.parse(text), text).toBeUndefined();
    }
  });
});
