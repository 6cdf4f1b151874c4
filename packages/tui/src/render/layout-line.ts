// Turns one line of log text into display cells: escapes made visible, tabs expanded, SGR read.
import { printWidth, TAB_SIZE } from './char-width.js';
import { controlEscape } from './control-escapes.js';
import { applySgr, matchSgr } from './sgr-parse.js';
import type { Style } from './style.js';
import { DEFAULT_STYLE, mergeStyles } from './style.js';

/**
 * A line as display cells, in order. `chars[i]` is what cell i shows (a character and the
 * zero-width marks that join it), `widths[i]` its columns (1 or 2), `styles[i]` its style.
 */
export interface LineCells {
  readonly chars: string[];
  readonly widths: number[];
  readonly styles: Style[];
  /** The sum of `widths`. */
  columns: number;
  /** The layout stopped at `maxColumns` before the end of the text. */
  truncated: boolean;
}

export interface LayoutOptions {
  /** Draw SGR colour sequences as colour; when false they are shown escaped like any other. @default true */
  sgr?: boolean;
  /** The style of text before any SGR sequence, and what an SGR reset returns to. @default DEFAULT_STYLE */
  style?: Style;
  /** Laid over the current style for visible escapes, to tell `^[` from a typed caret. @default { inverse: true } */
  escapeStyle?: Style;
  /** Stop once this many columns are laid out: a huge line is only laid out as far as it is shown. @default Infinity */
  maxColumns?: number;
}

/** @default { inverse: true } */
export const DEFAULT_ESCAPE_STYLE: Style = Object.freeze({ inverse: true });

const ESC = 0x1b;
const TAB = 0x09;

/**
 * Lays `text` out as cells. Control characters become visible escapes (`^[`, `^G`, `\x9b`),
 * tabs become spaces up to the next multiple of 8 columns, zero-width marks join the cell
 * before them (or are dropped at the very start, where there is none), lone surrogates show
 * as U+FFFD. With `sgr`, `ESC [ … m` sequences change the style of what follows and take no
 * cell; every other escape sequence is shown escaped, in full.
 *
 * @example
 * layoutLine('\x1b[31merror\x1b[0m\x07').chars.join(''); // 'error^G'
 */
export function layoutLine(text: string, options: LayoutOptions = {}): LineCells {
  const sgr = options.sgr ?? true;
  const base = options.style ?? DEFAULT_STYLE;
  const escapeOver = options.escapeStyle ?? DEFAULT_ESCAPE_STYLE;
  const maxColumns = options.maxColumns ?? Infinity;
  const line = emptyLine();
  let style = base;
  let escapeStyle = mergeStyles(style, escapeOver);
  let escapeStyleFor = style;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) {
      if (line.columns >= maxColumns) return truncate(line);
      pushCell(line, text[i] ?? ' ', 1, style);
      i++;
      continue;
    }
    if (code === ESC && sgr) {
      const match = matchSgr(text, i);
      if (match) {
        style = applySgr(style, match.params, base);
        i += match.length;
        continue;
      }
    }
    const codePoint = text.codePointAt(i) ?? code;
    const units = codePoint > 0xffff ? 2 : 1;
    const escape = codePoint === TAB ? undefined : controlEscape(codePoint);
    const width = codePoint === TAB || escape !== undefined ? 1 : printWidth(codePoint);
    if (width === 0) {
      const last = line.chars.length - 1;
      if (last >= 0) line.chars[last] += text.slice(i, i + units);
      i += units;
      continue;
    }
    if (line.columns >= maxColumns) return truncate(line);
    if (codePoint === TAB) {
      for (let n = TAB_SIZE - (line.columns % TAB_SIZE); n > 0; n--) pushCell(line, ' ', 1, style);
    } else if (escape !== undefined) {
      if (escapeStyleFor !== style) [escapeStyle, escapeStyleFor] = [mergeStyles(style, escapeOver), style];
      for (const char of escape) pushCell(line, char, 1, escapeStyle);
    } else if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
      pushCell(line, '\ufffd', 1, style);
    } else {
      pushCell(line, text.slice(i, i + units), width, style);
    }
    i += units;
  }
  return line;
}

/**
 * The columns `text` takes when laid out with `options` (see {@link layoutLine}).
 *
 * @example
 * measureLine('\x1b[1mbold\x1b[0m'); // 4
 * measureLine('\x1b[1mbold\x1b[0m', { sgr: false }); // 14
 */
export function measureLine(text: string, options: Omit<LayoutOptions, 'maxColumns'> = {}): number {
  return layoutLine(text, options).columns;
}

/** A line with no cells. */
export function emptyLine(): LineCells {
  return { chars: [], widths: [], styles: [], columns: 0, truncated: false };
}

/** Appends one cell to `line`. */
export function pushCell(line: LineCells, char: string, width: number, style: Style): void {
  line.chars.push(char);
  line.widths.push(width);
  line.styles.push(style);
  line.columns += width;
}

function truncate(line: LineCells): LineCells {
  line.truncated = true;
  return line;
}
