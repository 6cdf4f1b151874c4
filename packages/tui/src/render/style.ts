// Cell styles: colours and attributes as small immutable objects, compared by value.

/**
 * A colour: 0–255 is an xterm palette index (0–7 the standard colours, 8–15 their bright
 * forms), `rgb(r, g, b)` a 24-bit colour; `undefined` is the terminal's default.
 */
export type Color = number;

const RGB_FLAG = 0x1000000;

/** A 24-bit colour. @example rgb(255, 128, 0) */
export function rgb(red: number, green: number, blue: number): Color {
  return RGB_FLAG | ((red & 0xff) << 16) | ((green & 0xff) << 8) | (blue & 0xff);
}

/** Whether `color` was made by {@link rgb} (otherwise it is a palette index). */
export function isRgb(color: Color): boolean {
  return color >= RGB_FLAG;
}

/** The [red, green, blue] of an {@link rgb} colour. */
export function rgbParts(color: Color): [number, number, number] {
  return [(color >> 16) & 0xff, (color >> 8) & 0xff, color & 0xff];
}

/** The standard palette indexes, by name. */
export const Colors = {
  black: 0,
  red: 1,
  green: 2,
  yellow: 3,
  blue: 4,
  magenta: 5,
  cyan: 6,
  white: 7,
  gray: 8,
  brightRed: 9,
  brightGreen: 10,
  brightYellow: 11,
  brightBlue: 12,
  brightMagenta: 13,
  brightCyan: 14,
  brightWhite: 15,
} as const;

/**
 * How a cell is drawn. Absent fields are off / the terminal default. Styles are never mutated:
 * share them freely between cells.
 *
 * @example
 * const error: Style = { fg: Colors.red, bold: true };
 */
export interface Style {
  readonly fg?: Color | undefined;
  readonly bg?: Color | undefined;
  readonly bold?: boolean | undefined;
  readonly dim?: boolean | undefined;
  readonly italic?: boolean | undefined;
  readonly underline?: boolean | undefined;
  readonly inverse?: boolean | undefined;
  readonly strikethrough?: boolean | undefined;
}

/** The terminal's default look: no colour, no attribute. */
export const DEFAULT_STYLE: Style = Object.freeze({});

/** Whether two styles draw the same (identical objects are the fast path). */
export function sameStyle(a: Style, b: Style): boolean {
  return (
    a === b ||
    (a.fg === b.fg &&
      a.bg === b.bg &&
      !a.bold === !b.bold &&
      !a.dim === !b.dim &&
      !a.italic === !b.italic &&
      !a.underline === !b.underline &&
      !a.inverse === !b.inverse &&
      !a.strikethrough === !b.strikethrough)
  );
}

/** Whether `style` draws like {@link DEFAULT_STYLE}. */
export function isDefaultStyle(style: Style): boolean {
  return sameStyle(style, DEFAULT_STYLE);
}

/**
 * `base` with the fields `over` sets laid over it.
 *
 * @example
 * mergeStyles({ fg: Colors.red }, { bold: true }); // { fg: 1, bold: true }
 */
export function mergeStyles(base: Style, over: Style): Style {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) if (value !== undefined) merged[key] = value;
  return merged;
}
