// Fits laid-out lines to the screen: a window of columns (horizontal scroll), or rows (wrap).
import type { LineCells } from './layout-line.js';
import { emptyLine, pushCell as push } from './layout-line.js';

/**
 * The cells of `line` that fall in columns [offset, offset + width). A wide character cut by
 * either edge is replaced by a space in its visible column, so nothing is drawn half.
 *
 * @example
 * cutLine(layoutLine('ab世界'), 1, 4).chars; // ['b', '世', ' ']
 */
export function cutLine(line: LineCells, offset: number, width: number): LineCells {
  const out = emptyLine();
  const end = offset + width;
  let column = 0;
  for (let i = 0; i < line.chars.length && column < end; i++) {
    const cellWidth = line.widths[i] ?? 1;
    const style = line.styles[i] ?? {};
    const start = column;
    column += cellWidth;
    if (column <= offset) continue;
    if (start < offset || column > end) {
      // A wide cell straddling an edge: show the visible half as blank.
      push(out, ' ', 1, style);
      continue;
    }
    push(out, line.chars[i] ?? ' ', cellWidth, style);
  }
  out.truncated = line.truncated || column > end || line.columns > end;
  return out;
}

/**
 * `line` split into screen rows of at most `width` columns. A wide character that does not fit
 * at the end of a row moves to the next one and leaves a space; in a 1-column-wide view, where
 * it can never fit, it is shown as a space. An empty line is one empty row.
 *
 * @example
 * wrapLine(layoutLine('abcdef'), 4).map((row) => row.chars.join('')); // ['abcd', 'ef']
 */
export function wrapLine(line: LineCells, width: number): LineCells[] {
  width = Math.max(1, width);
  const rows: LineCells[] = [];
  let row = emptyLine();
  for (let i = 0; i < line.chars.length; i++) {
    let cellWidth = line.widths[i] ?? 1;
    let char = line.chars[i] ?? ' ';
    const style = line.styles[i] ?? {};
    if (cellWidth > width) [char, cellWidth] = [' ', 1];
    if (row.columns + cellWidth > width) {
      if (row.columns < width) push(row, ' ', 1, style);
      rows.push(row);
      row = emptyLine();
    }
    push(row, char, cellWidth, style);
  }
  rows.push(row);
  if (line.truncated) row.truncated = true;
  return rows;
}

