// A headless xterm.js terminal to render frames into and read the screen back from.
import xterm from '@xterm/headless';
import type { Terminal } from '@xterm/headless';
import { printWidth } from '../render/char-width.js';

export interface HeadlessTerminal {
  readonly term: Terminal;
  /** Writes `data` and resolves once the terminal has processed it. */
  write(data: string): Promise<void>;
  /** Row `y` as text, trailing blanks trimmed. */
  line(y: number): string;
  /** Every row as text, trailing blanks trimmed. */
  lines(): string[];
  /** Every cell of every row as `text/width/fg/bg/attributes`, to compare two screens exactly. */
  snapshot(): string[][];
  /** Every title a sequence tried to set. */
  readonly titles: string[];
  /** How many times the bell rang. */
  readonly bells: () => number;
  dispose(): void;
}

/**
 * A terminal of `cols` × `rows`. With `widths: 'renderer'` (the default) it measures characters
 * with the renderer's own table, as a terminal that agrees with it would; `'xterm'` keeps
 * xterm.js's built-in Unicode 6 widths (where CJK is wide but most emoji are not).
 */
export function createHeadlessTerminal(cols: number, rows: number, widths: 'renderer' | 'xterm' = 'renderer'): HeadlessTerminal {
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 0 });
  if (widths === 'renderer') {
    term.unicode.register({
      version: 'logstream',
      wcwidth: (codePoint) => printWidth(codePoint),
      // xterm.js packs (width << 1 | joins-previous); a zero-width mark joins a character before it.
      charProperties(codePoint, preceding) {
        let width: number = printWidth(codePoint);
        let joins = width === 0 && preceding !== 0;
        const precedingWidth = (preceding >> 1) & 3;
        if (joins && precedingWidth === 0) joins = false;
        else if (joins) width = precedingWidth;
        return (width << 1) | (joins ? 1 : 0);
      },
    });
    term.unicode.activeVersion = 'logstream';
  }
  const titles: string[] = [];
  let bells = 0;
  term.onTitleChange((title) => titles.push(title));
  term.onBell(() => bells++);
  const line = (y: number): string => (term.buffer.active.getLine(y)?.translateToString(true) ?? '').trimEnd();
  return {
    term,
    write: (data) => new Promise<void>((resolve) => term.write(data, resolve)),
    line,
    lines: () => Array.from({ length: term.rows }, (_, y) => line(y)),
    snapshot: () => snapshot(term),
    titles,
    bells: () => bells,
    dispose: () => term.dispose(),
  };
}

function snapshot(term: Terminal): string[][] {
  const rows: string[][] = [];
  for (let y = 0; y < term.rows; y++) {
    const line = term.buffer.active.getLine(y);
    const cells: string[] = [];
    for (let x = 0; x < term.cols; x++) {
      const cell = line?.getCell(x);
      if (!cell) break;
      const attributes = [cell.isBold(), cell.isDim(), cell.isItalic(), cell.isUnderline(), cell.isInverse(), cell.isStrikethrough()];
      const fg = `${cell.getFgColorMode()}:${cell.getFgColor()}`;
      const bg = `${cell.getBgColorMode()}:${cell.getBgColor()}`;
      cells.push(`${cell.getChars() || ' '}/${cell.getWidth()}/${fg}/${bg}/${attributes.map((a) => (a ? 1 : 0)).join('')}`);
    }
    rows.push(cells);
  }
  return rows;
}
