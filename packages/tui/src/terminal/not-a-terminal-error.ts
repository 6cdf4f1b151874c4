// The error a full-screen session raises when its input or output is not a terminal.

/** Input or output is a pipe or a file, so raw mode or the alternate screen cannot be had. */
export class NotATerminalError extends Error {
  override name = 'NotATerminalError' as const;
  readonly code = 'ERR_NOT_A_TERMINAL' as const;

  constructor(which: 'input' | 'output') {
    const fix =
      which === 'input'
        ? 'run it from a terminal, or when stdin is a pipe pass a tty.ReadStream opened on /dev/tty as `input`'
        : 'run it from a terminal without redirecting stdout, or pass a tty.WriteStream as `output`';
    super(`the terminal browser needs a terminal, but its ${which} is not a TTY: ${fix}`);
  }
}
