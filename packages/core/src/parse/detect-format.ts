// Picks the format that reads the most sample lines with a timestamp.
import { createAllFormats, createLineFormat } from './create-format.js';
import { TimestampFinder } from './find-timestamp.js';
import { LineScan, type LineFormat, type LogFormat, type ParseOptions } from './format-types.js';
import { resolveParseOptions } from './parse-options.js';

/** Non-empty lines looked at to detect a file's format. */
export const DETECTION_SAMPLE_LINES = 20;

/**
 * The format (of `formats`, most specific first) that reads the most of `sample`'s non-empty lines
 * with a timestamp; then the most lines at all; then the more specific. The last one (text)
 * when none reads any.
 */
export function chooseFormat(sample: readonly string[], formats: readonly LineFormat[]): LineFormat {
  const scan = new LineScan();
  let best = formats[formats.length - 1]!;
  let bestTimed = 0;
  let bestRead = 0;
  for (const format of formats) {
    let timed = 0;
    let read = 0;
    let seen = 0;
    for (const text of sample) {
      if (text.length === 0) continue;
      if (++seen > DETECTION_SAMPLE_LINES) break;
      scan.reset(text.length);
      if (!format.scan(text, scan)) continue;
      read++;
      if (!Number.isNaN(scan.timestamp)) timed++;
    }
    if (timed > bestTimed || (timed === bestTimed && read > bestRead)) {
      best = format;
      bestTimed = timed;
      bestRead = read;
    }
  }
  return best;
}

/**
 * The best format for the first lines of a file (up to 20 non-empty ones are looked at); `text`
 * when nothing better. With `options.format` set, that format, without looking.
 * @example detectFormat(['{"level":30,"time":1700000000000,"msg":"hi"}']).name // 'json'
 */
export function detectFormat(sample: readonly string[], options?: ParseOptions): LogFormat {
  const resolved = resolveParseOptions(options);
  const finder = new TimestampFinder(resolved);
  if (resolved.format !== 'auto') return createLineFormat(resolved.format, finder);
  return chooseFormat(sample, createAllFormats(finder));
}
