// Finds a level word among the first few tokens of a line, e.g. after its timestamp.
import { CLOSE_BRACKET, COLON, ESC, isAlnum, isBlank, isUpper, skipAnsi } from './chars.js';
import { levelOfLetter, levelOfWord, type LogLevel } from './levels.js';

/** Tokens looked at by default; tokens of punctuation only (`-`, `|`, `*`, `#`) are skipped and not counted. */
const MAX_TOKENS = 3;
/** How far the scan reaches, in characters from where it starts. */
const REACH = 64;

/** Where the level token found by the last {@link scanLevel} ends, and which token it was (1-based). */
export const levelMatch = { end: 0, token: 0 };

const OPEN_ROUND = 0x28;
const OPEN_SQUARE = 0x5b;
const OPEN_ANGLE = 0x3c;
const OPEN_CURLY = 0x7b;

function isOpening(c: number): boolean {
  return c === OPEN_ROUND || c === OPEN_SQUARE || c === OPEN_ANGLE || c === OPEN_CURLY;
}

/** A word may end a level token when followed by one of these (or the end, a blank, an escape). */
function endsWord(c: number): boolean {
  return c === COLON || c === CLOSE_BRACKET || c === 0x29 || c === 0x3e || c === 0x7d || c === 0x7c || c === ESC || isBlank(c) || Number.isNaN(c);
}

/**
 * The level named near `from`: the first of up to `maxTokens` tokens that is a level word. A word
 * counts when it is bracketed (`[warn]`), followed by `:` (`ERROR:`) or all upper case (`INFO`);
 * the first token right after a timestamp (`firstIsLevel`) counts in any case and may be a single
 * letter (`I`). Prose like "Notice that…" or "Debug mode: on" is thus not taken for a level.
 * On success {@link levelMatch} says where the token ends.
 */
export function scanLevel(text: string, from: number, limit: number, firstIsLevel: boolean, maxTokens = MAX_TOKENS): LogLevel | undefined {
  const stop = Math.min(limit, from + REACH, text.length);
  let tokens = 0;
  let i = from;
  while (i < stop && tokens < maxTokens) {
    let c = text.charCodeAt(i);
    if (isBlank(c)) {
      i++;
      continue;
    }
    if (c === ESC) {
      i = skipAnsi(text, i);
      continue;
    }
    let bracketed = false;
    while (i < stop && !isAlnum(c) && !isBlank(c) && c !== ESC) {
      if (isOpening(c)) bracketed = true;
      c = text.charCodeAt(++i);
    }
    const start = i;
    while (i < text.length && isAlnum(text.charCodeAt(i))) i++;
    if (i === start) continue;
    tokens++;
    const after = text.charCodeAt(i);
    if (endsWord(after)) {
      const first = tokens === 1 && firstIsLevel;
      const strong = bracketed || after === COLON || (isUpper(text.charCodeAt(start)) && isUpper(text.charCodeAt(i - 1)));
      let level: LogLevel | undefined;
      if (first || strong) level = levelOfWord(text, start, i);
      if (level === undefined && first && i - start === 1) level = levelOfLetter(text, start);
      if (level !== undefined) {
        let end = i;
        while (end < text.length && (text.charCodeAt(end) === COLON || text.charCodeAt(end) === CLOSE_BRACKET || text.charCodeAt(end) === 0x29 || text.charCodeAt(end) === 0x3e)) end++;
        levelMatch.end = end;
        levelMatch.token = tokens;
        return level;
      }
    }
    while (i < text.length && !isBlank(text.charCodeAt(i))) i++;
  }
  return undefined;
}
