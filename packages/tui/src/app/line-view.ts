// How one record looks on screen: level colour, a coloured tag for its file, JSON lines shown
// compactly, search matches highlighted; as display cells, ready to cut or wrap.
import type { LogLevel, LogRecord } from '@logstream/core';
import { emptyLine, layoutLine, pushCell, type LineCells } from '../render/layout-line.js';
import { Colors, mergeStyles, type Style } from '../render/style.js';

const LEVEL_STYLES: Readonly<Record<LogLevel, Style>> = {
  trace: { fg: Colors.gray },
  debug: { fg: Colors.gray },
  info: {},
  notice: { fg: Colors.cyan },
  warn: { fg: Colors.yellow },
  error: { fg: Colors.brightRed },
  fatal: { fg: Colors.brightRed, bold: true },
};
const TAG_COLORS = [Colors.cyan, Colors.magenta, Colors.green, Colors.blue, Colors.yellow, Colors.brightCyan, Colors.brightMagenta, Colors.brightGreen];
const MATCH_STYLE: Style = { bg: Colors.yellow, fg: Colors.black };
const CURSOR_STYLE: Style = { bg: 236 };
/** Characters laid out per line at most: a 1 MiB line is only laid out as far as it can be seen. */
const MAX_LAYOUT_COLUMNS = 4096;

/** The style of a record's text by its level (a continuation line has its message's). */
export function levelStyle(level: LogLevel | undefined): Style {
  return level ? LEVEL_STYLES[level] : {};
}

/** The colour of file number `n`'s tag. */
export function tagColor(n: number): number {
  return TAG_COLORS[n % TAG_COLORS.length] as number;
}

/** The text a record shows: a JSON line as `time level message key=value…`, others as they are. */
export function displayText(record: LogRecord): string {
  if (record.format !== 'json' || record.continuation || !record.fields) return record.line.text;
  const parts: string[] = [];
  if (record.timestamp !== undefined && Number.isFinite(record.timestamp)) parts.push(new Date(record.timestamp).toISOString().replace('T', ' ').replace('Z', ''));
  if (record.level) parts.push(record.level.toUpperCase().padEnd(5));
  parts.push(record.message);
  for (const [key, value] of Object.entries(record.fields)) {
    if (MESSAGE_KEYS.has(key)) continue;
    parts.push(`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  return parts.join(' ');
}
const MESSAGE_KEYS = new Set(['msg', 'message', 'time', 'timestamp', '@timestamp', 'ts', 'level', 'lvl', 'severity', 'v', '@t', '@l', '@m', '@mt', 'Timestamp', 'SeverityText', 'SeverityNumber', 'Body', 'body', 'timeUnixNano', 'severityText', 'severityNumber']);

export interface LineViewOptions {
  /** The file's tag (`[api]`) and its number (for the colour); none when one file is shown. */
  tag?: { text: string; n: number } | undefined;
  /** Search pattern to highlight. */
  highlight?: RegExp | undefined;
  selected?: boolean;
}

/** The cells of a record's line, styled. */
export function lineCells(record: LogRecord, options: LineViewOptions = {}): LineCells {
  const base = baseStyle(record, options.selected === true);
  // The common case (no tag, no search): the text's own layout, with nothing copied.
  if (!options.tag && !options.highlight) return layoutLine(displayText(record), { style: base, maxColumns: MAX_LAYOUT_COLUMNS });
  const out = emptyLine();
  if (options.tag) {
    append(out, layoutLine(options.tag.text, { sgr: false, style: mergeStyles({ fg: tagColor(options.tag.n) }, options.selected ? CURSOR_STYLE : {}) }));
    pushCell(out, ' ', 1, base);
  }
  const text = displayText(record);
  let from = 0;
  for (const [start, end] of options.highlight ? matchRanges(options.highlight, text) : []) {
    if (start > from) append(out, layoutLine(text.slice(from, start), { style: base, maxColumns: MAX_LAYOUT_COLUMNS }));
    append(out, layoutLine(text.slice(start, end), { style: mergeStyles(base, MATCH_STYLE), maxColumns: MAX_LAYOUT_COLUMNS }));
    from = end;
    if (out.columns > MAX_LAYOUT_COLUMNS) break;
  }
  if (from < text.length && out.columns <= MAX_LAYOUT_COLUMNS) append(out, layoutLine(text.slice(from), { style: base, maxColumns: MAX_LAYOUT_COLUMNS }));
  return out;
}

/** Styles by level, continuation and selection, made once: a frame allocates none. */
const BASE_STYLES = new Map<string, Style>();
function baseStyle(record: LogRecord, selected: boolean): Style {
  const key = `${record.level ?? ''}|${record.continuation ? 1 : 0}|${selected ? 1 : 0}`;
  let style = BASE_STYLES.get(key);
  if (!style) {
    style = levelStyle(record.level);
    if (record.continuation) style = mergeStyles(style, { dim: record.level === undefined || record.level === 'info' });
    if (selected) style = mergeStyles(style, CURSOR_STYLE);
    BASE_STYLES.set(key, style);
  }
  return style;
}

function append(to: LineCells, cells: LineCells): void {
  for (let i = 0; i < cells.chars.length; i++) pushCell(to, cells.chars[i] as string, cells.widths[i] as number, cells.styles[i] as Style);
}

function matchRanges(pattern: RegExp, text: string): [number, number][] {
  const re = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  const out: [number, number][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null && out.length < 200; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}
