// Writes frames to the terminal: the first in full, then only what changed, each in one write.
import { drawChanges } from './draw-changes.js';
import { ScreenBuffer } from './screen-buffer.js';

/** Where the output goes: a TTY stream, a TerminalSession, or a test double. */
export interface FrameOutput {
  write(data: string): unknown;
}

/** A visible cursor for the frame (a prompt's insertion point), zero-based. */
export interface CursorPosition {
  row: number;
  col: number;
}

export interface RendererOptions {
  /**
   * Wrap each frame in synchronized-update marks (`CSI ? 2026 h` … `l`) so terminals that
   * know them show the frame at once; others ignore the marks. @default true
   */
  synchronized?: boolean;
}

const CLEAR_SCREEN = '\x1b[0m\x1b[H\x1b[2J';
const SHOW_CURSOR = '\x1b[?25h';
const HIDE_CURSOR = '\x1b[?25l';
const BEGIN_SYNC = '\x1b[?2026h';
const END_SYNC = '\x1b[?2026l';

/**
 * Draws {@link ScreenBuffer} frames on a terminal. It remembers the last frame it wrote and
 * sends only the changed spans of changed rows; the first frame, a frame of another size, and
 * the frame after {@link invalidate} clear the screen and draw everything. Each frame is built
 * as one string and written with one `write`.
 *
 * @example
 * const renderer = new Renderer(process.stdout);
 * renderer.render(screen); // full frame
 * screen.put(3, 0, 'changed');
 * renderer.render(screen); // just row 3
 */
export class Renderer {
  readonly #output: FrameOutput;
  readonly #synchronized: boolean;
  #front: ScreenBuffer | undefined;
  #cursor: CursorPosition | undefined;

  constructor(output: FrameOutput, options: RendererOptions = {}) {
    this.#output = output;
    this.#synchronized = options.synchronized ?? true;
  }

  /**
   * Brings the terminal up to `screen`, showing the cursor at `cursor` if given (hidden
   * otherwise). Returns what was written: `''` when nothing changed, and then nothing is written.
   */
  render(screen: ScreenBuffer, cursor?: CursorPosition): string {
    let body: string;
    if (!this.#front || this.#front.rows !== screen.rows || this.#front.cols !== screen.cols) {
      this.#front = new ScreenBuffer(screen.rows, screen.cols);
      body = CLEAR_SCREEN + drawChanges(this.#front, screen);
    } else {
      body = drawChanges(this.#front, screen);
    }
    const before = this.#cursor;
    const moved = cursor?.row !== before?.row || cursor?.col !== before?.col;
    if (body === '' && !moved) return '';
    if (cursor) {
      // Hidden while drawing, so the cursor does not race across the screen on terminals
      // without synchronized updates.
      if (before && body !== '') body = HIDE_CURSOR + body;
      body += `\x1b[${cursor.row + 1};${cursor.col + 1}H`;
      if (!before || body.startsWith(HIDE_CURSOR)) body += SHOW_CURSOR;
    } else if (before) {
      body = HIDE_CURSOR + body;
    }
    this.#cursor = cursor ? { ...cursor } : undefined;
    const frame = this.#synchronized ? BEGIN_SYNC + body + END_SYNC : body;
    this.#output.write(frame);
    return frame;
  }

  /** Makes the next {@link render} clear the screen and draw everything (after a resize or a suspend). */
  invalidate(): void {
    this.#front = undefined;
  }
}
