// How many terminal columns a code point or a string takes when this renderer shows it.
import { controlEscape } from './control-escapes.js';
import { inRanges, JAMO_ZERO_RANGES, WIDE_RANGES } from './width-tables.js';

/** Tab stops every this many columns. @default 8 */
export const TAB_SIZE = 8;

// JavaScript exposes no East_Asian_Width, so that table is ours; general categories and emoji
// presentation it does expose, and the runtime's copy follows the Unicode version Node ships.
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;
const SOFT_HYPHEN = 0xad;
const FIRST_REGIONAL_INDICATOR = 0x1f1e6;
const LAST_REGIONAL_INDICATOR = 0x1f1ff;

// Widths of the Basic Multilingual Plane, worked out once per code point: 0 means not yet known.
const bmpCache = new Uint8Array(0x10000);

/**
 * The columns a printable code point takes in a terminal: 0 for combining marks, format
 * characters and Hangul medial/final jamo (they join the character before), 2 for East Asian
 * Wide/Fullwidth and emoji presentation, 1 for everything else (East Asian Ambiguous included).
 * Controls are not printable: ask {@link charWidth} for the width of their escape.
 *
 * @example
 * printWidth(0x4e16); // 2 ('世')
 * printWidth(0x0301); // 0 (combining acute accent)
 */
export function printWidth(codePoint: number): 0 | 1 | 2 {
  if (codePoint < 0x300) return 1;
  if (codePoint < 0x10000) {
    const cached = bmpCache[codePoint] ?? 0;
    if (cached !== 0) return (cached - 1) as 0 | 1 | 2;
    const width = measure(codePoint);
    bmpCache[codePoint] = width + 1;
    return width;
  }
  return measure(codePoint);
}

function measure(codePoint: number): 0 | 1 | 2 {
  if (inRanges(JAMO_ZERO_RANGES, codePoint)) return 0;
  const char = String.fromCodePoint(codePoint);
  // Before the wide table: a few marks sit inside wide blocks (U+302A ideographic tone marks,
  // U+3099 kana voicing) and still join the character before them.
  if (ZERO_WIDTH.test(char)) return codePoint === SOFT_HYPHEN ? 1 : 0;
  if (inRanges(WIDE_RANGES, codePoint)) return 2;
  // Regional indicators have emoji presentation but are East Asian Narrow: terminals draw one
  // alone in one column, and a flag (a pair of them) in two.
  if (codePoint >= FIRST_REGIONAL_INDICATOR && codePoint <= LAST_REGIONAL_INDICATOR) return 1;
  return EMOJI_PRESENTATION.test(char) ? 2 : 1;
}

/**
 * The columns `codePoint` takes as this renderer shows it: its {@link printWidth}, or for a
 * control character the width of its visible escape (`^[` is 2, `\x9b` is 4). TAB counts as
 * {@link TAB_SIZE}, a tab at a tab stop; in a string its width depends on its column, which
 * {@link stringWidth} accounts for.
 *
 * @example
 * charWidth(0x41); // 1
 * charWidth(0xff21); // 2 (fullwidth 'Ａ')
 * charWidth(0x1b); // 2 (shown as '^[')
 */
export function charWidth(codePoint: number): number {
  if (codePoint >= 0x20 && codePoint < 0x7f) return 1;
  if (codePoint === 0x09) return TAB_SIZE;
  const escape = controlEscape(codePoint);
  return escape === undefined ? printWidth(codePoint) : escape.length;
}

/**
 * The columns `text` takes as this renderer shows it without colour: every control character
 * as its escape, tabs expanded to the next multiple of {@link TAB_SIZE} counted from column 0.
 * (With SGR colours rendered, ask `measureLine` in layout-line.ts.)
 *
 * @example
 * stringWidth('日本語'); // 6
 * stringWidth('e\u0301'); // 1
 * stringWidth('a\tb'); // 9
 * stringWidth('\x1b[2J'); // 5 ('^[[2J')
 */
export function stringWidth(text: string): number {
  let columns = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) {
      columns++;
      continue;
    }
    const codePoint = text.codePointAt(i) ?? code;
    if (codePoint > 0xffff) i++;
    columns += codePoint === 0x09 ? TAB_SIZE - (columns % TAB_SIZE) : charWidth(codePoint);
  }
  return columns;
}
