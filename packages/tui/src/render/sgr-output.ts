// Turns a change of cell style into the shortest SGR sequence the renderer writes.
import type { Color, Style } from './style.js';
import { isDefaultStyle, isRgb, rgbParts, sameStyle } from './style.js';

/** The SGR sequence that resets every attribute and colour. */
export const SGR_RESET = '\x1b[0m';

/**
 * The SGR sequence that changes the terminal's pen from `from` to `to`, or `''` when they
 * draw the same. Only what differs is sent; a style that loses several attributes at once
 * is reached by a reset when that is shorter.
 *
 * @example
 * sgrTransition({}, { fg: 1, bold: true }); // '\x1b[1;31m'
 * sgrTransition({ fg: 1, bold: true }, { fg: 1 }); // '\x1b[22m'
 */
export function sgrTransition(from: Style, to: Style): string {
  if (sameStyle(from, to)) return '';
  const codes: string[] = [];
  if ((from.bold && !to.bold) || (from.dim && !to.dim)) {
    codes.push('22');
    if (to.bold) codes.push('1');
    if (to.dim) codes.push('2');
  } else {
    if (to.bold && !from.bold) codes.push('1');
    if (to.dim && !from.dim) codes.push('2');
  }
  toggle(codes, from.italic, to.italic, '3', '23');
  toggle(codes, from.underline, to.underline, '4', '24');
  toggle(codes, from.inverse, to.inverse, '7', '27');
  toggle(codes, from.strikethrough, to.strikethrough, '9', '29');
  if (from.fg !== to.fg) codes.push(to.fg === undefined ? '39' : colorCode(to.fg, 30, 90, '38'));
  if (from.bg !== to.bg) codes.push(to.bg === undefined ? '49' : colorCode(to.bg, 40, 100, '48'));
  const changes = `\x1b[${codes.join(';')}m`;
  const fromScratch = sgrFromDefault(to);
  return fromScratch.length < changes.length ? fromScratch : changes;
}

/** The SGR sequence that sets `style` on a pen in any state (a reset, then what `style` has). */
function sgrFromDefault(style: Style): string {
  if (isDefaultStyle(style)) return SGR_RESET;
  const codes = ['0'];
  if (style.bold) codes.push('1');
  if (style.dim) codes.push('2');
  if (style.italic) codes.push('3');
  if (style.underline) codes.push('4');
  if (style.inverse) codes.push('7');
  if (style.strikethrough) codes.push('9');
  if (style.fg !== undefined) codes.push(colorCode(style.fg, 30, 90, '38'));
  if (style.bg !== undefined) codes.push(colorCode(style.bg, 40, 100, '48'));
  return `\x1b[${codes.join(';')}m`;
}

function toggle(codes: string[], was: boolean | undefined, is: boolean | undefined, on: string, off: string): void {
  if (!was !== !is) codes.push(is ? on : off);
}

function colorCode(color: Color, base: number, brightBase: number, extended: string): string {
  if (isRgb(color)) return `${extended};2;${rgbParts(color).join(';')}`;
  if (color < 8) return String(base + color);
  if (color < 16) return String(brightBase + color - 8);
  return `${extended};5;${color}`;
}
