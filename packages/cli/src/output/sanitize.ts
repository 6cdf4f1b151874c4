// Makes log text safe to show on a terminal: every control character becomes a visible escape.

// One class for what must never reach a terminal raw: C0 controls but TAB and LF, DEL, and C1.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_ALL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;
const JSON_UNSAFE_ALL = /[\u007f-\u009f]/g;

/** The visible form of one control character: `^[` for ESC, `^?` for DEL, `\x9b` for a C1 control. */
export function escapeControl(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return '^' + String.fromCharCode(code + 0x40);
  if (code === 0x7f) return '^?';
  return '\\x' + code.toString(16).padStart(2, '0');
}

/**
 * Shows every control character of `text` as a visible escape, so that no log line can clear
 * the screen, move the cursor, set the window title, write the clipboard or ring the bell.
 * C0 controls (but TAB) use caret notation (`^[`, `^G`, `^M`), DEL is `^?`, and C1 controls
 * (U+0080–U+009F) are hex escapes (`\x9b`). Everything else, TAB included, passes unchanged.
 * Newlines are escaped too (`^J`): a log line never contains one.
 *
 * @example
 * sanitizeForTerminal('\x1b[2Jgone'); // '^[[2Jgone'
 * sanitizeForTerminal('\x1b]0;evil\x07'); // '^[]0;evil^G'
 */
export function sanitizeForTerminal(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escapeControl) : text;
}

/**
 * Like {@link sanitizeForTerminal} for text made of lines joined by `\n`: the newlines stay.
 *
 * @example
 * sanitizeLines('a\x07\nb\n'); // 'a^G\nb\n'
 */
export function sanitizeLines(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, (char) => (char === '\n' ? char : escapeControl(char))) : text;
}

/**
 * Makes JSON text terminal-safe without changing what it means: JSON.stringify already escapes
 * C0 controls, so only DEL and C1 controls remain, and they become `\u007f`-style escapes.
 *
 * @example
 * sanitizeJson(JSON.stringify('\u009b2J')); // '"\\u009b2J"'
 */
export function sanitizeJson(json: string): string {
  return json.replace(JSON_UNSAFE_ALL, (char) => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0'));
}
