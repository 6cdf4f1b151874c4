// The output that brings the terminal from one frame to the next: changed spans of changed rows only.
import type { ScreenBuffer } from './screen-buffer.js';
import { SGR_RESET, sgrTransition } from './sgr-output.js';
import type { Style } from './style.js';
import { DEFAULT_STYLE, isDefaultStyle } from './style.js';

const ERASE_TO_END_OF_LINE = '\x1b[K';
// A blank tail shorter than this is cheaper to write as spaces than to erase.
const MIN_ERASE = 4;

/**
 * Brings `front` (what the terminal shows) up to `next` (same size): for each row that differs,
 * moves the cursor to the first changed column and writes through the last one, erasing a
 * blank tail with `ESC [ K` instead of spaces. `front` is updated to `next` as it goes. The
 * pen is assumed to be at the default style before and is left there after.
 *
 * @example
 * const out = drawChanges(shown, frame); // '' when nothing changed
 */
export function drawChanges(front: ScreenBuffer, next: ScreenBuffer): string {
  const cols = next.cols;
  let out = '';
  let pen: Style = DEFAULT_STYLE;
  for (let row = 0; row < next.rows; row++) {
    const base = row * cols;
    let first = 0;
    while (first < cols && next.sameCell(front, base + first)) first++;
    if (first === cols) continue;
    let last = cols - 1;
    while (last > first && next.sameCell(front, base + last)) last--;
    if (first > 0 && next.widths[base + first] === 0) first--;
    if (next.widths[base + last] === 2) last++;
    let blankFrom = cols;
    while (blankFrom > first && isBlank(next, base + blankFrom - 1)) blankFrom--;
    const erase = blankFrom <= last && cols - blankFrom >= Math.min(MIN_ERASE, cols - first);
    const stop = erase ? blankFrom : last + 1;
    out += `\x1b[${row + 1};${first + 1}H`;
    for (let at = base + first, end = base + stop; at < end; at++) {
      if (next.widths[at] === 0) continue;
      const style = next.styles[at] ?? DEFAULT_STYLE;
      out += sgrTransition(pen, style);
      pen = style;
      out += next.chars[at] ?? ' ';
    }
    if (erase) {
      out += sgrTransition(pen, DEFAULT_STYLE) + ERASE_TO_END_OF_LINE;
      pen = DEFAULT_STYLE;
    }
    front.copyRow(next, row);
  }
  if (!isDefaultStyle(pen)) out += SGR_RESET;
  return out;
}

function isBlank(screen: ScreenBuffer, at: number): boolean {
  return screen.chars[at] === ' ' && isDefaultStyle(screen.styles[at] ?? DEFAULT_STYLE);
}
