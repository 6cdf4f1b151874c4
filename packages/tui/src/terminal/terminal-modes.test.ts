// The enter and restore sequences, checked on a headless terminal.
import { describe, expect, it } from 'vitest';
import { createHeadlessTerminal } from '../test-utils/headless-terminal.js';
import { enterSequence, restoreSequence } from './terminal-modes.js';

describe('terminal modes', () => {
  it('enter the alternate screen with the mouse and bracketed paste on, and restore leaves them', async () => {
    const terminal = createHeadlessTerminal(20, 4);
    await terminal.write('shell prompt $ ');
    await terminal.write(enterSequence());
    // `modes` is a fresh snapshot on every read.
    let modes = terminal.term.modes;
    const buffer = terminal.term.buffer;
    expect(buffer.active.type).toBe('alternate');
    expect(modes.mouseTrackingMode).toBe('vt200');
    expect(modes.bracketedPasteMode).toBe(true);
    expect(modes.wraparoundMode).toBe(false);
    await terminal.write('\x1b[1;1Hbrowser');
    await terminal.write(restoreSequence());
    expect(buffer.active.type).toBe('normal');
    modes = terminal.term.modes;
    expect(modes.mouseTrackingMode).toBe('none');
    expect(modes.bracketedPasteMode).toBe(false);
    expect(modes.wraparoundMode).toBe(true);
    expect(terminal.line(0)).toBe('shell prompt $');
    terminal.dispose();
  });

  it('turns every mode off on restore, even ones never turned on', () => {
    expect(restoreSequence()).toContain('\x1b[?1000l');
    expect(restoreSequence()).toContain('\x1b[?2004l');
    expect(enterSequence({ mouse: false, bracketedPaste: false })).toBe('\x1b[?1049h\x1b[?25l\x1b[?7l');
  });
});
