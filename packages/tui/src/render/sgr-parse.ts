// Reads SGR colour sequences (`ESC [ … m`) found in log content into cell styles.
import type { Color, Style } from './style.js';
import { rgb } from './style.js';

type MutableStyle = { -readonly [K in keyof Style]: Style[K] };

// Only parameter bytes that SGR uses: digits, `;` and `:`. `ESC [ > 4 ; 2 m` (a private
// sequence that changes keyboard modes) and anything else with other bytes is not SGR.
// eslint-disable-next-line no-control-regex -- matching ESC is the point
const SGR_AT = /\x1b\[([0-9;:]*)m/y;

/**
 * The length and parameters of the SGR sequence starting at `text[index]`, if one starts there.
 *
 * @example
 * matchSgr('a\x1b[1;31mb', 1); // { length: 7, params: '1;31' }
 */
export function matchSgr(text: string, index: number): { length: number; params: string } | undefined {
  SGR_AT.lastIndex = index;
  const match = SGR_AT.exec(text);
  return match ? { length: match[0].length, params: match[1] ?? '' } : undefined;
}

/**
 * `style` after the SGR parameters `params` (the text between `ESC [` and `m`). Supported:
 * reset (0, and an empty list), bold 1, dim 2, italic 3, underline 4 (`4:0` off) and 21,
 * inverse 7, strikethrough 9, their offs 22–29, colours 30–37/90–97 and 40–47/100–107,
 * 256-colour and truecolor (`38;5;n`, `38;2;r;g;b`, and the `:` forms), default 39/49.
 * Reset and the offs return to `base` (the line's own style), not to the terminal default.
 * Anything else is ignored, conceal (8) and blink (5) on purpose: a log viewer must not hide
 * or flash text.
 *
 * @example
 * applySgr({}, '1;38;5;208'); // { bold: true, fg: 208 }
 */
export function applySgr(style: Style, params: string, base: Style = {}): Style {
  const next: MutableStyle = { ...style };
  const parts = params === '' ? [''] : params.split(';');
  for (let i = 0; i < parts.length; i++) {
    const sub = (parts[i] ?? '').split(':');
    const code = toInt(sub[0]);
    if (code === 38 || code === 48 || code === 58) {
      let color: Color | undefined;
      if (sub.length > 1) color = extendedColor(sub.slice(1), true);
      else {
        const rest = parts.slice(i + 1, i + 5);
        color = extendedColor(rest, false);
        i += rest[0] === '5' ? 2 : rest[0] === '2' ? 4 : 0;
      }
      if (color !== undefined && code === 38) next.fg = color;
      if (color !== undefined && code === 48) next.bg = color;
      continue;
    }
    applyCode(next, code, sub, base);
  }
  return next;
}

function applyCode(next: MutableStyle, code: number | undefined, sub: string[], base: Style): void {
  if (code === undefined) return;
  if (code === 0) {
    for (const key of Object.keys(next) as (keyof Style)[]) delete next[key];
    Object.assign(next, base);
  } else if (code === 1) next.bold = true;
  else if (code === 2) next.dim = true;
  else if (code === 3) next.italic = true;
  else if (code === 4) next.underline = sub.length < 2 || toInt(sub[1]) !== 0;
  else if (code === 7) next.inverse = true;
  else if (code === 9) next.strikethrough = true;
  else if (code === 21) next.underline = true;
  else if (code === 22) [next.bold, next.dim] = [base.bold, base.dim];
  else if (code === 23) next.italic = base.italic;
  else if (code === 24) next.underline = base.underline;
  else if (code === 27) next.inverse = base.inverse;
  else if (code === 29) next.strikethrough = base.strikethrough;
  else if (code >= 30 && code <= 37) next.fg = code - 30;
  else if (code === 39) next.fg = base.fg;
  else if (code >= 40 && code <= 47) next.bg = code - 40;
  else if (code === 49) next.bg = base.bg;
  else if (code >= 90 && code <= 97) next.fg = code - 90 + 8;
  else if (code >= 100 && code <= 107) next.bg = code - 100 + 8;
}

// `5;n` or `2;r;g;b`; in the `:` form `2` may be followed by an (ignored) colour space id.
function extendedColor(args: string[], colonForm: boolean): Color | undefined {
  const kind = toInt(args[0]);
  if (kind === 5) {
    const index = toInt(args[1]);
    return index !== undefined && index <= 255 ? index : undefined;
  }
  if (kind !== 2) return undefined;
  const from = colonForm && args.length >= 5 ? args.length - 3 : 1;
  const [r, g, b] = [toInt(args[from]), toInt(args[from + 1]), toInt(args[from + 2])];
  if (r === undefined || g === undefined || b === undefined || r > 255 || g > 255 || b > 255) return undefined;
  return rgb(r, g, b);
}

function toInt(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (text === '') return 0;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}
