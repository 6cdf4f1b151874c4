// Unit tests of how unexpected errors are reported: one line, stack traces only when debugging.
import { describe, expect, it } from 'vitest';
import { describeUnexpected } from './report-error.js';

describe('describeUnexpected', () => {
  it('is one line without a stack trace by default', () => {
    const text = describeUnexpected(new Error('boom\nsecond line'), {});
    expect(text).toBe('logstream: internal error: boom second line (set LOGSTREAM_DEBUG=1 for details)\n');
  });

  it('adds the stack trace and causes with LOGSTREAM_DEBUG=1', () => {
    const error = new Error('outer', { cause: new Error('inner') });
    const text = describeUnexpected(error, { LOGSTREAM_DEBUG: '1' });
    expect(text.split('\n')[0]).toBe('logstream: internal error: outer');
    expect(text).toMatch(/\n\s+at /);
    expect(text).toContain('caused by: Error: inner');
  });

  it('describes thrown values that are not errors', () => {
    expect(describeUnexpected('just a string', {})).toMatch(/^logstream: internal error: just a string /);
  });
});
