// TerminalSession with a fake TTY and process: enter, restore once, on signals, errors and exit.
import { describe, expect, it } from 'vitest';
import { FakeProcess } from '../test-utils/fake-process.js';
import { FakeTtyInput, FakeTtyOutput } from '../test-utils/fake-tty.js';
import { NotATerminalError } from './not-a-terminal-error.js';
import { enterSequence, restoreSequence } from './terminal-modes.js';
import type { TerminalSessionOptions } from './session-types.js';
import { TerminalSession } from './terminal-session.js';

function setup(options: Partial<TerminalSessionOptions> = {}) {
  const input = new FakeTtyInput();
  const output = new FakeTtyOutput(100, 30);
  const fakeProcess = new FakeProcess();
  const errors: string[] = [];
  const session = new TerminalSession({ input, output, process: fakeProcess, errorOutput: { write: (text: string) => errors.push(text) }, ...options });
  return { input, output, fakeProcess, errors, session };
}

describe('TerminalSession', () => {
  it('enters raw mode and full-screen modes', () => {
    const { input, output, session } = setup();
    expect(input.rawModeCalls).toEqual([true]);
    expect(output.text).toBe(enterSequence());
    expect(output.text).toContain('\x1b[?1049h');
    expect(output.text).toContain('\x1b[?25l');
    expect(output.text).toContain('\x1b[?1000h\x1b[?1006h');
    expect(output.text).toContain('\x1b[?2004h');
    expect(session.active).toBe(true);
    expect(session.size).toEqual({ columns: 100, rows: 30 });
  });

  it('leaves mouse and paste modes off when asked', () => {
    const { output } = setup({ mouse: false, bracketedPaste: false });
    expect(output.text).not.toContain('\x1b[?1000h');
    expect(output.text).not.toContain('\x1b[?2004h');
  });

  it('restores everything once, however often it is asked', () => {
    const { input, output, fakeProcess, session } = setup();
    expect(fakeProcess.hookCount()).toBe(6);
    session.restore();
    session.restore();
    session[Symbol.dispose]();
    expect(output.text).toBe(enterSequence() + restoreSequence());
    expect(input.rawModeCalls).toEqual([true, false]);
    expect(fakeProcess.hookCount()).toBe(0);
    expect(output.listenerCount('resize')).toBe(0);
    expect(session.active).toBe(false);
  });

  it('puts raw mode back as it found it', () => {
    const input = new FakeTtyInput();
    input.isRaw = true;
    const session = new TerminalSession({ input, output: new FakeTtyOutput(), process: new FakeProcess() });
    session.restore();
    expect(input.rawModeCalls).toEqual([true, true]);
  });

  it.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)('restores on %s, then dies of it', (signal) => {
    const { output, fakeProcess } = setup();
    fakeProcess.emit(signal, signal);
    expect(output.text.endsWith(restoreSequence())).toBe(true);
    expect(fakeProcess.kills).toEqual([{ pid: fakeProcess.pid, signal }]);
    expect(fakeProcess.hookCount()).toBe(0);
  });

  it('leaves a signal to the app when it has its own handler', () => {
    const { output, fakeProcess } = setup();
    const seen: string[] = [];
    fakeProcess.on('SIGTERM', () => seen.push('app'));
    fakeProcess.emit('SIGTERM', 'SIGTERM');
    expect(output.text.endsWith(restoreSequence())).toBe(true);
    expect(fakeProcess.kills).toEqual([]);
    expect(seen).toEqual(['app']);
  });

  it.each(['uncaughtException', 'unhandledRejection'] as const)('on %s restores first, then prints the error and exits 1', (event) => {
    const order: string[] = [];
    const output = new FakeTtyOutput();
    const fakeProcess = new FakeProcess();
    const errorOutput = { write: (text: string) => order.push(`stderr: ${text}`) };
    new TerminalSession({ input: new FakeTtyInput(), output, errorOutput, process: fakeProcess });
    const write = output.write.bind(output);
    output.write = (data: string) => (order.push('terminal'), write(data));
    fakeProcess.emit(event, new Error('boom'));
    expect(output.text.endsWith(restoreSequence())).toBe(true);
    expect(order).toEqual(['terminal', expect.stringMatching(/^stderr: Error: boom\n\s+at /)]);
    expect(fakeProcess.exitCodes).toEqual([1]);
    expect(fakeProcess.hookCount()).toBe(0);
  });

  it('prints what was thrown when it is not an Error', () => {
    const { fakeProcess, errors } = setup();
    fakeProcess.emit('unhandledRejection', 'just a string');
    expect(errors).toEqual(["'just a string'\n"]);
  });

  it('restores on process exit', () => {
    const { output, fakeProcess } = setup();
    fakeProcess.emit('exit', 0);
    expect(output.text.endsWith(restoreSequence())).toBe(true);
    expect(fakeProcess.exitCodes).toEqual([]);
  });

  it('restores without throwing when the terminal is gone', () => {
    const { input, output, fakeProcess } = setup();
    output.failWrites = true;
    input.setRawMode = () => {
      throw new Error('EIO');
    };
    expect(() => fakeProcess.emit('SIGHUP', 'SIGHUP')).not.toThrow();
    expect(fakeProcess.kills).toHaveLength(1);
  });

  it('reports resizes with the new size until restored', () => {
    const { output, session } = setup();
    const sizes: unknown[] = [];
    const stop = session.onResize((size) => sizes.push(size));
    output.resize(120, 40);
    stop();
    output.resize(90, 20);
    session.onResize((size) => sizes.push(size));
    session.restore();
    output.resize(80, 24);
    expect(sizes).toEqual([{ columns: 120, rows: 40 }]);
  });

  it('writes while active and drops writes after restore', () => {
    const { output, session } = setup();
    session.write('frame');
    session.restore();
    session.write('late frame');
    expect(output.text).toBe(enterSequence() + 'frame' + restoreSequence());
  });

  it('pauses the input on restore so the process can exit', () => {
    const { input, session } = setup();
    input.resume();
    session.restore();
    expect(input.flowing).toBe(false);
  });

  it('refuses an input or output that is not a terminal, saying what to do', () => {
    const fakeProcess = new FakeProcess();
    const pipe = { isTTY: false, write: () => true, on: () => {}, off: () => {} };
    const pipeIn = { isTTY: false, on: () => {}, off: () => {} };
    expect(() => new TerminalSession({ input: pipeIn, output: new FakeTtyOutput(), process: fakeProcess })).toThrow(NotATerminalError);
    expect(() => new TerminalSession({ input: new FakeTtyInput(), output: pipe, process: fakeProcess })).toThrow(/output is not a TTY.*tty\.WriteStream/);
    expect(fakeProcess.hookCount()).toBe(0);
    try {
      new TerminalSession({ input: pipeIn, process: fakeProcess });
    } catch (error) {
      expect(error).toMatchObject({ code: 'ERR_NOT_A_TERMINAL', name: 'NotATerminalError' });
      expect(String(error)).toMatch(/\/dev\/tty/);
    }
  });

  it('works with the real process object’s types', () => {
    // Compile-time check: process satisfies SessionProcess, process.stdin/stdout the stream types.
    const options: TerminalSessionOptions = { process, input: process.stdin, output: process.stdout };
    expect(options.process).toBe(process);
  });
});
