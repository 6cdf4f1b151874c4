// Reads a structured field's time value: a date-time string, or epoch seconds/ms/µs/ns as a number or digits.
import { isDigit, QUOTE } from './chars.js';
import type { TimestampFinder } from './find-timestamp.js';

/** Milliseconds for `digits` digits of a whole epoch count, by size: up to 11 s, 12-14 ms, 15-17 µs, more ns. */
function epochOfDigits(text: string, start: number, end: number): number {
  const count = end - start;
  if (count <= 11) return Number(text.slice(start, end)) * 1000;
  if (count <= 14) return Number(text.slice(start, end));
  // Split so that the whole milliseconds stay exact and the rest becomes the fraction.
  const below = count <= 17 ? 3 : 6;
  const whole = Number(text.slice(start, end - below));
  const part = Number(text.slice(end - below, end));
  return whole + part / (below === 3 ? 1000 : 1_000_000);
}

/** Milliseconds for an epoch number of unknown unit, by magnitude (as {@link epochOfDigits}). */
function epochOfNumber(value: number): number {
  const size = Math.abs(value);
  if (size < 1e11) return value * 1000;
  if (size < 1e14) return value;
  if (size < 1e17) return value / 1000;
  return value / 1_000_000;
}

function allDigits(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return end > start;
}

/**
 * Epoch milliseconds of the value `text[start, end)` (a JSON or logfmt value, quoted or not);
 * NaN when it is not a time. A zero means "unknown" (OpenTelemetry) and gives NaN too.
 */
export function timeOfValue(finder: TimestampFinder, text: string, start: number, end: number): number {
  const quoted = text.charCodeAt(start) === QUOTE;
  const s = quoted ? start + 1 : start;
  const e = quoted ? end - 1 : end;
  if (allDigits(text, s, e)) {
    const ms = epochOfDigits(text, s, e);
    return ms === 0 ? Number.NaN : ms;
  }
  // A number such as zap's 1700000000.123 (seconds as a float); dates have a separator by their 5th character.
  if (!quoted || (isDigit(text.charCodeAt(s)) && isDigit(text.charCodeAt(s + 4)))) {
    const value = Number(text.slice(s, e));
    if (Number.isFinite(value)) return value !== 0 ? epochOfNumber(value) : Number.NaN;
  }
  if (finder.hasPattern) {
    const ms = finder.byPattern(text.slice(s, e));
    if (!Number.isNaN(ms)) return ms;
  }
  const ms = finder.at(text, s, false);
  return finder.end <= e ? ms : Number.NaN;
}
