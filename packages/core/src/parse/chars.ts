// Character-code helpers shared by the hand-written scanners (no regex, no substrings).

export const SPACE = 0x20;
export const TAB = 0x09;
export const ESC = 0x1b;
export const COLON = 0x3a;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
export const OPEN_BRACE = 0x7b;
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isLetter(c: number): boolean {
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x7a;
}

export function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

export function isAlnum(c: number): boolean {
  return isDigit(c) || isLetter(c);
}

export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/**
 * A copy of the ASCII text `s` in memory of its own. A slice of 13 characters or more is a view
 * into the string it came from, and comparing other strings against such a view measured about
 * twice as slow as against a copy: worth it for a string kept and compared often.
 */
export function ownCopy(s: string): string {
  return Buffer.from(s, 'latin1').toString('latin1');
}

/**
 * Whether `text` holds `s` at `at`, compared from the end (where lines that share a prefix, such
 * as a date-time, differ first). For short strings a loop costs less than a call to startsWith.
 */
export function holdsAt(text: string, at: number, s: string): boolean {
  for (let i = s.length - 1; i >= 0; i--) if (text.charCodeAt(at + i) !== s.charCodeAt(i)) return false;
  return true;
}

/** The value of the two ASCII digits at `at`, or -1 when either is not a digit. */
export function twoDigitsAt(text: string, at: number): number {
  const a = text.charCodeAt(at) - 0x30;
  const b = text.charCodeAt(at + 1) - 0x30;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** The value of `count` ASCII digits at `at`, or -1 when any of them is not a digit. */
export function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Index just past the ANSI escape sequence (CSI `ESC [ … final`, or `ESC x`) starting at `at`. */
export function skipAnsi(text: string, at: number): number {
  if (text.charCodeAt(at + 1) !== OPEN_BRACKET) return Math.min(text.length, at + 2);
  let i = at + 2;
  while (i < text.length) {
    const c = text.charCodeAt(i++);
    if (c >= 0x40 && c <= 0x7e) break;
  }
  return i;
}

/** Index of the first character at or after `at` that is neither blank nor part of an ANSI escape. */
export function skipBlanks(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === ESC) i = skipAnsi(text, i);
    else if (isBlank(c)) i++;
    else break;
  }
  return i;
}

/** Index past the separators that sit between a timestamp or level and the message: blanks, `]`, `)`, `:`, `|`, `,`, `;` and ` - `. */
export function skipSeparators(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isBlank(c) || c === CLOSE_BRACKET || c === 0x29 || c === COLON || c === 0x7c || c === 0x2c || c === 0x3b) i++;
    else if (c === 0x2d && (i + 1 === text.length || isBlank(text.charCodeAt(i + 1)))) i++;
    else if (c === ESC) i = skipAnsi(text, i);
    else break;
  }
  return i;
}
