// Tests for the text format: level words around the timestamp, message start, lines without a time.
import { describe, expect, it } from 'vitest';
import { createFormat } from './create-format.js';

const text = createFormat('text', { timeZone: 'utc', now: () => Date.UTC(2024, 5, 1) });
const at = Date.UTC(2023, 0, 2, 3, 4, 5);

describe('text format', () => {
  it('reads a level word right after the time, in any case, bracketed or with a colon; the rest is the message', () => {
    expect(text.parse('2023-01-02 03:04:05 trace tracemessage')).toEqual({ timestamp: at, level: 'trace', message: 'tracemessage' });
    expect(text.parse('2023-01-02T03:04:05Z [WARN] disk low')).toEqual({ timestamp: at, level: 'warn', message: 'disk low' });
    expect(text.parse('2023-01-02 03:04:05 ERROR: failed')).toEqual({ timestamp: at, level: 'error', message: 'failed' });
    expect(text.parse('2023-01-02T03:04:05Z\tinfo\tMetrics\t{}')).toEqual({ timestamp: at, level: 'info', message: 'Metrics\t{}' });
    expect(text.parse('[2023-01-02 03:04:05] I started')).toEqual({ timestamp: at, level: 'info', message: 'started' });
  });

  it('reads a later level word only when it looks like one (bracketed, colon, upper case)', () => {
    expect(text.parse('2023-01-02T03:04:05Z 0 [Note] [MY-012487] [InnoDB] DDL')).toEqual({ timestamp: at, level: 'notice', message: '0 [Note] [MY-012487] [InnoDB] DDL' });
    expect(text.parse('2023-01-02 03:04:05 PDT [12345] LOG:  starting')).toMatchObject({ level: 'info', message: '[12345] LOG:  starting' });
    expect(text.parse('2023-01-02 03:04:05 user error occurred')).toEqual({ timestamp: at, message: 'user error occurred' });
    expect(text.parse('2023-01-02 03:04:05 invalid invalidmessage')?.level).toBeUndefined();
  });

  it('reads a level before the time, and keeps a prefix with words in the message', () => {
    expect(text.parse('[ERROR] 2023-01-02 03:04:05 failed')).toEqual({ timestamp: at, level: 'error', message: 'failed' });
    expect(text.parse('redis-1  | 1:M 02 Jan 2023 03:04:05.000 # Warning: no config')).toEqual({ timestamp: at, level: 'warn', message: 'redis-1  | 1:M 02 Jan 2023 03:04:05.000 # Warning: no config' });
  });

  it('parses lines without a time too: the whole line, a level only when it clearly is one', () => {
    expect(text.parse('WARNING: This is a development server.')).toEqual({ level: 'warn', message: 'WARNING: This is a development server.' });
    expect(text.parse(' * Debug mode: on')).toEqual({ message: ' * Debug mode: on' });
    expect(text.parse('Notice that this is prose')).toEqual({ message: 'Notice that this is prose' });
    expect(text.parse('Copyright (c) 2009-2025, Timothy Stack')).toEqual({ message: 'Copyright (c) 2009-2025, Timothy Stack' });
  });

  it('leaves JSON objects to the json format', () => {
    expect(text.parse('{"time":"2023-01-02T03:04:05Z","msg":"x"}')).toEqual({ message: '{"time":"2023-01-02T03:04:05Z","msg":"x"}' });
  });
});
