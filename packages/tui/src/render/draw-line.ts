// Draws one log line into a screen row: laid out, scrolled sideways, cut to the width.
import { cutLine } from './cut-line.js';
import type { LayoutOptions } from './layout-line.js';
import { layoutLine } from './layout-line.js';
import type { ScreenBuffer } from './screen-buffer.js';
import type { Style } from './style.js';

export interface DrawLineOptions extends Omit<LayoutOptions, 'maxColumns'> {
  /** The first screen column to draw in. @default 0 */
  col?: number;
  /** How many columns to draw; the rest of the row after `col` by default. */
  width?: number;
  /** How many display columns of the line to skip (horizontal scroll). @default 0 */
  offset?: number;
  /** The style of the blank space after a short line; the line's `style` by default. */
  fillStyle?: Style;
}

/**
 * Draws `text` at `row` in the columns [col, col + width), starting `offset` display columns
 * into the line, and blanks the rest of those columns. Only the visible part of a long line is
 * laid out. Returns whether the line goes on past the right edge (for a `›` marker, say).
 *
 * @example
 * const more = drawLine(screen, 3, line.text, { offset: scrollX, style: { fg: Colors.gray } });
 */
export function drawLine(screen: ScreenBuffer, row: number, text: string, options: DrawLineOptions = {}): boolean {
  const col = options.col ?? 0;
  const width = Math.max(0, Math.min(options.width ?? screen.cols - col, screen.cols - col));
  const offset = Math.max(0, options.offset ?? 0);
  const cells = cutLine(layoutLine(text, { ...options, maxColumns: offset + width }), offset, width);
  const end = screen.putCells(row, col, cells, width);
  screen.fill(row, end, col + width - end, ' ', options.fillStyle ?? options.style);
  return cells.truncated;
}
