// ScreenBuffer: clipped puts, wide characters and their halves, fills, row compare and copy.
import { describe, expect, it } from 'vitest';
import { layoutLine } from './layout-line.js';
import { ScreenBuffer } from './screen-buffer.js';

describe('ScreenBuffer', () => {
  it('starts blank', () => {
    const screen = new ScreenBuffer(2, 4);
    expect(screen.rowText(0)).toBe('    ');
    expect(screen.styles[0]).toEqual({});
  });

  it('refuses impossible sizes', () => {
    expect(() => new ScreenBuffer(-1, 4)).toThrow(RangeError);
    expect(() => new ScreenBuffer(2, 1.5)).toThrow(/whole, non-negative/);
    expect(new ScreenBuffer(0, 0).rowText(0)).toBe('');
  });

  it('puts text clipped to the width and returns the next column', () => {
    const screen = new ScreenBuffer(1, 8);
    expect(screen.put(0, 2, 'abc', { bold: true })).toBe(5);
    expect(screen.rowText(0)).toBe('  abc   ');
    expect(screen.styles[2]).toEqual({ bold: true });
    expect(screen.put(0, 5, 'toolong')).toBe(8);
    expect(screen.rowText(0)).toBe('  abctoo');
    expect(screen.put(0, 0, 'abcdef', {}, 2)).toBe(2);
    expect(screen.rowText(0)).toBe('ababctoo');
  });

  it('shows controls in put text as escapes', () => {
    const screen = new ScreenBuffer(1, 10);
    screen.put(0, 0, 'a\x1b[2J');
    expect(screen.rowText(0)).toBe('a^[[2J    ');
    expect(screen.styles[1]).toEqual({ inverse: true });
  });

  it('stores a wide character and its continuation', () => {
    const screen = new ScreenBuffer(1, 4);
    screen.put(0, 0, '世界');
    expect(Array.from(screen.widths)).toEqual([2, 0, 2, 0]);
    expect(screen.rowText(0)).toBe('世界');
  });

  it('pads a wide character that would cross the right edge', () => {
    const screen = new ScreenBuffer(1, 4);
    expect(screen.put(0, 0, 'a世界')).toBe(4);
    expect(screen.rowText(0)).toBe('a世 ');
    screen.setCell(0, 3, '界', 2);
    expect(screen.rowText(0)).toBe('a世 ');
    expect(Array.from(screen.widths)).toEqual([1, 2, 0, 1]);
  });

  it('blanks the other half of a wide character written over', () => {
    const screen = new ScreenBuffer(1, 6);
    screen.put(0, 0, '世界字');
    screen.setCell(0, 1, 'x', 1); // right half of 世
    screen.setCell(0, 2, 'y', 1); // left half of 界
    expect(screen.rowText(0)).toBe(' xy 字');
    expect(Array.from(screen.widths)).toEqual([1, 1, 1, 1, 2, 0]);
    screen.setCell(0, 3, '日', 2); // over a space and the left half of 字
    expect(screen.rowText(0)).toBe(' xy日 ');
    expect(Array.from(screen.widths)).toEqual([1, 1, 1, 2, 0, 1]);
  });

  it('ignores writes outside the screen', () => {
    const screen = new ScreenBuffer(1, 3);
    screen.setCell(1, 0, 'x', 1);
    screen.setCell(0, -1, 'x', 1);
    screen.setCell(0, 3, 'x', 1);
    expect(screen.put(0, 5, 'abc')).toBe(5);
    expect(screen.rowText(0)).toBe('   ');
  });

  it('fills and clears', () => {
    const screen = new ScreenBuffer(2, 5);
    screen.fill(1, 1, 3, '-', { fg: 2 });
    expect(screen.rowText(1)).toBe(' --- ');
    screen.fill(0, -2, 10, '=');
    expect(screen.rowText(0)).toBe('=====');
    screen.clear({ bg: 4 });
    expect(screen.rowText(0)).toBe('     ');
    expect(screen.styles[9]).toEqual({ bg: 4 });
  });

  it('puts laid-out cells with their styles', () => {
    const screen = new ScreenBuffer(1, 6);
    expect(screen.putCells(0, 1, layoutLine('\x1b[31mab\x1b[0m世'))).toBe(5);
    expect(screen.rowText(0)).toBe(' ab世 ');
    expect(screen.styles[1]).toEqual({ fg: 1 });
  });

  it('compares and copies rows', () => {
    const a = new ScreenBuffer(2, 3);
    const b = new ScreenBuffer(2, 3);
    b.put(1, 0, 'x世', { bold: true });
    expect(a.sameRow(b, 0)).toBe(true);
    expect(a.sameRow(b, 1)).toBe(false);
    a.copyRow(b, 1);
    expect(a.sameRow(b, 1)).toBe(true);
    expect(a.rowText(1)).toBe('x世');
    b.put(1, 0, 'x', { bold: true, italic: false });
    expect(a.sameRow(b, 1)).toBe(true);
  });
});
