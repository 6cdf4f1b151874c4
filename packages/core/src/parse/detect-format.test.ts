// Tests for detectFormat: each format detected from a sample, ties, forced formats.
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.js';

describe('detectFormat', () => {
  const samples: [string, string[]][] = [
    ['json', ['{"level":30,"time":1700000000000,"msg":"a"}', '{"level":40,"time":1700000000001,"msg":"b"}']],
    ['json', ['{"msg":"2023-01-02 03:04:05 looks like text"}', '{"msg":"2023-01-02 03:04:06 looks like text"}']],
    ['logfmt', ['time=2023-01-02T03:04:05Z level=info msg=a', 'time=2023-01-02T03:04:06Z level=warn msg=b']],
    ['syslog', ['Header: x', 'Nov  3 09:23:38 host app[1]: a', 'Nov  3 09:23:39 host app[1]: b']],
    ['clf', ['::1 - - [02/Jan/2023:15:04:05 +0000] "GET / HTTP/1.1" 200 12']],
    ['glog', ['I0102 15:04:05.123456 1 main.go:1] a', 'E0102 15:04:05.123457 1 main.go:2] b']],
    ['python', ['2003-07-08 16:49:45,896 - app - INFO - a', 'Traceback (most recent call last):', '2003-07-08 16:49:46,000 - app - ERROR - b']],
    ['python', ['INFO:root:a', 'WARNING:root:b']],
    ['log4j', ['2023-01-02 03:04:05,678 [main] INFO  c.e.App - a', '\tat x', '2023-01-02 03:04:05,679 [main] WARN  c.e.App - b']],
    ['text', ['2023-01-02T03:04:05Z INFO a', '2023-01-02T03:04:06Z WARN b']],
    ['text', ['hello', 'world']],
    ['text', []],
  ];

  it.each(samples)('detects %s', (name, sample) => {
    expect(detectFormat(sample, { now: () => Date.UTC(2024, 0, 1) }).name).toBe(name);
  });

  it('prefers the format that reads more lines with a timestamp over one that reads more lines', () => {
    expect(detectFormat(['level=info msg=a', 'level=info msg=b', '2023-01-02T03:04:05Z x', '2023-01-02T03:04:06Z y', '2023-01-02T03:04:07Z z']).name).toBe('text');
  });

  it('returns the forced format without looking', () => {
    expect(detectFormat(['{"msg":"x"}'], { format: 'syslog' }).name).toBe('syslog');
  });

  it('returns a working format', () => {
    expect(detectFormat(['{"level":"info","msg":"a"}']).parse('{"level":"warn","msg":"b"}')).toEqual({ level: 'warn', message: 'b', fields: { level: 'warn', msg: 'b' } });
  });
});
