// Style changes as the shortest SGR, checked by reading them back with our own parser.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySgr } from './sgr-parse.js';
import { SGR_RESET, sgrTransition } from './sgr-output.js';
import { styleArb } from '../test-utils/arbitraries.js';
import { rgb, sameStyle } from './style.js';

describe('sgrTransition', () => {
  it('writes nothing between equal styles', () => {
    expect(sgrTransition({}, {})).toBe('');
    expect(sgrTransition({ fg: 1, bold: true }, { bold: true, fg: 1, italic: false })).toBe('');
  });

  it('sends only what changed', () => {
    expect(sgrTransition({}, { fg: 1, bold: true })).toBe('\x1b[1;31m');
    expect(sgrTransition({ fg: 1 }, { fg: 1, underline: true })).toBe('\x1b[4m');
    expect(sgrTransition({ fg: 1, bold: true, underline: true }, { fg: 1, underline: true })).toBe('\x1b[22m');
    expect(sgrTransition({ bold: true, dim: true, fg: 2 }, { dim: true, fg: 2 })).toBe('\x1b[22;2m');
    expect(sgrTransition({}, { fg: 9, bg: 200 })).toBe('\x1b[91;48;5;200m');
    expect(sgrTransition({}, { bg: rgb(1, 2, 3) })).toBe('\x1b[48;2;1;2;3m');
  });

  it('resets when that is shorter', () => {
    expect(sgrTransition({ fg: 1, bold: true }, {})).toBe(SGR_RESET);
    expect(sgrTransition({ fg: 1, bg: 2, italic: true, inverse: true }, { underline: true })).toBe('\x1b[0;4m');
  });

  it('reaches the target style from any style (checked by our own parser)', () => {
    fc.assert(
      fc.property(styleArb, styleArb, (from, to) => {
        const out = sgrTransition(from, to);
        // eslint-disable-next-line no-control-regex -- reading back an SGR sequence is the point
        const params = /^\x1b\[([0-9;]*)m$/.exec(out)?.[1];
        if (out === '') return sameStyle(from, to);
        return params !== undefined && sameStyle(applySgr(from, params), to);
      }),
    );
  });
});
