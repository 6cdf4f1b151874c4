// Reading SGR sequences: which ones match, attributes, 16/256/truecolor, resets to the line style.
import { describe, expect, it } from 'vitest';
import { applySgr, matchSgr } from './sgr-parse.js';
import { rgb } from './style.js';

describe('matchSgr', () => {
  it('matches SGR sequences only', () => {
    expect(matchSgr('\x1b[1;31mx', 0)).toEqual({ length: 7, params: '1;31' });
    expect(matchSgr('\x1b[m', 0)).toEqual({ length: 3, params: '' });
    expect(matchSgr('\x1b[38:2::1:2:3m', 0)).toEqual({ length: 14, params: '38:2::1:2:3' });
    expect(matchSgr('ab\x1b[0m', 2)).toEqual({ length: 4, params: '0' });
  });

  it.each(['\x1b[2J', '\x1b[>4;2m', '\x1b[?1m', '\x1b[1 m', '\x1b[1', '\x1b]0;x\x07', '\x1bm', '\x9b1m', '\x1b[1;31M'])(
    'does not take %j for SGR',
    (text) => {
      expect(matchSgr(text, 0)).toBeUndefined();
    },
  );
});

describe('applySgr', () => {
  it('sets and clears attributes', () => {
    expect(applySgr({}, '1;2;3;4;7;9')).toMatchObject({ bold: true, dim: true, italic: true, underline: true, inverse: true, strikethrough: true });
    const all = applySgr({}, '1;2;3;4;7;9');
    expect(applySgr(all, '22;23;24;27;29')).toMatchObject({ bold: undefined, dim: undefined, italic: undefined, underline: undefined, inverse: undefined });
    expect(applySgr({}, '21').underline).toBe(true);
    expect(applySgr({}, '4:3').underline).toBe(true);
    expect(applySgr({ underline: true }, '4:0').underline).toBe(false);
  });

  it('reads the 16 colours, bright ones and defaults', () => {
    expect(applySgr({}, '31;42')).toEqual({ fg: 1, bg: 2 });
    expect(applySgr({}, '97;104')).toEqual({ fg: 15, bg: 12 });
    expect(applySgr({ fg: 1, bg: 2 }, '39;49')).toEqual({ fg: undefined, bg: undefined });
  });

  it('reads 256-colour and truecolor in both forms', () => {
    expect(applySgr({}, '38;5;208')).toEqual({ fg: 208 });
    expect(applySgr({}, '48;5;17;1')).toEqual({ bg: 17, bold: true });
    expect(applySgr({}, '38;2;10;20;30;4')).toEqual({ fg: rgb(10, 20, 30), underline: true });
    expect(applySgr({}, '38:5:99')).toEqual({ fg: 99 });
    expect(applySgr({}, '48:2::1:2:3')).toEqual({ bg: rgb(1, 2, 3) });
    expect(applySgr({}, '48:2:1:2:3')).toEqual({ bg: rgb(1, 2, 3) });
  });

  it('ignores out-of-range colours without misreading their arguments', () => {
    expect(applySgr({}, '38;5;300')).toEqual({});
    expect(applySgr({}, '38;2;1;2;999')).toEqual({});
    expect(applySgr({}, '58;2;1;2;3')).toEqual({}); // underline colour: its 1 is not bold
    expect(applySgr({}, '38')).toEqual({});
    expect(applySgr({}, '38;5')).toEqual({});
  });

  it('resets to the base style, and the empty list is a reset', () => {
    const base = { bg: 4, bold: true };
    expect(applySgr({ fg: 1, italic: true }, '0', base)).toEqual(base);
    expect(applySgr({ fg: 1 }, '', base)).toEqual(base);
    expect(applySgr({ fg: 1, bg: 2 }, '49', base)).toEqual({ fg: 1, bg: 4 });
    expect(applySgr({}, ';1')).toEqual({ bold: true });
  });

  it('ignores blink, conceal and unknown codes', () => {
    expect(applySgr({}, '5;6;8;53;73;999999999999999999999')).toEqual({});
  });
});
