// Tests for the JSON format: pino, bunyan, winston, zap, ECS, OpenTelemetry, Serilog, tracing, journald, Docker; edge cases.
import { describe, expect, it } from 'vitest';
import { createFormat } from './create-format.js';

const json = createFormat('json', { timeZone: 'utc' });
const parse = (value: unknown) => json.parse(typeof value === 'string' ? value : JSON.stringify(value));

describe('json format: the common loggers', () => {
  it('reads pino: numeric level, epoch-ms time, msg', () => {
    const line = parse({ level: 30, time: 1_745_532_517_537, pid: 17, hostname: 'h', msg: 'Charge request received.' });
    expect(line).toEqual({ timestamp: 1_745_532_517_537, level: 'info', message: 'Charge request received.', fields: { level: 30, time: 1_745_532_517_537, pid: 17, hostname: 'h', msg: 'Charge request received.' } });
    expect(parse({ level: 'error', time: 1_745_532_517_537, msg: 'x' })?.level).toBe('error');
  });

  it('reads bunyan: numeric level, ISO time', () => {
    expect(parse({ name: 'app', level: 50, msg: 'boom', time: '2023-03-24T14:26:16.243Z', v: 0 })).toMatchObject({ timestamp: Date.UTC(2023, 2, 24, 14, 26, 16, 243), level: 'error', message: 'boom' });
  });

  it('reads winston: level word, message, timestamp', () => {
    expect(parse({ level: 'warn', message: 'low disk', timestamp: '2024-01-02 03:04:05' })).toMatchObject({ timestamp: Date.UTC(2024, 0, 2, 3, 4, 5), level: 'warn', message: 'low disk' });
  });

  it('reads zap: ts in epoch seconds with a fraction', () => {
    const line = parse('{"level":"debug","ts":1700000000.123456,"caller":"main.go:12","msg":"tick"}');
    expect(line?.level).toBe('debug');
    expect(line?.timestamp).toBeCloseTo(1_700_000_000_123.456, 2);
  });

  it('reads Elastic ECS with log.level dotted or nested', () => {
    const at = Date.UTC(2024, 3, 25, 5, 32, 35, 18);
    expect(parse({ '@timestamp': '2024-04-25T05:32:35.018Z', 'log.level': 'warning', message: 'slow' })).toMatchObject({ timestamp: at, level: 'warn', message: 'slow' });
    expect(parse({ '@timestamp': '2024-04-25T05:32:35.018Z', log: { level: 'error', logger: 'x' }, message: 'bad' })).toMatchObject({ timestamp: at, level: 'error', message: 'bad' });
  });

  it('reads OpenTelemetry: nanosecond strings or numbers, severity text or number, body string or stringValue', () => {
    expect(parse({ timeUnixNano: '1700000000123456789', severityText: 'WARN', body: { stringValue: 'hello' } })).toMatchObject({ timestamp: 1_700_000_000_123 + 0.456_789, level: 'warn', message: 'hello' });
    expect(parse({ Timestamp: '1700000000123456789', SeverityNumber: 17, Body: 'oops' })).toMatchObject({ timestamp: 1_700_000_000_123 + 0.456_789, level: 'error', message: 'oops' });
    expect(parse({ timeUnixNano: '0', observedTimeUnixNano: 1_700_000_000_000_000_000, severityNumber: 9, body: 'late' })).toMatchObject({ timestamp: 1_700_000_000_000, level: 'info', message: 'late' });
    expect(parse({ timeUnixNano: 0, observedTimeUnixNano: '1700000000000000000', severityNumber: 21, body: 'x' })).toMatchObject({ timestamp: 1_700_000_000_000, level: 'fatal' });
  });

  it('reads Serilog compact: @t, @l (Information when absent), @m, or @mt rendered', () => {
    expect(parse({ '@t': '2024-01-02T03:04:05.678Z', '@mt': 'User {UserId} logged in from {@Ip:l}', UserId: 42, Ip: '10.0.0.1' })).toMatchObject({ timestamp: Date.UTC(2024, 0, 2, 3, 4, 5, 678), level: 'info', message: 'User 42 logged in from 10.0.0.1' });
    expect(parse({ '@t': '2024-01-02T03:04:05.678Z', '@m': 'Disk full', '@mt': 'Disk {D}', '@l': 'Error', D: 'full' })).toMatchObject({ level: 'error', message: 'Disk full' });
  });

  it('reads tracing (message inside fields), journald and Docker json-file', () => {
    expect(parse({ timestamp: '2025-10-28T19:15:10.821315Z', level: 'TRACE', fields: { message: 'shaving', yaks: 3 }, target: 't' })).toMatchObject({ timestamp: Date.UTC(2025, 9, 28, 19, 15, 10, 821) + 0.315, level: 'trace', message: 'shaving' });
    expect(parse({ __REALTIME_TIMESTAMP: '1700000000123456', PRIORITY: '3', MESSAGE: 'unit failed' })).toMatchObject({ timestamp: 1_700_000_000_123.456, level: 'error', message: 'unit failed' });
    expect(parse({ log: 'hello\n', stream: 'stdout', time: '2024-01-02T03:04:05.123456789Z' })).toMatchObject({ timestamp: Date.UTC(2024, 0, 2, 3, 4, 5) + 123.456789, message: 'hello' });
  });
});

describe('json format: edges', () => {
  it('unescapes messages, and takes the whole line when there is no message key', () => {
    expect(parse('{"msg":"tab\\there \\"quoted\\" \\u00e9","level":"info"}')?.message).toBe('tab\there "quoted" é');
    expect(parse('{"event":"login","user":"ann"}')?.message).toBe('{"event":"login","user":"ann"}');
    expect(parse('{"msg":42}')?.message).toBe('42');
  });

  it('prefers the first key of each priority list among the keys read, whatever their order in the line', () => {
    expect(parse('{"ts":1700000000,"time":"2024-01-02T03:04:05Z","lvl":"debug","level":"error","msg":"a","message":"b"}')).toMatchObject({ timestamp: Date.UTC(2024, 0, 2, 3, 4, 5), level: 'error', message: 'a' });
    // Once a time, a level and a message have been seen the rest is not read: the later "msg" is not looked at.
    expect(parse('{"message":"b","level":"info","time":"2024-01-02T03:04:05Z","msg":"a"}')?.message).toBe('b');
  });

  it('ignores keys nested deeper, and values that are not times or levels', () => {
    expect(parse('{"req":{"time":"2024-01-02T03:04:05Z","level":"error","msg":"inner"},"time":"soon","level":"loud","x":1}')).toEqual({ message: '{"req":{"time":"2024-01-02T03:04:05Z","level":"error","msg":"inner"},"time":"soon","level":"loud","x":1}', fields: { req: { time: '2024-01-02T03:04:05Z', level: 'error', msg: 'inner' }, time: 'soon', level: 'loud', x: 1 } });
  });

  it('accepts spaces around tokens and rejects what is not one JSON object', () => {
    expect(parse(' { "level" : "info" , "msg" : "x" } ')).toMatchObject({ level: 'info', message: 'x' });
    for (const text of ['', 'plain text', '[1,2]', '{"a":1} trailing', '{"a":1', '{a:1}', '{"a":"unterminated}', '"string"']) {
      expect(json.parse(text), text).toBeUndefined();
    }
  });

  it('stops reading once time, level and message are known, but still needs the closing brace', () => {
    expect(parse('{"time":"2024-01-02T03:04:05Z","level":"info","msg":"x","rest": [1, {"deep": true}]}')).toMatchObject({ level: 'info', message: 'x' });
    expect(json.parse('{"time":"2024-01-02T03:04:05Z","level":"info","msg":"x","rest":')).toBeUndefined();
  });
});
