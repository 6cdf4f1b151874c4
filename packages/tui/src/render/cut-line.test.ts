// Cutting laid-out lines to a column window, and wrapping them into rows, wide characters never split.
import { describe, expect, it } from 'vitest';
import { cutLine, wrapLine } from './cut-line.js';
import type { LineCells } from './layout-line.js';
import { layoutLine } from './layout-line.js';

const shown = (line: LineCells): string => line.chars.join('');

describe('cutLine', () => {
  it('keeps the columns of the window', () => {
    const line = layoutLine('0123456789');
    expect(shown(cutLine(line, 0, 4))).toBe('0123');
    expect(shown(cutLine(line, 3, 4))).toBe('3456');
    expect(shown(cutLine(line, 8, 4))).toBe('89');
    expect(shown(cutLine(line, 20, 4))).toBe('');
  });

  it('never splits a wide character: the visible half becomes a space', () => {
    const line = layoutLine('ab世界cd'); // a b 世世 界界 c d
    expect(shown(cutLine(line, 0, 3))).toBe('ab ');
    expect(shown(cutLine(line, 3, 4))).toBe(' 界c');
    expect(cutLine(line, 3, 4).columns).toBe(4);
    expect(shown(cutLine(line, 2, 4))).toBe('世界');
  });

  it('says whether the line goes on past the window', () => {
    const line = layoutLine('abcdef');
    expect(cutLine(line, 0, 6).truncated).toBe(false);
    expect(cutLine(line, 0, 5).truncated).toBe(true);
    expect(cutLine(layoutLine('abcdef', { maxColumns: 6 }), 2, 4).truncated).toBe(false);
    expect(cutLine(layoutLine('abcdefg', { maxColumns: 6 }), 2, 4).truncated).toBe(true);
  });

  it('keeps the styles of the cells it keeps', () => {
    const cut = cutLine(layoutLine('ab\x1b[31mcd'), 1, 2);
    expect(cut.styles).toEqual([{}, { fg: 1 }]);
  });
});

describe('wrapLine', () => {
  it('splits by display width', () => {
    expect(wrapLine(layoutLine('abcdefghij'), 4).map(shown)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapLine(layoutLine('abcd'), 4).map(shown)).toEqual(['abcd']);
  });

  it('moves a wide character that does not fit to the next row', () => {
    const rows = wrapLine(layoutLine('abc世d'), 4);
    expect(rows.map(shown)).toEqual(['abc ', '世d']);
    expect(rows.map((row) => row.columns)).toEqual([4, 3]);
  });

  it('gives an empty line one empty row', () => {
    expect(wrapLine(layoutLine(''), 10).map(shown)).toEqual(['']);
  });

  it('shows wide characters as spaces in a one-column view, and never loops', () => {
    expect(wrapLine(layoutLine('世a'), 1).map(shown)).toEqual([' ', 'a']);
    expect(wrapLine(layoutLine('ab'), 0).map(shown)).toEqual(['a', 'b']);
  });

  it('wraps tabs and escapes like any other cells', () => {
    expect(wrapLine(layoutLine('a\tb\x07'), 5).map(shown)).toEqual(['a    ', '   b^', 'G']);
  });
});
