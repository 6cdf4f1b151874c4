// Unit tests of the view's line cache: the ring of recent lines, windows kept by use, and clear.
import type { LogRecord } from '@logstream/core';
import { describe, expect, it } from 'vitest';
import { LineCache, WINDOW } from './line-cache.js';

/** Records for lines [from, from + count), 0-based (a record's `line.seq` is its line number + 1). */
function records(from: number, count: number): LogRecord[] {
  return Array.from({ length: count }, (_, i) => ({ line: { seq: from + i + 1, text: `line ${from + i}` } }) as unknown as LogRecord);
}

describe('LineCache', () => {
  it('keeps the last 1,024 lines of the growing end, in order, across appends', () => {
    const cache = new LineCache();
    cache.keepRecent(0, records(0, 600));
    cache.keepRecent(600, records(600, 600));
    expect(cache.get(1199)?.line.text).toBe('line 1199');
    expect(cache.get(176)?.line.text).toBe('line 176');
    expect(cache.get(175)).toBeUndefined();
    // Lines that do not follow the kept ones (after a reset, or a gap) start the ring again.
    cache.keepRecent(5000, records(5000, 10));
    expect(cache.get(1199)).toBeUndefined();
    expect(cache.get(5009)?.line.text).toBe('line 5009');
    // Recent lines are not windows: a window read still fills them in.
    expect(cache.has(5009)).toBe(false);
  });

  it('keeps windows read on demand, dropping the ones used longest ago past 50,000 lines', () => {
    const cache = new LineCache();
    const windows = Math.floor(50_000 / WINDOW); // as many whole windows as fit
    for (let w = 0; w < windows; w++) cache.remember(records(w * WINDOW, WINDOW));
    // Using the first window makes it the last to go.
    expect(cache.get(0)?.line.text).toBe('line 0');
    cache.remember(records(windows * WINDOW, WINDOW));
    expect(cache.has(0)).toBe(true);
    expect(cache.has(WINDOW)).toBe(false);
    expect(cache.get(windows * WINDOW)?.line.text).toBe(`line ${windows * WINDOW}`);
    cache.clear();
    expect(cache.get(0)).toBeUndefined();
  });
});
