// One line's bytes to its text: the `\r` of `\r\n` stripped, cut at the cap on a character
// boundary, decoded as UTF-8. The index, tail() and the search worker all go through here.
import { utf8Boundary } from '../framing/byte-ranges.js';

const CR = 0x0d;

/** A line's text and whether it was cut at the cap. */
export interface DecodedLine {
  readonly text: string;
  readonly cut: boolean;
}

/**
 * Decodes a line of `length` bytes (without its `\n`) from `head`, which holds at least its
 * first `min(length, cap + 1)` bytes: one byte past the cap tells "exactly the cap, then `\r`"
 * from "longer than the cap".
 */
export function decodeLine(head: Buffer, length: number, cap: number): DecodedLine {
  let content = length;
  if (length > 0 && length <= head.length && head[length - 1] === CR) content--;
  if (content <= cap) return { text: head.toString('utf8', 0, content), cut: false };
  return { text: head.toString('utf8', 0, utf8Boundary(head, cap)), cut: true };
}
