// Renderer output as text: full first frame, nothing for no change, one row for one change, the cursor.
import { describe, expect, it } from 'vitest';
import { FakeTtyOutput } from '../test-utils/fake-tty.js';
import { Renderer } from './renderer.js';
import { ScreenBuffer } from './screen-buffer.js';

const SYNC_ON = '\x1b[?2026h';
const SYNC_OFF = '\x1b[?2026l';

function setup(options: { synchronized?: boolean } = {}): { output: FakeTtyOutput; renderer: Renderer; screen: ScreenBuffer } {
  const output = new FakeTtyOutput(10, 3);
  const screen = new ScreenBuffer(3, 10);
  screen.put(0, 0, 'hello');
  return { output, renderer: new Renderer(output, options), screen };
}

describe('Renderer', () => {
  it('clears and draws the first frame in full, in one write', () => {
    const { output, renderer, screen } = setup();
    const frame = renderer.render(screen);
    expect(output.writes).toEqual([frame]);
    expect(frame).toBe(`${SYNC_ON}\x1b[0m\x1b[H\x1b[2J\x1b[1;1Hhello${SYNC_OFF}`);
  });

  it('writes nothing for an unchanged frame', () => {
    const { output, renderer, screen } = setup();
    renderer.render(screen);
    expect(renderer.render(screen)).toBe('');
    expect(output.writes).toHaveLength(1);
  });

  it('writes only the change of a changed frame', () => {
    const { renderer, screen } = setup({ synchronized: false });
    renderer.render(screen);
    screen.put(2, 0, 'bye');
    expect(renderer.render(screen)).toBe('\x1b[3;1Hbye');
  });

  it('draws a frame of another size in full', () => {
    const { renderer, screen } = setup({ synchronized: false });
    renderer.render(screen);
    const bigger = new ScreenBuffer(4, 12);
    bigger.put(0, 0, 'hello');
    expect(renderer.render(bigger)).toBe('\x1b[0m\x1b[H\x1b[2J\x1b[1;1Hhello');
  });

  it('draws in full after invalidate', () => {
    const { renderer, screen } = setup({ synchronized: false });
    renderer.render(screen);
    renderer.invalidate();
    expect(renderer.render(screen)).toBe('\x1b[0m\x1b[H\x1b[2J\x1b[1;1Hhello');
  });

  it('shows the cursor where asked, hides it while drawing, and hides it when not asked', () => {
    const { renderer, screen } = setup({ synchronized: false });
    expect(renderer.render(screen, { row: 2, col: 4 })).toBe('\x1b[0m\x1b[H\x1b[2J\x1b[1;1Hhello\x1b[3;5H\x1b[?25h');
    expect(renderer.render(screen, { row: 2, col: 4 })).toBe('');
    expect(renderer.render(screen, { row: 2, col: 5 })).toBe('\x1b[3;6H');
    screen.put(1, 0, 'x');
    expect(renderer.render(screen, { row: 2, col: 5 })).toBe('\x1b[?25l\x1b[2;1Hx\x1b[3;6H\x1b[?25h');
    expect(renderer.render(screen)).toBe('\x1b[?25l');
    expect(renderer.render(screen)).toBe('');
  });
});
