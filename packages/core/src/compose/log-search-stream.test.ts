// LogSearchStream: live matches with ranges; filters and the execution monitor on records.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../parse/index.js';
import { LogStream } from '../stream/log-stream.js';
import { tempDir, waitFor } from '../test-utils/index.js';
import { ExecutionMonitor } from './execution-monitor.js';
import { LogSearchStream, findMatches, type SearchMatch } from './log-search-stream.js';
import { allOf, byLine, levelAtLeast, matchingLines, notMatchingLines, toRegExp } from './record-filters.js';

let seq = 0;
function rec(text: string, level: LogRecord['level'], continuation = false): LogRecord {
  return { line: { text, path: '/x.log', offset: 0, end: 0, seq: ++seq }, timestamp: undefined, level, continuation, format: 'text', message: text, fields: undefined };
}

describe('LogSearchStream', () => {
  it('reports each matching line of a live file with every match range', async () => {
    const file = join(tempDir(), 'app.log');
    writeFileSync(file, '');
    const stream = new LogStream(file);
    const search = new LogSearchStream(stream, 'time(out)? after \\d+');
    const found: SearchMatch[] = [];
    search.subscribe({ onMatches: (ms) => void found.push(...ms) });
    await search.ready;
    appendFileSync(file, 'ok\ntimeout after 30 ms, then time after 5 ms\nno match here\n');
    await waitFor(() => found.length >= 1, () => 'no match arrived');
    expect(found).toHaveLength(1);
    expect(found[0]?.line.text).toBe('timeout after 30 ms, then time after 5 ms');
    expect(found[0]?.ranges).toEqual([
      [0, 16],
      [26, 38],
    ]);
    await waitFor(() => search.stats.lines === 3, () => `searched ${search.stats.lines} lines`);
    expect(search.stats.matches).toBe(1);
    await stream.close();
  });

  it('finds ranges in UTF-16 units, skips empty matches, and rejects a bad pattern clearly', () => {
    expect(findMatches(/é+/g, 'aééb é')).toEqual([
      [1, 3],
      [5, 6],
    ]);
    expect(findMatches(/x*/g, 'abc')).toEqual([]);
    expect(() => new LogSearchStream({ subscribe: () => ({ unsubscribe: () => undefined }), ready: Promise.resolve() }, '(')).toThrow(/not a valid regular expression/);
  });
});

describe('record filters', () => {
  it('levelAtLeast keeps that level and above, drops records without a level, and rejects unknown levels', () => {
    const keep = levelAtLeast('warn');
    expect([rec('a', 'info'), rec('b', 'warn'), rec('c', 'fatal'), rec('d', undefined)].filter(keep).map((r) => r.line.text)).toEqual(['b', 'c']);
    expect(() => levelAtLeast('loud' as never)).toThrow(/unknown level/);
  });

  it('include and exclude patterns, combined with allOf, and stateless even with the g flag', () => {
    const pass = allOf(byLine(matchingLines(/disk|net/g)), byLine(notMatchingLines('ignored')));
    const texts = ['disk full', 'disk full', 'net ignored', 'cpu'].map((t) => rec(t, 'error'));
    expect(texts.filter(pass).map((r) => r.line.text)).toEqual(['disk full', 'disk full']);
    expect(() => toRegExp('[')).toThrow(/not a valid regular expression/);
  });
});

describe('ExecutionMonitor', () => {
  it('counts messages per level, keeps the first and latest error, calls back on errors, and measures the rate', () => {
    let now = 1_000_000;
    const errors: string[] = [];
    const monitor = new ExecutionMonitor({ now: () => now, rateWindowMs: 1000, onErrorRecord: (r) => errors.push(r.line.text) });
    monitor.onRecords([rec('start', 'info'), rec('boom', 'error'), rec('  at x', 'error', true), rec('plain', undefined)]);
    now += 500;
    monitor.onRecords([rec('slow', 'warn'), rec('dead', 'fatal')]);
    const s = monitor.snapshot();
    expect(s.total).toBe(6);
    expect(s.counts).toMatchObject({ info: 1, error: 1, warn: 1, fatal: 1, unknown: 1 });
    expect(s.firstError?.line.text).toBe('boom');
    expect(s.latestError?.line.text).toBe('dead');
    expect(errors).toEqual(['boom', 'dead']);
    expect(s.linesPerSecond).toBe(12);
    now += 5000;
    expect(monitor.snapshot().linesPerSecond).toBe(0);
    monitor.reset();
    expect(monitor.snapshot().total).toBe(0);
  });
});
