// fast-check generators of styles, cell text and whole frames for the renderer's property tests.
import fc from 'fast-check';
import type { Style } from '../render/style.js';
import { rgb } from '../render/style.js';

const colorArb = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 0, max: 255 }),
  fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([r, g, b]) => rgb(r, g, b)),
);

/** Any style: palette, 24-bit or default colours, any attributes. */
export const styleArb: fc.Arbitrary<Style> = fc.record({
  fg: colorArb,
  bg: colorArb,
  bold: fc.boolean(),
  dim: fc.boolean(),
  italic: fc.boolean(),
  underline: fc.boolean(),
  inverse: fc.boolean(),
  strikethrough: fc.boolean(),
});

/** A few styles, so that neighbouring cells often share one. */
export const fewStylesArb: fc.Arbitrary<Style> = fc.constantFrom<Style>({}, { fg: 1 }, { fg: 2, bold: true }, { bg: 4 }, { inverse: true }, { fg: 208, underline: true });

/** Short pieces of text: narrow, wide, combined, blank, and hostile (controls become escapes). */
export const textPieceArb: fc.Arbitrary<string> = fc.constantFrom('a', 'log', ' ', '  ', '世', '界x', 'e\u0301', '😀', '\x1b[2J', '\x07', '-', 'ok');

/** What one frame draws: rows of [column, text, style] pieces. */
export type FrameSpec = [number, string, Style][][];

/** A frame spec for a `rows` × `cols` screen. */
export function frameSpecArb(rows: number, cols: number): fc.Arbitrary<FrameSpec> {
  const piece = fc.tuple(fc.nat(cols - 1), textPieceArb, fewStylesArb);
  return fc.array(fc.array(piece, { maxLength: 4 }), { minLength: rows, maxLength: rows });
}
