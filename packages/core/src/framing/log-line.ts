// The unit every subscriber receives: one whole line with where it came from.

/** One whole line of a followed file. */
export interface LogLine {
  /** The line's text, decoded as UTF-8, without its `\n` or `\r\n`. Invalid bytes become U+FFFD. */
  readonly text: string;
  /** The path the stream follows (the name, not the rotated file's new name). */
  readonly path: string;
  /** Byte offset in the file where the line starts. Offsets restart at 0 in a new file after rotation. */
  readonly offset: number;
  /** Byte offset just past the line's terminator: where reading would resume after this line. */
  readonly end: number;
  /** Per-stream sequence number, starting at 1 and never repeating within a stream. */
  readonly seq: number;
  /**
   * Set when the line was cut at the length cap (`maxLineBytes`): the next line continues it.
   * Only present when true.
   */
  readonly split?: true;
  /**
   * Set when the line had no newline yet and was delivered anyway: by the partial-line flush,
   * or because its file was released (rotated away and idle, or truncated). Only present when true.
   */
  readonly partial?: true;
}
