// Frames rendered into a headless xterm.js terminal, and the screen read back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FrameSpec } from '../test-utils/arbitraries.js';
import { frameSpecArb } from '../test-utils/arbitraries.js';
import { createHeadlessTerminal } from '../test-utils/headless-terminal.js';
import { HOSTILE_LINES } from '../test-utils/hostile-lines.js';
import { drawLine } from './draw-line.js';
import { Renderer } from './renderer.js';
import { ScreenBuffer } from './screen-buffer.js';

function buildFrame(rows: number, cols: number, spec: FrameSpec): ScreenBuffer {
  const screen = new ScreenBuffer(rows, cols);
  spec.forEach((pieces, row) => {
    for (const [col, text, style] of pieces) screen.put(row, col, text, style);
  });
  return screen;
}

const trimmed = (screen: ScreenBuffer): string[] => Array.from({ length: screen.rows }, (_, row) => screen.rowText(row).trimEnd());

describe('Renderer on a terminal', () => {
  it('draws by changes exactly what a full redraw draws, over random frame sequences', async () => {
    const [rows, cols] = [6, 14];
    await fc.assert(
      fc.asyncProperty(fc.array(frameSpecArb(rows, cols), { minLength: 1, maxLength: 6 }), async (specs) => {
        const byDiff = createHeadlessTerminal(cols, rows);
        const byFull = createHeadlessTerminal(cols, rows);
        const diffRenderer = new Renderer({ write: (data: string) => void byDiff.write(data) });
        const fullRenderer = new Renderer({ write: (data: string) => void byFull.write(data) });
        for (const spec of specs) {
          const frame = buildFrame(rows, cols, spec);
          diffRenderer.render(frame);
          fullRenderer.invalidate();
          fullRenderer.render(frame);
          await Promise.all([byDiff.write(''), byFull.write('')]);
          expect(byDiff.lines()).toEqual(trimmed(frame));
          expect(byDiff.snapshot()).toEqual(byFull.snapshot());
        }
        byDiff.dispose();
        byFull.dispose();
      }),
      { numRuns: 40 },
    );
  });

  it('keeps hostile lines from touching the rest of the screen, and shows them', async () => {
    const [rows, cols] = [HOSTILE_LINES.length + 2, 70];
    const terminal = createHeadlessTerminal(cols, rows);
    const screen = new ScreenBuffer(rows, cols);
    screen.put(0, 0, '== header ==', { inverse: true });
    screen.put(rows - 1, 0, '== status ==', { bold: true });
    HOSTILE_LINES.forEach(([, line], i) => drawLine(screen, i + 1, line));
    await terminal.write('\x1b]0;original\x07');
    const renderer = new Renderer({ write: (data: string) => void terminal.write(data) });
    renderer.render(screen);
    // A second frame redraws only the hostile rows: no leftover state from the first may leak.
    HOSTILE_LINES.forEach(([, line], i) => drawLine(screen, i + 1, line + '!'));
    renderer.render(screen);
    await terminal.write('');
    expect(terminal.line(0)).toBe('== header ==');
    expect(terminal.line(rows - 1)).toBe('== status ==');
    HOSTILE_LINES.forEach(([, , shown], i) => expect(terminal.line(i + 1)).toBe(shown + '!'));
    expect(terminal.titles).toEqual(['original']);
    expect(terminal.bells()).toBe(0);
    const { modes, buffer } = terminal.term;
    expect([modes.mouseTrackingMode, modes.bracketedPasteMode, modes.applicationCursorKeysMode, modes.insertMode]).toEqual(['none', false, false, false]);
    expect(buffer.active.type).toBe('normal');
    terminal.dispose();
  });

  it('gives CJK two columns on a terminal with xterm.js’s own widths', async () => {
    const terminal = createHeadlessTerminal(12, 2, 'xterm');
    const screen = new ScreenBuffer(2, 12);
    screen.put(0, 0, 'a世界b');
    screen.put(1, 0, '日本語テキスト');
    new Renderer({ write: (data: string) => void terminal.write(data) }).render(screen);
    await terminal.write('');
    expect(terminal.lines()).toEqual(['a世界b', '日本語テキス']);
    const line = terminal.term.buffer.active.getLine(0);
    expect([0, 1, 2, 3, 4, 5].map((x) => line?.getCell(x)?.getWidth())).toEqual([1, 2, 0, 2, 0, 1]);
  });

  it('places wide emoji and combined characters where the screen buffer has them', async () => {
    const terminal = createHeadlessTerminal(10, 1);
    const screen = new ScreenBuffer(1, 10);
    screen.put(0, 0, '😀e\u0301🚀|x');
    const renderer = new Renderer({ write: (data: string) => void terminal.write(data) });
    renderer.render(screen);
    screen.put(0, 3, '世'); // over the rocket
    renderer.render(screen);
    await terminal.write('');
    expect(terminal.line(0)).toBe('😀e\u0301世|x');
    expect(terminal.term.buffer.active.getLine(0)?.getCell(5)?.getChars()).toBe('|');
  });

  it('rewrites only the row that changed', async () => {
    const [rows, cols] = [20, 60];
    const terminal = createHeadlessTerminal(cols, rows);
    const written: string[] = [];
    const renderer = new Renderer({ write: (data: string) => (written.push(data), void terminal.write(data)) });
    const screen = new ScreenBuffer(rows, cols);
    for (let row = 0; row < rows; row++) drawLine(screen, row, `2024-05-01 12:00:${String(row).padStart(2, '0')} INFO line ${row}`);
    renderer.render(screen);
    drawLine(screen, 7, '2024-05-01 12:00:07 WARN line 7');
    const frame = renderer.render(screen);
    await terminal.write('');
    expect(written).toHaveLength(2);
    // eslint-disable-next-line no-control-regex -- counting cursor moves is the point
    expect(frame.match(/\x1b\[\d+;\d+H/g)).toEqual(['\x1b[8;21H']);
    expect(frame.length).toBeLessThan(40);
    expect(terminal.line(7)).toBe('2024-05-01 12:00:07 WARN line 7');
    expect(terminal.line(8)).toBe('2024-05-01 12:00:08 INFO line 8');
  });
});
