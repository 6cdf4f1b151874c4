// Drawing one log line into a row: scroll, window, fill, escapes.
import { describe, expect, it } from 'vitest';
import { drawLine } from './draw-line.js';
import { ScreenBuffer } from './screen-buffer.js';

describe('drawLine', () => {
  it('draws the visible part and blanks the rest of the row', () => {
    const screen = new ScreenBuffer(1, 8);
    screen.put(0, 0, 'xxxxxxxx');
    expect(drawLine(screen, 0, 'abc')).toBe(false);
    expect(screen.rowText(0)).toBe('abc     ');
  });

  it('scrolls sideways by display columns and reports more to the right', () => {
    const screen = new ScreenBuffer(1, 4);
    expect(drawLine(screen, 0, '世界abcdef', { offset: 1 })).toBe(true);
    expect(screen.rowText(0)).toBe(' 界a');
    expect(drawLine(screen, 0, '世界abcdef', { offset: 6 })).toBe(false);
    expect(screen.rowText(0)).toBe('cdef');
  });

  it('draws inside a column window with its styles', () => {
    const screen = new ScreenBuffer(1, 10);
    screen.put(0, 0, '|        |');
    drawLine(screen, 0, '\x1b[32mok\x1b[0m\tdone', { col: 1, width: 8, style: { bg: 4 } });
    expect(screen.rowText(0)).toBe('|ok      |');
    expect(screen.styles[1]).toEqual({ bg: 4, fg: 2 });
    expect(screen.styles[3]).toEqual({ bg: 4 });
  });

  it('shows hostile content escaped', () => {
    const screen = new ScreenBuffer(1, 12);
    drawLine(screen, 0, '\x1b]0;t\x07x', { sgr: true });
    expect(screen.rowText(0)).toBe('^[]0;t^Gx   ');
  });
});
