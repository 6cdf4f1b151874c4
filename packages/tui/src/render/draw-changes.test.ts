// The output between two frames: changed spans only, styles, erased tails, wide characters.
import { describe, expect, it } from 'vitest';
import { drawChanges } from './draw-changes.js';
import { ScreenBuffer } from './screen-buffer.js';

function frames(rows: number, cols: number, draw: (screen: ScreenBuffer) => void): [ScreenBuffer, ScreenBuffer] {
  const front = new ScreenBuffer(rows, cols);
  front.put(0, 0, 'first row');
  front.put(1, 0, 'second');
  const next = new ScreenBuffer(rows, cols);
  next.copyRow(front, 0);
  next.copyRow(front, 1);
  draw(next);
  return [front, next];
}

describe('drawChanges', () => {
  it('writes nothing when nothing changed', () => {
    const [front, next] = frames(3, 20, () => {});
    expect(drawChanges(front, next)).toBe('');
  });

  it('writes only the changed span of the changed row', () => {
    const [front, next] = frames(3, 20, (screen) => screen.put(1, 3, 'O'));
    expect(drawChanges(front, next)).toBe('\x1b[2;4HO');
    expect(front.sameRow(next, 1)).toBe(true);
  });

  it('sets the style for the span and resets the pen after', () => {
    const [front, next] = frames(3, 20, (screen) => screen.put(0, 0, 'F', { fg: 1 }));
    expect(drawChanges(front, next)).toBe('\x1b[1;1H\x1b[31mF\x1b[0m');
  });

  it('erases a blank tail instead of writing spaces', () => {
    const [front, next] = frames(3, 20, (screen) => screen.fill(0, 5, 15));
    expect(drawChanges(front, next)).toBe('\x1b[1;7H\x1b[K');
  });

  it('writes a short blank tail as spaces when the span does not reach it', () => {
    const [front, next] = frames(3, 20, (screen) => screen.put(0, 1, 'X Y'));
    expect(drawChanges(front, next)).toBe('\x1b[1;2HX Y');
  });

  it('writes a wide character whole when only its second half changed', () => {
    const front = new ScreenBuffer(1, 6);
    front.put(0, 0, 'ab世');
    const next = new ScreenBuffer(1, 6);
    next.put(0, 0, 'ab世');
    next.styles[3] = { fg: 1 };
    expect(drawChanges(front, next).startsWith('\x1b[1;3H')).toBe(true);
  });

  it('skips continuation cells', () => {
    const front = new ScreenBuffer(1, 6);
    const next = new ScreenBuffer(1, 6);
    next.put(0, 0, '世界!');
    expect(drawChanges(front, next)).toBe('\x1b[1;1H世界!');
  });
});
