// Tests for LogParser: continuation grouping, state across calls, detection, fallbacks, forced format, records.
import { describe, expect, it } from 'vitest';
import type { LogLine } from '../framing/log-line.js';
import { LogParser } from './log-parser.js';

let seq = 0;
/** LogLines for `texts`, as a stream would deliver them. */
function lines(...texts: string[]): LogLine[] {
  return texts.map((text) => ({ text, path: '/var/log/app.log', offset: seq, end: ++seq, seq }));
}
const summary = (parser: LogParser, ...texts: string[]) => parser.parse(lines(...texts)).map((r) => [r.timestamp, r.level, r.continuation, r.format, r.message]);
const utc = { timeZone: 'utc', now: () => Date.UTC(2024, 5, 1) } as const;

describe('LogParser: continuation lines', () => {
  it('groups a Java stack trace with its message; continuations inherit time and level', () => {
    const at = Date.UTC(2023, 0, 2, 3, 4, 5, 678);
    expect(summary(new LogParser(utc), '2023-01-02 03:04:05,678 [main] ERROR c.e.App - Request failed', 'java.lang.IllegalStateException: closed', '\tat c.e.App.run(App.java:10)', 'Caused by: java.io.IOException: reset', '\t... 3 more', '2023-01-02 03:04:06,000 [main] INFO  c.e.App - Recovered')).toEqual([
      [at, 'error', false, 'log4j', 'Request failed'],
      [at, 'error', true, 'log4j', 'java.lang.IllegalStateException: closed'],
      [at, 'error', true, 'log4j', '\tat c.e.App.run(App.java:10)'],
      [at, 'error', true, 'log4j', 'Caused by: java.io.IOException: reset'],
      [at, 'error', true, 'log4j', '\t... 3 more'],
      [Date.UTC(2023, 0, 2, 3, 4, 6), 'info', false, 'log4j', 'Recovered'],
    ]);
  });

  it('groups a Python traceback, also after a record without a time', () => {
    expect(summary(new LogParser(utc), 'ERROR:root:failed', 'Traceback (most recent call last):', '  File "x.py", line 1, in <module>', 'ZeroDivisionError: division by zero', 'INFO:root:next')).toEqual([
      [undefined, 'error', false, 'python', 'failed'],
      [undefined, 'error', true, 'python', 'Traceback (most recent call last):'],
      [undefined, 'error', true, 'python', '  File "x.py", line 1, in <module>'],
      [undefined, 'error', true, 'python', 'ZeroDivisionError: division by zero'],
      [undefined, 'info', false, 'python', 'next'],
    ]);
  });

  it('keeps the open message across calls', () => {
    const parser = new LogParser(utc);
    parser.parse(lines('2023-01-02T03:04:05Z WARN first'));
    expect(summary(parser, '  indented detail', '')).toEqual([
      [Date.UTC(2023, 0, 2, 3, 4, 5), 'warn', true, 'text', '  indented detail'],
      [Date.UTC(2023, 0, 2, 3, 4, 5), 'warn', true, 'text', ''],
    ]);
  });

  it('makes no continuations in a file without timestamps, nor before the first timestamp', () => {
    expect(summary(new LogParser(utc), 'Hello', '  World', 'ERROR: oops')).toEqual([
      [undefined, undefined, false, 'text', 'Hello'],
      [undefined, undefined, false, 'text', '  World'],
      [undefined, 'error', false, 'text', 'ERROR: oops'],
    ]);
    expect(summary(new LogParser(utc), 'Header1: abc', '2023-01-02T03:04:05Z x', 'tail').map((r) => r[2])).toEqual([false, false, true]);
  });

  it('makes the rest of a line cut at the length cap a continuation, whatever it looks like', () => {
    const [head, rest] = lines('2023-01-02T03:04:05Z ERROR huge', '2023-01-02T03:04:06Z INFO tail of the huge line');
    const records = new LogParser(utc).parse([{ ...head!, split: true }, rest!]);
    expect(records.map((r) => [r.timestamp, r.level, r.continuation])).toEqual([
      [Date.UTC(2023, 0, 2, 3, 4, 5), 'error', false],
      [Date.UTC(2023, 0, 2, 3, 4, 5), 'error', true],
    ]);
  });

  it('makes a non-JSON line after JSON lines a continuation, with no fields', () => {
    const parser = new LogParser(utc);
    const records = parser.parse(lines('{"level":50,"time":1700000000000,"msg":"boom"}', 'Error: boom', '    at main (index.js:1:1)'));
    expect(records.map((r) => [r.timestamp, r.level, r.continuation, r.format])).toEqual([
      [1_700_000_000_000, 'error', false, 'json'],
      [1_700_000_000_000, 'error', true, 'json'],
      [1_700_000_000_000, 'error', true, 'json'],
    ]);
    expect(records[0]!.fields).toEqual({ level: 50, time: 1_700_000_000_000, msg: 'boom' });
    expect(records[1]!.fields).toBeUndefined();
  });
});

describe('LogParser: formats', () => {
  it('detects the format from the first lines and reports it', () => {
    const parser = new LogParser(utc);
    expect(parser.format).toBeUndefined();
    parser.parse(lines(''));
    expect(parser.format).toBeUndefined();
    parser.parse(lines('time=2023-01-02T03:04:05Z level=info msg=a', 'time=2023-01-02T03:04:06Z level=info msg=b'));
    expect(parser.format).toBe('logfmt');
  });

  it('reads lines the detected format does not with another format (docker compose mixing services)', () => {
    expect(summary(new LogParser(utc), '2023-01-02T03:04:05Z INFO web started', '{"level":"warn","time":"2023-01-02T03:04:06Z","msg":"api slow"}', 'WARNING:worker:queue full', '2023-01-02T03:04:07Z ERROR web down')).toEqual([
      [Date.UTC(2023, 0, 2, 3, 4, 5), 'info', false, 'text', 'web started'],
      [Date.UTC(2023, 0, 2, 3, 4, 6), 'warn', false, 'json', 'api slow'],
      [undefined, 'warn', false, 'python', 'queue full'],
      [Date.UTC(2023, 0, 2, 3, 4, 7), 'error', false, 'text', 'web down'],
    ]);
    // A line the detected format reads stays with it, even when another would read it too.
    expect(summary(new LogParser(utc), '2023-01-02T03:04:05Z INFO web started', 'Jun  1 00:00:01 host cron[1]: tick')[1]).toEqual([Date.UTC(2024, 5, 1, 0, 0, 1), undefined, false, 'text', 'host cron[1]: tick']);
  });

  it('uses a forced format without detecting or falling back', () => {
    const parser = new LogParser({ ...utc, format: 'text' });
    expect(parser.format).toBe('text');
    expect(summary(parser, 'time=2023-01-02T03:04:05Z level=info msg=a', '{"msg":"x"}')).toEqual([
      // Words before the time ("time=") keep the whole line as message.
      [Date.UTC(2023, 0, 2, 3, 4, 5), undefined, false, 'text', 'time=2023-01-02T03:04:05Z level=info msg=a'],
      [Date.UTC(2023, 0, 2, 3, 4, 5), undefined, true, 'text', '{"msg":"x"}'],
    ]);
  });

  it('rejects unknown formats', () => {
    expect(() => new LogParser({ format: 'xml' as 'json' })).toThrow(/format must be 'auto' or one of json, logfmt/);
  });
});

describe('LogParser: records', () => {
  it('keep the line, compute fields on first access, and serialize with their getters', () => {
    const [line] = lines('Jun  1 00:00:01 host cron[12]: tick');
    const [record] = new LogParser(utc).parse([line!]);
    expect(record!.line).toBe(line);
    expect(record!.fields).toBe(record!.fields);
    expect(JSON.parse(JSON.stringify(record))).toEqual({ line, timestamp: Date.UTC(2024, 5, 1, 0, 0, 1), continuation: false, format: 'syslog', message: 'tick', fields: { host: 'host', app: 'cron', pid: 12 } });
  });
});
