// Character widths: CJK, emoji, combining marks, controls as escapes, tabs; the tables checked against the runtime.
import { describe, expect, it } from 'vitest';
import { charWidth, printWidth, stringWidth } from './char-width.js';
import { inRanges, WIDE_RANGES } from './width-tables.js';

const cp = (char: string): number => char.codePointAt(0) ?? -1;

describe('charWidth', () => {
  it.each([
    ['a', 1],
    ['~', 1],
    ['é', 1],
    ['Ж', 1],
    ['世', 2],
    ['한', 2],
    ['あ', 2],
    ['Ａ', 2], // fullwidth A
    ['ｱ', 1], // halfwidth katakana
    ['\u3000', 2], // ideographic space
    ['𠀀', 2], // CJK extension B
    ['😀', 2],
    ['🚀', 2],
    ['⌚', 2],
    ['❤', 1], // text presentation unless followed by VS16
    ['🇩', 1], // one regional indicator
    ['\u0301', 0], // combining acute accent
    ['\u20dd', 0], // combining enclosing circle (Me)
    ['\u200b', 0], // zero width space
    ['\u200d', 0], // zero width joiner
    ['\ufe0f', 0], // variation selector 16
    ['\ufeff', 0], // byte order mark
    ['\u1160', 0], // Hangul medial vowel filler
    ['\u00ad', 1], // soft hyphen is drawn
    ['\u00a0', 1],
  ])('%j is %i columns', (char, width) => {
    expect(charWidth(cp(char))).toBe(width);
  });

  it('gives controls the width of their visible escape', () => {
    expect(charWidth(0x1b)).toBe(2); // ^[
    expect(charWidth(0x07)).toBe(2); // ^G
    expect(charWidth(0x7f)).toBe(2); // ^?
    expect(charWidth(0x9b)).toBe(4); // \x9b
    expect(charWidth(0x202e)).toBe(6); // \u202e
    expect(charWidth(0x09)).toBe(8);
  });

  it('gives every emoji-presentation character two columns but lone regional indicators', () => {
    const emoji = /^\p{Emoji_Presentation}$/u;
    const wrong: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      if (codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff) continue;
      if (emoji.test(String.fromCodePoint(codePoint)) && printWidth(codePoint) !== 2) wrong.push(codePoint.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('gives every combining mark zero columns', () => {
    const marks = /^[\p{Mn}\p{Me}]$/u;
    for (let codePoint = 0x300; codePoint <= 0x1ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      if (marks.test(String.fromCodePoint(codePoint)) && printWidth(codePoint) !== 0) expect.fail(`U+${codePoint.toString(16)} is not 0`);
    }
  });

  it('keeps the wide table sorted, disjoint and in pairs', () => {
    expect(WIDE_RANGES.length % 2).toBe(0);
    for (let i = 0; i < WIDE_RANGES.length; i += 2) {
      expect(WIDE_RANGES[i] ?? 0).toBeLessThanOrEqual(WIDE_RANGES[i + 1] ?? -1);
      if (i > 0) expect(WIDE_RANGES[i] ?? 0).toBeGreaterThan(WIDE_RANGES[i - 1] ?? Infinity);
    }
  });

  it('finds range edges in the binary search', () => {
    expect(inRanges(WIDE_RANGES, 0x1100)).toBe(true);
    expect(inRanges(WIDE_RANGES, 0x115f)).toBe(true);
    expect(inRanges(WIDE_RANGES, 0x1160)).toBe(false);
    expect(inRanges(WIDE_RANGES, 0x10ff)).toBe(false);
    expect(inRanges(WIDE_RANGES, 0x3fffd)).toBe(true);
    expect(inRanges(WIDE_RANGES, 0x3fffe)).toBe(false);
    expect(inRanges([], 5)).toBe(false);
  });
});

describe('stringWidth', () => {
  it.each([
    ['', 0],
    ['hello', 5],
    ['日本語', 6],
    ['abc世界', 7],
    ['e\u0301', 1],
    ['👩‍👩‍👧', 6], // three emoji joined by ZWJ: per code point, as wcwidth terminals draw it
    ['a\tb', 9],
    ['1234567\tx', 9],
    ['12345678\tx', 17],
    ['世\tx', 9],
    ['\x1b[2J', 5],
    ['a\x07b', 4],
    ['\x9b', 4],
    ['\ud800', 1], // a lone surrogate shows as U+FFFD
  ])('%j is %i columns', (text, width) => {
    expect(stringWidth(text)).toBe(width);
  });
});
