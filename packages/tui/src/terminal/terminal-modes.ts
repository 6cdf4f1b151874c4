// The escape sequences that put the terminal into full-screen mode and take it back out.

export interface TerminalModes {
  /** Report the mouse (buttons and wheel, SGR encoding: modes 1000 + 1006). @default true */
  mouse?: boolean;
  /** Mark pasted text (mode 2004) so it arrives as one paste, not as keys. @default true */
  bracketedPaste?: boolean;
}

const ALTERNATE_SCREEN_ON = '\x1b[?1049h';
const ALTERNATE_SCREEN_OFF = '\x1b[?1049l';
const CURSOR_HIDE = '\x1b[?25l';
const CURSOR_SHOW = '\x1b[?25h';
// Without autowrap, a frame drawn for a width the terminal no longer has (a resize racing a
// frame) overwrites the last column instead of wrapping and scrolling the whole screen.
const AUTOWRAP_OFF = '\x1b[?7l';
const AUTOWRAP_ON = '\x1b[?7h';
const MOUSE_ON = '\x1b[?1000h\x1b[?1006h';
const MOUSE_OFF = '\x1b[?1006l\x1b[?1000l';
const PASTE_ON = '\x1b[?2004h';
const PASTE_OFF = '\x1b[?2004l';
const RESET_STYLE = '\x1b[0m';

/**
 * What enters full-screen mode: the alternate screen (saving the cursor and the shell's
 * screen), cursor hidden, autowrap off, then mouse and bracketed paste as asked.
 *
 * @example
 * output.write(enterSequence({ mouse: false }));
 */
export function enterSequence(modes: TerminalModes = {}): string {
  let out = ALTERNATE_SCREEN_ON + CURSOR_HIDE + AUTOWRAP_OFF;
  if (modes.mouse ?? true) out += MOUSE_ON;
  if (modes.bracketedPaste ?? true) out += PASTE_ON;
  return out;
}

/**
 * What leaves it, in reverse order. Every mode is turned off whether it was asked for or not,
 * so this also cleans up after a crash that left modes on.
 */
export function restoreSequence(): string {
  return PASTE_OFF + MOUSE_OFF + RESET_STYLE + AUTOWRAP_ON + CURSOR_SHOW + ALTERNATE_SCREEN_OFF;
}
