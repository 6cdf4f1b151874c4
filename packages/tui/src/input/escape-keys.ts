// What the common xterm, VT220, rxvt and Linux console key sequences mean.
import type { KeyEvent } from './input-event.js';
import { keyEvent } from './input-event.js';

// `CSI [1;mod] X` and `SS3 X`.
const LETTER_KEYS: Record<string, string> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  E: 'clear',
  P: 'f1',
  Q: 'f2',
  R: 'f3',
  S: 'f4',
};

// `CSI n [;mod] ~` (VT220 style).
const TILDE_KEYS: Record<number, string> = {
  1: 'home',
  2: 'insert',
  3: 'delete',
  4: 'end',
  5: 'pageup',
  6: 'pagedown',
  7: 'home',
  8: 'end',
  11: 'f1',
  12: 'f2',
  13: 'f3',
  14: 'f4',
  15: 'f5',
  17: 'f6',
  18: 'f7',
  19: 'f8',
  20: 'f9',
  21: 'f10',
  23: 'f11',
  24: 'f12',
};

// `CSI codepoint [;mod] u` (fixterms / kitty) for keys that have no character of their own.
const CODEPOINT_KEYS: Record<number, string> = { 9: 'tab', 13: 'enter', 27: 'escape', 127: 'backspace' };

/**
 * The key of a CSI sequence `ESC [ params final` (`sequence` is all of it).
 *
 * @example
 * csiKey('1;5', 'C', '\x1b[1;5C'); // ctrl+right
 * csiKey('5', '~', '\x1b[5~'); // pageup
 */
export function csiKey(params: string, final: string, sequence: string): KeyEvent {
  const [first, modifier] = params.split(';').map((part) => Number(part.split(':')[0] || '1'));
  const modifiers = decodeModifiers(modifier);
  let key: string | undefined;
  if (final === '~') key = TILDE_KEYS[first ?? 0];
  else if (final === 'Z') return keyEvent('tab', sequence, { ...modifiers, shift: true });
  else if (final === 'u' && first !== undefined && Number.isInteger(first) && first > 0 && first <= 0x10ffff) {
    key = CODEPOINT_KEYS[first] ?? String.fromCodePoint(first);
  } else if (/^[\d;]*$/.test(params)) key = LETTER_KEYS[final];
  return keyEvent(key ?? 'unknown', sequence, modifiers);
}

/**
 * The key of an SS3 sequence `ESC O final` (application cursor keys, F1–F4).
 *
 * @example
 * ss3Key('P', '\x1bOP'); // f1
 */
export function ss3Key(final: string, sequence: string): KeyEvent {
  if (final === 'M') return keyEvent('enter', sequence);
  return keyEvent(LETTER_KEYS[final] ?? 'unknown', sequence);
}

/** The key of the Linux console's F1–F5, `ESC [ [ A` … `ESC [ [ E`. */
export function linuxFunctionKey(final: string, sequence: string): KeyEvent {
  const index = 'ABCDE'.indexOf(final);
  return keyEvent(index === -1 ? 'unknown' : `f${index + 1}`, sequence);
}

/** xterm's modifier parameter: 1 + (shift 1 | alt 2 | ctrl 4 | meta 8); meta counts as alt. */
export function decodeModifiers(parameter: number | undefined): { ctrl: boolean; alt: boolean; shift: boolean } {
  const bits = parameter !== undefined && Number.isInteger(parameter) && parameter > 1 ? parameter - 1 : 0;
  return { shift: (bits & 1) !== 0, alt: (bits & 10) !== 0, ctrl: (bits & 4) !== 0 };
}
