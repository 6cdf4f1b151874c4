// Unit tests of the terminal sanitiser: escape sequences, OSC title and clipboard, BEL, DEL, C1.
import { describe, expect, it } from 'vitest';
import { escapeControl, sanitizeForTerminal, sanitizeJson, sanitizeLines } from './sanitize.js';

describe('sanitizeForTerminal', () => {
  it('shows a clear-screen sequence instead of clearing the screen', () => {
    expect(sanitizeForTerminal('before\x1b[2J\x1b[Hafter')).toBe('before^[[2J^[[Hafter');
  });

  it('neutralises an OSC window-title sequence and its BEL terminator', () => {
    expect(sanitizeForTerminal('\x1b]0;evil\x07')).toBe('^[]0;evil^G');
  });

  it('neutralises an OSC 52 clipboard write (BEL or ST terminated)', () => {
    expect(sanitizeForTerminal('\x1b]52;c;cm0gLXJmIH4=\x07')).toBe('^[]52;c;cm0gLXJmIH4=^G');
    expect(sanitizeForTerminal('\x1b]52;c;cm0=\x1b\\')).toBe('^[]52;c;cm0=^[\\');
  });

  it('shows a lone bell, carriage return, backspace and NUL in caret notation', () => {
    expect(sanitizeForTerminal('ding\x07')).toBe('ding^G');
    expect(sanitizeForTerminal('over\rwrite')).toBe('over^Mwrite');
    expect(sanitizeForTerminal('a\bb\0')).toBe('a^Hb^@');
  });

  it('shows DEL as ^? and C1 controls as hex escapes', () => {
    expect(sanitizeForTerminal('x\x7fy')).toBe('x^?y');
    expect(sanitizeForTerminal('\u009b2J \u009d0;t\u009c \u0080 \u009f')).toBe('\\x9b2J \\x9d0;t\\x9c \\x80 \\x9f');
  });

  it('keeps TAB, printable ASCII, and Unicode beyond C1 unchanged', () => {
    const text = 'a\tb ~ é ü € 日本 😀 \u00a0';
    expect(sanitizeForTerminal(text)).toBe(text);
  });

  it('returns the same string when there is nothing to escape', () => {
    const text = '2026-11-26T19:58:06.123Z INFO  [http] GET /api/cart 200 35ms';
    expect(sanitizeForTerminal(text)).toBe(text);
  });

  it('escapes every C0 control but TAB', () => {
    for (let code = 0; code < 0x20; code++) {
      const out = sanitizeForTerminal(String.fromCharCode(code));
      if (code === 0x09) expect(out).toBe('\t');
      else expect(out).toBe('^' + String.fromCharCode(code + 0x40));
    }
  });
});

describe('sanitizeLines', () => {
  it('keeps the newlines that join lines and escapes the rest', () => {
    expect(sanitizeLines('a\x1b[31m\nb\x07\n')).toBe('a^[[31m\nb^G\n');
  });
});

describe('sanitizeJson', () => {
  it('escapes DEL and C1 controls that JSON.stringify leaves raw, and stays valid JSON', () => {
    const text = 'csi\u009b2J del\x7f esc\x1b';
    const json = sanitizeJson(JSON.stringify({ text }));
    expect(json).not.toMatch(/[\u007f-\u009f]/);
    expect(json).toContain('\\u009b');
    expect((JSON.parse(json) as { text: string }).text).toBe(text);
  });
});

describe('escapeControl', () => {
  it('names ESC, BEL, DEL and CSI', () => {
    expect(['\x1b', '\x07', '\x7f', '\u009b'].map(escapeControl)).toEqual(['^[', '^G', '^?', '\\x9b']);
  });
});
