// Unit tests of the binary search the views use to find a line in a filtered list.
import { describe, expect, it } from 'vitest';
import { firstIndexAtLeast } from './sorted-numbers.js';

describe('firstIndexAtLeast', () => {
  it('finds the first value at least the one asked for, or the length when none is', () => {
    const lines = [2, 5, 5, 9];
    expect(firstIndexAtLeast(lines, 0)).toBe(0);
    expect(firstIndexAtLeast(lines, 5)).toBe(1);
    expect(firstIndexAtLeast(lines, 6)).toBe(3);
    expect(firstIndexAtLeast(lines, 10)).toBe(4);
    expect(firstIndexAtLeast([], 3)).toBe(0);
  });
});
