// Laying out lines: widths, joins, tabs, SGR styles, and every kind of hostile sequence shown escaped.
import { describe, expect, it } from 'vitest';
import { HOSTILE_LINES } from '../test-utils/hostile-lines.js';
import type { LineCells } from './layout-line.js';
import { layoutLine, measureLine } from './layout-line.js';
import { rgb } from './style.js';

const shown = (line: LineCells): string => line.chars.join('');
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]/;

describe('layoutLine', () => {
  it('lays out plain text one cell per character', () => {
    const line = layoutLine('hello');
    expect(line.chars).toEqual(['h', 'e', 'l', 'l', 'o']);
    expect(line.widths).toEqual([1, 1, 1, 1, 1]);
    expect(line.columns).toBe(5);
    expect(line.truncated).toBe(false);
  });

  it('gives wide characters one cell of width 2', () => {
    const line = layoutLine('a世😀');
    expect(line.chars).toEqual(['a', '世', '😀']);
    expect(line.widths).toEqual([1, 2, 2]);
    expect(line.columns).toBe(5);
  });

  it('joins zero-width marks to the cell before them, and drops them at the start', () => {
    expect(layoutLine('e\u0301t\u0308').chars).toEqual(['e\u0301', 't\u0308']);
    expect(layoutLine('世\u302a').chars).toEqual(['世\u302a']);
    expect(layoutLine('\ufeffstart').chars.join('')).toBe('start');
    expect(layoutLine('❤\ufe0f').chars).toEqual(['❤\ufe0f']);
  });

  it('expands tabs to the next multiple of 8 columns', () => {
    expect(shown(layoutLine('a\tb'))).toBe('a       b');
    expect(shown(layoutLine('\t|'))).toBe('        |');
    expect(shown(layoutLine('1234567\t|'))).toBe('1234567 |');
    expect(shown(layoutLine('12345678\t|'))).toBe('12345678        |');
    expect(layoutLine('世世世\t|').columns).toBe(9);
    expect(layoutLine('\x07\t|').columns).toBe(9); // ^G takes 2 columns before the tab
  });

  it('shows lone surrogates as U+FFFD', () => {
    expect(shown(layoutLine('a\ud800b\udc00'))).toBe('a\ufffdb\ufffd');
  });

  it('stops at maxColumns and says so', () => {
    const line = layoutLine('abcdef', { maxColumns: 3 });
    expect(shown(line)).toBe('abc');
    expect(line.truncated).toBe(true);
    expect(layoutLine('abc', { maxColumns: 3 }).truncated).toBe(false);
    expect(layoutLine('abc\u0301', { maxColumns: 3 }).chars).toEqual(['a', 'b', 'c\u0301']);
  });

  describe('SGR colour', () => {
    it('turns SGR sequences into styles that take no cell', () => {
      const line = layoutLine('\x1b[1;31mERR\x1b[0m ok');
      expect(shown(line)).toBe('ERR ok');
      expect(line.styles[0]).toEqual({ bold: true, fg: 1 });
      expect(line.styles[3]).toEqual({});
    });

    it('reads 256-colour and truecolor, and resets to the line style', () => {
      const line = layoutLine('\x1b[38;5;208ma\x1b[48;2;1;2;3mb\x1b[mc', { style: { underline: true } });
      expect(line.styles[0]).toEqual({ underline: true, fg: 208 });
      expect(line.styles[1]).toEqual({ underline: true, fg: 208, bg: rgb(1, 2, 3) });
      expect(line.styles[2]).toEqual({ underline: true });
    });

    it('shows SGR escaped when colour is off', () => {
      const line = layoutLine('\x1b[31mred', { sgr: false });
      expect(shown(line)).toBe('^[[31mred');
      expect(line.styles[0]).toEqual({ inverse: true });
      expect(line.styles[2]).toEqual({});
    });

    it('draws escapes in the escape style laid over the current one', () => {
      const line = layoutLine('\x1b[32m\x07', { escapeStyle: { underline: true } });
      expect(line.styles[0]).toEqual({ fg: 2, underline: true });
    });
  });

  describe.each([true, false])('hostile content (sgr %s)', (sgr) => {
    it.each(HOSTILE_LINES)('cannot %s', (_, text, expected) => {
      const line = layoutLine(text, { sgr });
      expect(shown(line)).toBe(expected);
      for (const cell of line.chars) expect(cell).not.toMatch(UNSAFE);
    });
  });
});

describe('measureLine', () => {
  it('counts the columns as laid out', () => {
    expect(measureLine('\x1b[1mbold\x1b[0m')).toBe(4);
    expect(measureLine('\x1b[1mbold\x1b[0m', { sgr: false })).toBe(14);
    expect(measureLine('日本\t.')).toBe(9);
  });
});
