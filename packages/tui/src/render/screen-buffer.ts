// The screen model: rows × columns of cells (text, width, style) that the app draws a frame into.
import type { LineCells } from './layout-line.js';
import { layoutLine } from './layout-line.js';
import type { Style } from './style.js';
import { DEFAULT_STYLE, sameStyle } from './style.js';

/**
 * A frame: `rows` × `cols` cells. A wide character takes its cell and the next one, which
 * holds `''` with width 0 (a continuation); writing over either half of a wide character
 * blanks the other half, so the buffer never holds half a character.
 *
 * @example
 * const screen = new ScreenBuffer(24, 80);
 * screen.put(0, 0, 'logstream', { bold: true });
 * screen.fill(23, 0, 80, ' ', { inverse: true });
 */
export class ScreenBuffer {
  readonly rows: number;
  readonly cols: number;
  /** Cell text by `row * cols + col` (read by the renderer; draw through the methods). */
  readonly chars: string[];
  /** Cell widths: 1, 2 for the first half of a wide character, 0 for its second half. */
  readonly widths: Uint8Array;
  readonly styles: Style[];

  constructor(rows: number, cols: number) {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
      throw new RangeError(`a screen needs whole, non-negative rows and cols, got ${rows} × ${cols}`);
    }
    this.rows = rows;
    this.cols = cols;
    this.chars = new Array<string>(rows * cols).fill(' ');
    this.widths = new Uint8Array(rows * cols).fill(1);
    this.styles = new Array<Style>(rows * cols).fill(DEFAULT_STYLE);
  }

  /** Blanks every cell (spaces in `style`). */
  clear(style: Style = DEFAULT_STYLE): void {
    this.chars.fill(' ');
    this.widths.fill(1);
    this.styles.fill(style);
  }

  /**
   * Sets one cell; out-of-range positions are ignored. A wide character that would not fit
   * before the right edge becomes a space.
   */
  setCell(row: number, col: number, char: string, width: 1 | 2, style: Style = DEFAULT_STYLE): void {
    if (row < 0 || row >= this.rows || col < 0 || col >= this.cols) return;
    if (width === 2 && col === this.cols - 1) [char, width] = [' ', 1];
    const at = row * this.cols + col;
    this.breakWide(at, col);
    if (width === 2) this.breakWide(at + 1, col + 1);
    this.chars[at] = char;
    this.widths[at] = width;
    this.styles[at] = style;
    if (width === 2) {
      this.chars[at + 1] = '';
      this.widths[at + 1] = 0;
      this.styles[at + 1] = style;
    }
  }

  /**
   * Writes plain `text` (controls shown as escapes, tabs expanded, no SGR) at `row`, `col`,
   * clipped to `maxWidth` columns and to the right edge. Returns the column after the text.
   *
   * @example
   * screen.put(0, 2, 'ERROR', { fg: Colors.red }); // 7
   */
  put(row: number, col: number, text: string, style: Style = DEFAULT_STYLE, maxWidth = Infinity): number {
    const limit = Math.min(maxWidth, this.cols - col);
    return this.putCells(row, col, layoutLine(text, { sgr: false, style, maxColumns: limit }), limit);
  }

  /** Writes laid-out cells at `row`, `col`, clipped like {@link put}. Returns the column after them. */
  putCells(row: number, col: number, cells: LineCells, maxWidth = Infinity): number {
    const end = Math.min(this.cols, col + maxWidth);
    let at = col;
    for (let i = 0; i < cells.chars.length; i++) {
      const width = cells.widths[i] === 2 ? 2 : 1;
      if (at + width > end) {
        if (at < end) this.setCell(row, at++, ' ', 1, cells.styles[i]);
        break;
      }
      this.setCell(row, at, cells.chars[i] ?? ' ', width, cells.styles[i]);
      at += width;
    }
    return at;
  }

  /** Fills `width` columns from `row`, `col` with `char` (a one-column character). */
  fill(row: number, col: number, width: number, char = ' ', style: Style = DEFAULT_STYLE): void {
    for (let c = Math.max(0, col), end = Math.min(this.cols, col + width); c < end; c++) this.setCell(row, c, char, 1, style);
  }

  /** The text of `row` (continuations skipped), for tests and debugging. */
  rowText(row: number): string {
    return this.chars.slice(row * this.cols, (row + 1) * this.cols).join('');
  }

  /** Whether `row` draws the same here and in `other` (which has the same size). */
  sameRow(other: ScreenBuffer, row: number): boolean {
    for (let at = row * this.cols, end = at + this.cols; at < end; at++) {
      if (!this.sameCell(other, at)) return false;
    }
    return true;
  }

  /** Whether cell index `at` draws the same here and in `other`. */
  sameCell(other: ScreenBuffer, at: number): boolean {
    return (
      this.chars[at] === other.chars[at] &&
      this.widths[at] === other.widths[at] &&
      sameStyle(this.styles[at] ?? DEFAULT_STYLE, other.styles[at] ?? DEFAULT_STYLE)
    );
  }

  /** Copies `row` of `other` (which has the same size) into this buffer. */
  copyRow(other: ScreenBuffer, row: number): void {
    const start = row * this.cols;
    for (let at = start, end = start + this.cols; at < end; at++) {
      this.chars[at] = other.chars[at] ?? ' ';
      this.styles[at] = other.styles[at] ?? DEFAULT_STYLE;
    }
    this.widths.set(other.widths.subarray(start, start + this.cols), start);
  }

  // Writing over one half of a wide character blanks the other half.
  private breakWide(at: number, col: number): void {
    if (col >= this.cols) return;
    const width = this.widths[at];
    if (width === 0 && col > 0) this.blank(at - 1);
    else if (width === 2 && col + 1 < this.cols) this.blank(at + 1);
  }

  private blank(at: number): void {
    this.chars[at] = ' ';
    this.widths[at] = 1;
  }
}
