// Decodes mouse reports: SGR (`ESC [ < b ; x ; y M/m`, mode 1006) and legacy X10 (`ESC [ M bxy`).
import type { MouseButton, MouseEvent } from './input-event.js';

const WHEEL_BUTTONS: MouseButton[] = ['wheel-up', 'wheel-down', 'wheel-left', 'wheel-right'];
const PLAIN_BUTTONS: MouseButton[] = ['left', 'middle', 'right', 'none'];
const EXTRA_BUTTONS: MouseButton[] = ['back', 'forward', 'none', 'none'];

/**
 * The event of an SGR mouse report with parameters `params` (`b;x;y`) and final `M` (press)
 * or `m` (release), or `undefined` if the parameters are malformed.
 *
 * @example
 * sgrMouse('64;10;5', 'M'); // { action: 'wheel', button: 'wheel-up', col: 9, row: 4, … }
 */
export function sgrMouse(params: string, final: string): MouseEvent | undefined {
  const parts = params.split(';');
  if (parts.length !== 3 || parts.some((part) => !/^\d{1,9}$/.test(part))) return undefined;
  const [code, x, y] = parts.map(Number) as [number, number, number];
  return mouseEvent(code, x, y, final === 'm');
}

/**
 * The event of an X10 mouse report, whose three bytes after `ESC [ M` are each value + 32
 * (`undefined` when one is out of range, as when a column past 223 came through UTF-8 decoding).
 */
export function x10Mouse(report: string): MouseEvent | undefined {
  const [code, x, y] = [0, 1, 2].map((i) => report.charCodeAt(i) - 32) as [number, number, number];
  if (![code, x, y].every((value) => value >= 0 && value <= 223)) return undefined;
  // X10 reports every release as button 3, without saying which button it was.
  return mouseEvent(code, x, y, (code & 0b11000011) === 3);
}

function mouseEvent(code: number, x: number, y: number, release: boolean): MouseEvent {
  const low = code & 3;
  const motion = (code & 32) !== 0;
  let button: MouseButton;
  if (code & 64) button = WHEEL_BUTTONS[low] ?? 'none';
  else if (code & 128) button = EXTRA_BUTTONS[low] ?? 'none';
  else button = PLAIN_BUTTONS[low] ?? 'none';
  let action: MouseEvent['action'];
  if (code & 64 && !motion) action = 'wheel';
  else if (motion) action = button === 'none' ? 'move' : 'drag';
  else action = release ? 'release' : 'press';
  return {
    type: 'mouse',
    action,
    button,
    col: Math.max(0, x - 1),
    row: Math.max(0, y - 1),
    shift: (code & 4) !== 0,
    alt: (code & 8) !== 0,
    ctrl: (code & 16) !== 0,
  };
}
