// Log levels: the seven names, their order, and the words, letters and numbers that mean each.
import { holdsAt } from './chars.js';

/** A log level, from least to most severe: see {@link LOG_LEVELS}. */
export type LogLevel = 'trace' | 'debug' | 'info' | 'notice' | 'warn' | 'error' | 'fatal';

/**
 * Every level in ascending severity.
 * @example LOG_LEVELS.filter((l) => levelRank(l) >= levelRank('warn')) // ['warn', 'error', 'fatal']
 */
export const LOG_LEVELS: readonly LogLevel[] = Object.freeze(['trace', 'debug', 'info', 'notice', 'warn', 'error', 'fatal']);

const RANKS: Readonly<Record<LogLevel, number>> = { trace: 0, debug: 1, info: 2, notice: 3, warn: 4, error: 5, fatal: 6 };

/**
 * The level's index in {@link LOG_LEVELS}: compare ranks to filter by severity.
 * @example levelRank('error') > levelRank('warn') // true
 */
export function levelRank(level: LogLevel): number {
  return RANKS[level];
}

const WORD_TABLE: Readonly<Record<LogLevel, readonly string[]>> = {
  trace: ['trace', 'finest', 'finer', 'verbose'],
  debug: ['debug', 'fine', 'dbg', 'debug1', 'debug2', 'debug3', 'debug4', 'debug5'],
  info: ['info', 'information', 'informational', 'log'],
  notice: ['notice', 'note'],
  warn: ['warn', 'warning'],
  error: ['error', 'err', 'severe'],
  fatal: ['fatal', 'critical', 'crit', 'alert', 'emerg', 'emergency', 'panic'],
};

/** A case-blind hash of the word `text[start, end)` (letters folded to lower case, digits kept). */
function wordHash(text: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + (text.charCodeAt(i) | 0x20)) | 0;
  return hash;
}

/** Level words by hash: looking a word up makes no string (lines are mostly slices of a larger string). */
const WORDS = new Map<number, { readonly word: string; readonly level: LogLevel }>();
for (const level of LOG_LEVELS) {
  for (const word of WORD_TABLE[level]) {
    const hash = wordHash(word, 0, word.length);
    if (WORDS.has(hash)) throw new Error(`level words ${word} and ${WORDS.get(hash)!.word} share a hash`);
    WORDS.set(hash, { word, level });
  }
}

/** Single-letter levels (glog I/W/E/F and the usual one-letter abbreviations), upper case. */
const LETTERS: Readonly<Record<string, LogLevel>> = { T: 'trace', D: 'debug', I: 'info', N: 'notice', W: 'warn', E: 'error', F: 'fatal', C: 'fatal' };

const LONGEST_WORD = 13;

/** The spellings last found (`INFO`, `warn`…), compared first: one native comparison for most lines. */
const RECENT = 8;
const recentWords: string[] = [];
const recentLevels: LogLevel[] = [];
let recentNext = 0;

/** The level named by the word `text[start, end)` (any case, no single letters), or undefined. */
export function levelOfWord(text: string, start: number, end: number): LogLevel | undefined {
  const length = end - start;
  if (length < 2 || length > LONGEST_WORD) return undefined;
  for (let k = 0; k < recentWords.length; k++) {
    const word = recentWords[k]!;
    if (word.length === length && holdsAt(text, start, word)) return recentLevels[k];
  }
  const entry = WORDS.get(wordHash(text, start, end));
  if (entry === undefined || entry.word.length !== length) return undefined;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(start + i);
    // Folding with 0x20 maps only letters onto the (lower-case) word's letters; digits are equal as they are.
    if ((c | 0x20) !== entry.word.charCodeAt(i) || (c < 0x41 && c !== entry.word.charCodeAt(i))) return undefined;
  }
  recentWords[recentNext] = text.slice(start, end);
  recentLevels[recentNext] = entry.level;
  recentNext = (recentNext + 1) % RECENT;
  return entry.level;
}

/** The level of a one-letter code at `text[at]` (upper case only), or undefined. */
export function levelOfLetter(text: string, at: number): LogLevel | undefined {
  return LETTERS[text.charAt(at)];
}

/** Syslog severities 0..7 (0-2 fatal, 3 error, 4 warn, 5 notice, 6 info, 7 debug). */
const SYSLOG: readonly LogLevel[] = ['fatal', 'fatal', 'fatal', 'error', 'warn', 'notice', 'info', 'debug'];
/** pino/bunyan decades from 10: trace, debug, info, warn, error, fatal. */
const DECADES: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

/** The level of a syslog severity (0..7) or a pino/bunyan number (10..19 trace … 60 and up fatal). */
export function levelOfNumber(value: number): LogLevel | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  if (value < 8) return Number.isInteger(value) ? SYSLOG[value] : undefined;
  if (value < 10) return undefined;
  return DECADES[Math.min(5, Math.floor(value / 10) - 1)];
}

/** The level of an OpenTelemetry SeverityNumber: 1-4 trace, 5-8 debug, 9-12 info, 13-16 warn, 17-20 error, 21-24 fatal. */
export function levelOfSeverityNumber(value: number): LogLevel | undefined {
  if (!Number.isInteger(value) || value < 1 || value > 24) return undefined;
  return DECADES[Math.floor((value - 1) / 4)];
}

/**
 * The level a word, letter or number names; undefined when it names none. Words in any case (see
 * docs/formats.md for the table), single letters T D I N W E F C in any case, numbers (or strings
 * of digits) on the syslog 0..7 or pino/bunyan 10..60 scale.
 * @example parseLevel('WARNING') // 'warn'
 * @example parseLevel(50) // 'error'
 * @example parseLevel(3) // 'error' (syslog severity)
 */
export function parseLevel(value: string | number): LogLevel | undefined {
  if (typeof value === 'number') return levelOfNumber(value);
  const text = value.trim();
  if (/^\d+$/.test(text)) return levelOfNumber(Number(text));
  if (text.length === 1) return LETTERS[text.toUpperCase()];
  return levelOfWord(text, 0, text.length);
}
