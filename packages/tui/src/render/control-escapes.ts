// The visible stand-ins for code points that must never reach the terminal raw.

/**
 * The escape shown instead of `codePoint`, or `undefined` when it may be printed as it is.
 * C0 controls use caret notation (`^[` for ESC, `^G` for BEL), DEL is `^?`, C1 controls
 * (U+0080–U+009F, which some terminals obey like ESC sequences) are `\x9b` style. Bidi
 * overrides and isolates and the Unicode line and paragraph separators are `\u202e` style:
 * they move no cursor, but they can make a line read differently from what it contains.
 * (TAB has one too, `^I`, but the layout expands tabs to spaces before it asks.)
 *
 * @example
 * controlEscape(0x1b); // '^['
 * controlEscape(0x9b); // '\\x9b'
 * controlEscape(0x202e); // '\\u202e'
 * controlEscape(0x41); // undefined
 */
export function controlEscape(codePoint: number): string | undefined {
  if (codePoint < 0x20) return '^' + String.fromCharCode(codePoint + 0x40);
  if (codePoint < 0x7f) return undefined;
  if (codePoint === 0x7f) return '^?';
  if (codePoint <= 0x9f) return '\\x' + codePoint.toString(16);
  if (isBidiOrSeparator(codePoint)) return '\\u' + codePoint.toString(16).padStart(4, '0');
  return undefined;
}

/** Whether `codePoint` is shown as an escape (see {@link controlEscape}). */
export function isEscaped(codePoint: number): boolean {
  return codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f) || isBidiOrSeparator(codePoint);
}

function isBidiOrSeparator(codePoint: number): boolean {
  return (
    codePoint === 0x061c ||
    codePoint === 0x200e ||
    codePoint === 0x200f ||
    (codePoint >= 0x2028 && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069)
  );
}
