// The layer end to end on a headless terminal: session, keys, scheduled frames, resize, restore.
import { describe, expect, it } from 'vitest';
import { readKeys } from '../input/key-reader.js';
import { drawLine } from '../render/draw-line.js';
import { FrameScheduler } from '../render/frame-scheduler.js';
import { Renderer } from '../render/renderer.js';
import { ScreenBuffer } from '../render/screen-buffer.js';
import { FakeProcess } from '../test-utils/fake-process.js';
import { FakeTtyInput, FakeTtyOutput } from '../test-utils/fake-tty.js';
import { createHeadlessTerminal } from '../test-utils/headless-terminal.js';
import { ManualClock } from '../test-utils/manual-clock.js';
import { TerminalSession } from './terminal-session.js';

describe('full-screen flow', () => {
  it('draws, scrolls on keys and wheel, redraws in full on resize, and restores the shell screen', async () => {
    const terminal = createHeadlessTerminal(30, 5);
    await terminal.write('$ logstream browse app.log');
    const input = new FakeTtyInput();
    const output = new FakeTtyOutput(30, 5);
    const pending: Promise<void>[] = [];
    output.write = (data: string) => (pending.push(terminal.write(data)), true);
    const settle = async (): Promise<void> => void (await Promise.all(pending));
    const clock = new ManualClock();

    const lines = Array.from({ length: 50 }, (_, i) => (i === 3 ? '\x1b]0;owned\x07\x1b[2J' : `line ${i}`));
    let top = 0;
    const session = new TerminalSession({ input, output, process: new FakeProcess() });
    const renderer = new Renderer(session);
    const draw = (): void => {
      const { columns, rows } = session.size;
      const screen = new ScreenBuffer(rows, columns);
      for (let row = 0; row < rows - 1; row++) drawLine(screen, row, lines[top + row] ?? '~');
      screen.put(rows - 1, 0, `top ${top}`, { inverse: true });
      renderer.render(screen);
    };
    const scheduler = new FrameScheduler(draw, { clock });
    session.onResize(() => {
      renderer.invalidate();
      scheduler.flush();
    });
    const keys = readKeys(input, (event) => {
      if (event.type === 'key' && event.key === 'j') top++;
      if (event.type === 'mouse' && event.button === 'wheel-down') top += 3;
      scheduler.invalidate();
    }, { clock });

    scheduler.invalidate();
    clock.advance(0);
    await settle();
    expect(terminal.lines()).toEqual(['line 0', 'line 1', 'line 2', '^[]0;owned^G^[[2J', 'top 0']);

    input.send('jj');
    input.send('\x1b[<65;3;3M');
    clock.advance(40);
    await settle();
    expect(terminal.lines()).toEqual(['line 5', 'line 6', 'line 7', 'line 8', 'top 5']);

    terminal.term.resize(20, 3);
    output.resize(20, 3);
    await settle();
    expect(terminal.lines()).toEqual(['line 5', 'line 6', 'top 5']);

    keys.unsubscribe();
    scheduler.dispose();
    session.restore();
    await settle();
    expect(terminal.term.buffer.active.type).toBe('normal');
    expect(terminal.line(0)).toBe('$ logstream browse a');
    expect(terminal.titles).toEqual([]);
    terminal.dispose();
  });
});
