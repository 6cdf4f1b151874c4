// Tests for the glog format: level letters, inferred year, thread/file/line fields.
import { describe, expect, it } from 'vitest';
import { createFormat } from './create-format.js';

const glog = createFormat('glog', { timeZone: 'utc', now: () => Date.UTC(2025, 5, 1) });

describe('glog format', () => {
  it('reads level letter, month-day and time (year inferred), thread, file and line', () => {
    expect(glog.parse('E0517 15:04:22.619632 1952452992 logging_unittest.cc:253] Log every 3, iteration 19')).toEqual({
      timestamp: Date.UTC(2025, 4, 17, 15, 4, 22, 619) + 0.632,
      level: 'error',
      message: 'Log every 3, iteration 19',
      fields: { thread: 1_952_452_992, file: 'logging_unittest.cc', line: 253 },
    });
    expect(glog.parse('I0102 15:04:05.123456    52992 main.go:12] started')).toMatchObject({ timestamp: Date.UTC(2025, 0, 2, 15, 4, 5, 123) + 0.456, level: 'info', fields: { thread: 52_992 } });
    expect(glog.parse('W1231 23:00:00.000000 1 x.go:1] last year')).toMatchObject({ timestamp: Date.UTC(2024, 11, 31, 23), level: 'warn' });
  });

  it('rejects other lines', () => {
    for (const text of ['X0517 15:04:22.619632 1 a.cc:1] x', 'I0517 15:04:22.619632 thread a.cc:1] x', 'I0517 15:04:22 1 no-bracket x', 'Info 15:04:22', 'I1345 15:04:22.619632 1 a.cc:1] bad month']) {
      expect(glog.parse(text), text).toBeUndefined();
    }
  });
});
