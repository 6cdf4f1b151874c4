// Draws one frame of the browser into a screen buffer: log lines, status bar, and the bottom
// line (prompt, message or hints), or the help / detail overlay.
import type { ExecutionSnapshot, LogRecord } from '@logstream/core';
import { cutLine, wrapLine } from '../render/cut-line.js';
import type { CursorPosition } from '../render/renderer.js';
import { ScreenBuffer } from '../render/screen-buffer.js';
import { Colors, type Style } from '../render/style.js';
import type { BrowserController } from './browser-controller.js';
import { HELP_LINES } from './help-text.js';
import { lineCells } from './line-view.js';

/** What the frame shows besides the controller's state. */
export interface FrameInfo {
  readonly columns: number;
  readonly rows: number;
  /** Short names of the followed files, by path, with their tag number. */
  readonly files: ReadonlyMap<string, { name: string; n: number }>;
  readonly monitor: ExecutionSnapshot;
  /** Extra progress (indexing a huge file), shown in the status bar. */
  readonly progress?: string | undefined;
}

const STATUS: Style = { inverse: true };
const FOLLOW_BADGE: Style = { bg: Colors.green, fg: Colors.black, bold: true };
const PAUSED_BADGE: Style = { bg: Colors.yellow, fg: Colors.black, bold: true };
const ERROR_COUNT: Style = { inverse: true, fg: Colors.brightRed, bold: true };
const HINT: Style = { fg: Colors.gray };
const GAP: Style = { fg: Colors.gray, dim: true };

/** `1234567` as `1,234,567` (Intl's toLocaleString is far too slow to call every frame). */
function thousands(n: number): string {
  const digits = String(Math.trunc(n));
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Rows left for log lines on a screen of `rows`. */
export function pageRows(rows: number): number {
  return Math.max(1, rows - 2);
}

/** Screen rows `record` takes when wrapped to `columns`. */
export function wrappedRows(record: LogRecord, columns: number, tagged: boolean, tag: { name: string; n: number } | undefined): number {
  return wrapLine(lineCells(record, { tag: tagged && tag ? { text: `[${tag.name}]`, n: tag.n } : undefined }), columns).length;
}

/** Draws the frame into `reuse` when it has the right size (saves allocating a screen per frame), else a new buffer. */
export function drawScreen(c: BrowserController, info: FrameInfo, reuse?: ScreenBuffer): { screen: ScreenBuffer; cursor: CursorPosition | undefined } {
  const screen = reuse && reuse.rows === info.rows && reuse.cols === info.columns ? reuse : new ScreenBuffer(info.rows, info.columns);
  if (screen === reuse) screen.clear();
  const s = c.state;
  if (s.overlay?.kind === 'help') drawText(screen, HELP_LINES, 0);
  else if (s.overlay?.kind === 'detail') drawText(screen, detailLines(s.overlay.record, info), s.overlay.scroll);
  else drawLines(screen, c, info);
  drawStatus(screen, c, info);
  return { screen, cursor: drawBottom(screen, c) };
}

function drawLines(screen: ScreenBuffer, c: BrowserController, info: FrameInfo): void {
  const s = c.state;
  const rows = pageRows(info.rows);
  const tagged = info.files.size > 1 && c.filters.path === undefined;
  let row = 0;
  for (let i = s.top; row < rows && i < c.store.count; i++) {
    if (i === c.store.gapBefore && i > 0 && !s.wrap) {
      // The last screen was read before the index got there: lines in between are not known yet.
      screen.put(row++, 0, '┄┄ the file continues here; still indexing ┄┄', GAP);
      if (row >= rows) break;
    }
    const record = c.store.get(i);
    if (!record) {
      row++;
      continue;
    }
    const tag = tagged ? info.files.get(record.line.path) : undefined;
    const cells = lineCells(record, { tag: tag ? { text: `[${tag.name}]`, n: tag.n } : undefined, highlight: s.search?.pattern, selected: s.cursor === i });
    const fill = s.cursor === i ? { bg: 236 } : {};
    for (const part of s.wrap ? wrapLine(cells, info.columns) : [cutLine(cells, s.offset, info.columns)]) {
      if (row >= rows) break;
      screen.fill(row, 0, info.columns, ' ', fill);
      screen.putCells(row, 0, part);
      row++;
    }
  }
}

function drawText(screen: ScreenBuffer, lines: readonly string[], scroll: number): void {
  const rows = pageRows(screen.rows);
  for (let r = 0; r < rows; r++) {
    const text = lines[r + scroll];
    if (text !== undefined) screen.put(r, 0, text);
  }
}

function detailLines(record: LogRecord, info: FrameInfo): string[] {
  const file = info.files.get(record.line.path)?.name ?? record.line.path;
  const head = [
    `file: ${file}   line offset: ${record.line.offset}   format: ${record.format}`,
    `time: ${record.timestamp !== undefined && Number.isFinite(record.timestamp) ? new Date(record.timestamp).toISOString() : '—'}   level: ${record.level ?? '—'}${record.continuation ? '   (continuation of the message above)' : ''}`,
    '',
  ];
  const body = record.fields && Object.keys(record.fields).length > 0 ? JSON.stringify(record.fields, null, 2).split('\n') : [];
  const text: string[] = [];
  for (let i = 0; i < record.line.text.length; i += Math.max(20, info.columns)) text.push(record.line.text.slice(i, i + Math.max(20, info.columns)));
  return [...head, ...(body.length > 0 ? [...body, ''] : []), ...text, '', '(j/k scroll, q or Esc closes)'];
}

function drawStatus(screen: ScreenBuffer, c: BrowserController, info: FrameInfo): void {
  const row = info.rows - 2;
  if (row < 0) return;
  const s = c.state;
  screen.fill(row, 0, info.columns, ' ', STATUS);
  let col = 0;
  const badge = s.follow ? ' FOLLOW ' : s.newBelow > 0 ? ` PAUSED +${thousands(s.newBelow)} new ` : ' PAUSED ';
  col += screen.put(row, col, badge, s.follow ? FOLLOW_BADGE : PAUSED_BADGE);
  const only = c.filters.path;
  const files = only !== undefined ? (info.files.get(only)?.name ?? only) : info.files.size === 1 ? ([...info.files.values()][0]?.name ?? '') : `${info.files.size} files`;
  const count = c.store.count;
  const last = Math.min(count, s.top + pageRows(info.rows));
  const position = count === 0 ? 'no lines yet' : `${thousands(s.top + 1)}-${thousands(last)}/${thousands(count)} ${Math.round((100 * last) / count)}%`;
  const parts = [files, position];
  if (c.filters.active && c.filters.describe() !== '') parts.push(`filters: ${c.filters.describe()}`);
  if (s.search) parts.push(`/${s.search.source}`);
  if (s.searching) parts.push(`searching ${Math.round(s.searching.fraction * 100)}% (Esc stops)`);
  if (info.progress) parts.push(info.progress);
  if (s.wrap) parts.push('wrap');
  col += screen.put(row, col, ` ${parts.join(' │ ')} `, STATUS);
  const m = info.monitor;
  const errors = m.counts.error + m.counts.fatal;
  const right = ` E ${errors}  W ${m.counts.warn}  ${thousands(Math.round(m.linesPerSecond))}/s `;
  const at = Math.max(col, info.columns - right.length);
  screen.put(row, at, right, errors > 0 ? ERROR_COUNT : STATUS);
}

function drawBottom(screen: ScreenBuffer, c: BrowserController): CursorPosition | undefined {
  const row = screen.rows - 1;
  if (row < 0) return undefined;
  const s = c.state;
  if (s.prompt) {
    const used = screen.put(row, 0, s.prompt.kind + s.prompt.text);
    return { row, col: Math.min(screen.cols - 1, used) };
  }
  if (s.message) screen.put(row, 0, s.message);
  else screen.put(row, 0, 'h help · / search · & ! filter · l level · e w errors/warnings · F follow · Tab files · q quit', HINT);
  return undefined;
}
