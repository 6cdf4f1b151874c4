// Turns a scan's message span into the message string, and a scan into a public ParsedLine.
import { LineScan, MESSAGE_COMPUTED, MESSAGE_JSON, type LineFormat, type ParsedLine } from './format-types.js';

/** A quoted string's value (JSON escapes; the raw inside when they are not JSON's, e.g. Go's `\x`). */
function unquote(raw: string): string {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

/** The message a scan of `text` points at. */
export function messageOf(format: LineFormat, text: string, start: number, end: number, mode: number): string {
  if (mode === MESSAGE_COMPUTED) return format.messageOf(text, start, end);
  const raw = text.slice(start, end);
  if (mode !== MESSAGE_JSON) return raw;
  // Most strings have no escapes: drop the quotes instead of parsing.
  const value = raw.includes('\\') ? unquote(raw) : raw.slice(1, -1);
  // Docker's json-file driver and others keep the line's own newline.
  return value.endsWith('\n') ? value.slice(0, value.endsWith('\r\n') ? -2 : -1) : value;
}

const scratch = new LineScan();

/** `format.parse(text)` for formats built on `scan`: everything computed at once. */
export function parseWith(format: LineFormat, text: string): ParsedLine | undefined {
  scratch.reset(text.length);
  if (!format.scan(text, scratch)) return undefined;
  return toParsedLine(format, text, scratch);
}

/** The public shape of a scan. */
export function toParsedLine(format: LineFormat, text: string, scan: LineScan): ParsedLine {
  const line: ParsedLine = { message: messageOf(format, text, scan.messageStart, scan.messageEnd, scan.messageMode) };
  if (!Number.isNaN(scan.timestamp)) line.timestamp = scan.timestamp;
  if (scan.level !== undefined) line.level = scan.level;
  const fields = format.fieldsOf(text);
  if (fields !== undefined) line.fields = fields;
  return line;
}
