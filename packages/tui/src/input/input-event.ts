// The events the key parser produces: keys, mouse actions and pastes.

/**
 * A key press. `key` is the character typed for printable keys (`'a'`, `'A'`, `'/'`, `'世'`,
 * `' '`) and a name otherwise: `enter`, `tab`, `backspace`, `escape`, `up`, `down`, `left`,
 * `right`, `home`, `end`, `pageup`, `pagedown`, `insert`, `delete`, `clear` (keypad 5),
 * `f1`…`f12`, or `unknown` for a sequence no table knows. Ctrl+letter is the lower-case
 * letter with `ctrl` (Ctrl-C: `{ key: 'c', ctrl: true }`).
 *
 * @example
 * if (event.type === 'key' && event.key === 'c' && event.ctrl) quit();
 */
export interface KeyEvent {
  readonly type: 'key';
  readonly key: string;
  readonly ctrl: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  /** The input it was read from, for debugging and for keys named `unknown`. */
  readonly sequence: string;
}

/** The buttons of a mouse event; `none` is a move with no button held. */
export type MouseButton = 'left' | 'middle' | 'right' | 'wheel-up' | 'wheel-down' | 'wheel-left' | 'wheel-right' | 'back' | 'forward' | 'none';

/**
 * A mouse action in SGR (1006) or legacy X10 form. `row` and `col` are zero-based, like the
 * screen buffer's. `action` is `wheel` for wheel buttons, `drag` for a move with a button held.
 *
 * @example
 * if (event.type === 'mouse' && event.button === 'wheel-up') scrollBy(-3);
 */
export interface MouseEvent {
  readonly type: 'mouse';
  readonly action: 'press' | 'release' | 'drag' | 'move' | 'wheel';
  readonly button: MouseButton;
  readonly row: number;
  readonly col: number;
  readonly ctrl: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
}

/** Text pasted while bracketed paste was on: arrives whole, never as keys. Not sanitised. */
export interface PasteEvent {
  readonly type: 'paste';
  readonly text: string;
}

export type InputEvent = KeyEvent | MouseEvent | PasteEvent;

/** A key event with the given modifiers (all off by default). */
export function keyEvent(key: string, sequence: string, modifiers: { ctrl?: boolean; alt?: boolean; shift?: boolean } = {}): KeyEvent {
  return { type: 'key', key, ctrl: modifiers.ctrl ?? false, alt: modifiers.alt ?? false, shift: modifiers.shift ?? false, sequence };
}
