// What single characters mean as keys: Enter, Tab, Backspace, Escape and Ctrl+key.
import type { KeyEvent } from './input-event.js';
import { keyEvent } from './input-event.js';

const CTRL_SYMBOLS = ['\\', ']', '^', '_'];

/**
 * The key of a control character typed alone, or `undefined` for a printable one. Terminals
 * send Ctrl+letter as 1–26, so Ctrl-M is Enter, Ctrl-I is Tab and Ctrl-H is Backspace;
 * `\n` counts as Enter too (what a pasted or piped newline sends).
 *
 * @example
 * controlKey(0x03, '\x03'); // { key: 'c', ctrl: true, … }
 */
export function controlKey(code: number, char: string): KeyEvent | undefined {
  if (code === 0x0d || code === 0x0a) return keyEvent('enter', char);
  if (code === 0x09) return keyEvent('tab', char);
  if (code === 0x08 || code === 0x7f) return keyEvent('backspace', char);
  if (code === 0x1b) return keyEvent('escape', char);
  if (code === 0x00) return keyEvent(' ', char, { ctrl: true });
  if (code < 0x1b) return keyEvent(String.fromCharCode(code + 0x60), char, { ctrl: true });
  if (code < 0x20) return keyEvent(CTRL_SYMBOLS[code - 0x1c] ?? 'unknown', char, { ctrl: true });
  if (code >= 0x80 && code <= 0x9f) return keyEvent('unknown', char);
  return undefined;
}
