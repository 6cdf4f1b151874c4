// The visible escapes of C0, DEL, C1, bidi and separator code points.
import { describe, expect, it } from 'vitest';
import { controlEscape, isEscaped } from './control-escapes.js';

describe('controlEscape', () => {
  it('shows C0 controls in caret notation', () => {
    expect(controlEscape(0x00)).toBe('^@');
    expect(controlEscape(0x07)).toBe('^G');
    expect(controlEscape(0x08)).toBe('^H');
    expect(controlEscape(0x0a)).toBe('^J');
    expect(controlEscape(0x0d)).toBe('^M');
    expect(controlEscape(0x1b)).toBe('^[');
    expect(controlEscape(0x1f)).toBe('^_');
  });

  it('shows DEL as ^? and C1 controls as hex escapes', () => {
    expect(controlEscape(0x7f)).toBe('^?');
    expect(controlEscape(0x80)).toBe('\\x80');
    expect(controlEscape(0x9b)).toBe('\\x9b');
    expect(controlEscape(0x9d)).toBe('\\x9d');
    expect(controlEscape(0x9f)).toBe('\\x9f');
  });

  it('shows bidi overrides, isolates and line separators as \\u escapes', () => {
    for (const codePoint of [0x061c, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202e, 0x2066, 0x2069]) {
      expect(controlEscape(codePoint)).toBe('\\u' + codePoint.toString(16).padStart(4, '0'));
    }
  });

  it('lets printable characters through', () => {
    for (const char of ['a', ' ', '~', '\u00a0', 'é', '世', '😀', '\u200b', '\u200d']) {
      expect(controlEscape(char.codePointAt(0) ?? 0)).toBeUndefined();
    }
  });

  it('agrees with isEscaped, and every escape is printable ASCII', () => {
    for (let codePoint = 0; codePoint < 0x3000; codePoint++) {
      const escape = controlEscape(codePoint);
      expect(isEscaped(codePoint)).toBe(escape !== undefined);
      if (escape !== undefined) expect(escape).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});
