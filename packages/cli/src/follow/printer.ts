// Turns delivered lines into output text: tail-style `==> name <==` headers, `name: ` prefixes,
// or one JSON object per line, with control characters made visible when writing to a terminal.
import type { LogLine, LogRecord } from '@logstream/core';
import { sanitizeForTerminal, sanitizeJson, sanitizeLines } from '../output/sanitize.js';

/** How lines from several files are told apart. */
export type LineLabels = 'headers' | 'prefix' | 'none';

/** Options of a {@link Printer}. */
export interface PrinterOptions {
  /** `text`: the lines as they are; `json`: one `{"text","file","offset","seq",…}` object per line. @default 'text' */
  format?: 'text' | 'json';
  /** Text format only: a header when output switches file, a `name: ` tag on each line, or nothing. @default 'none' */
  labels?: LineLabels;
  /** Show control characters as visible escapes (for a terminal). @default false */
  sanitize?: boolean;
}

/** One followed file as the printer knows it: the name the user gave for it. */
export interface PrintSource {
  readonly name: string;
}

/**
 * Formats batches of lines from any number of files into one string per batch. It remembers
 * which file was printed last, so a header appears only when output switches file, and a blank
 * line separates each header from the output before it, exactly as `tail` does.
 *
 * @example
 * const printer = new Printer({ labels: 'headers' });
 * printer.format({ name: 'a.log' }, lines); // '==> a.log <==\nfirst\nsecond\n'
 */
export class Printer {
  private readonly output: 'text' | 'json';
  private readonly labels: LineLabels;
  private readonly sanitize: boolean;
  private last: PrintSource | undefined;
  private readonly names = new Map<PrintSource, string>();

  constructor(options: PrinterOptions = {}) {
    this.output = options.format ?? 'text';
    this.labels = options.labels ?? 'none';
    this.sanitize = options.sanitize ?? false;
  }

  /**
   * True when output is the lines as they are (text, no prefixes, not sanitised): then the
   * file's own bytes can be written, with {@link formatBytes}, without decoding or re-encoding.
   */
  get passesBytes(): boolean {
    return this.output === 'text' && this.labels !== 'prefix' && !this.sanitize;
  }

  /** The text for `lines` of `source`, each line ending in `\n`; empty when there are none. */
  format(source: PrintSource, lines: readonly LogLine[]): string {
    if (lines.length === 0) return '';
    if (this.output === 'json') return this.json(source, lines);
    const out = this.header(source);
    const body = this.labels === 'prefix' ? this.prefixed(this.nameOf(source) + ': ', lines) : joinTexts(lines);
    return out + (this.sanitize ? sanitizeLines(body) : body);
  }

  /**
   * The text for parsed `records`, which may come from several files (after a merge): a header
   * whenever output switches file. In JSON, each object also has `time` (ISO 8601, UTC),
   * `level`, `fields` and `continuation` when the parser found them.
   */
  formatRecords(records: readonly LogRecord[], sourceOf: (path: string) => PrintSource): string {
    let out = '';
    let from = 0;
    // Runs of records from one file are formatted together, as batches of lines are.
    for (let i = 1; i <= records.length; i++) {
      const path = (records[from] as LogRecord).line.path;
      if (i < records.length && (records[i] as LogRecord).line.path === path) continue;
      const run = records.slice(from, i);
      const source = sourceOf(path);
      out += this.output === 'json' ? this.header(source, true) + this.jsonRecords(source, run) : this.format(source, run.map((r) => r.line));
      from = i;
    }
    return out;
  }

  /**
   * The output for lines' raw `bytes` (only when {@link passesBytes}), in pieces to write in
   * order: the header if output switches file, the bytes themselves (not copied), and a newline
   * when the last line was delivered without one.
   */
  formatBytes(source: PrintSource, bytes: Buffer, partial: boolean): (string | Buffer)[] {
    const header = this.header(source);
    const pieces: (string | Buffer)[] = header === '' ? [bytes] : [header, bytes];
    if (partial) pieces.push('\n');
    return pieces;
  }

  /** A `==> name <==` header when headers are on and output switches to `source` (never in JSON). */
  private header(source: PrintSource, json = false): string {
    const switched = this.last !== source;
    const first = this.last === undefined;
    this.last = source;
    if (json || this.labels !== 'headers' || !switched) return '';
    return `${first ? '' : '\n'}==> ${this.nameOf(source)} <==\n`;
  }

  private prefixed(prefix: string, lines: readonly LogLine[]): string {
    let out = '';
    for (const line of lines) out += prefix + line.text + '\n';
    return out;
  }

  private json(source: PrintSource, lines: readonly LogLine[]): string {
    const file = ',"file":' + JSON.stringify(source.name);
    let out = '';
    for (const line of lines) {
      out += '{"text":' + jsonString(line.text) + file + ',"offset":' + String(line.offset) + ',"seq":' + String(line.seq);
      if (line.partial) out += ',"partial":true';
      if (line.split) out += ',"split":true';
      out += '}\n';
    }
    return this.sanitize ? sanitizeJson(out) : out;
  }

  private jsonRecords(source: PrintSource, records: readonly LogRecord[]): string {
    const file = ',"file":' + JSON.stringify(source.name);
    let out = '';
    for (const r of records) {
      const line = r.line;
      out += '{"text":' + jsonString(line.text) + file + ',"offset":' + String(line.offset) + ',"seq":' + String(line.seq);
      if (r.timestamp !== undefined && Number.isFinite(r.timestamp)) out += ',"time":"' + isoTime(r.timestamp) + '"';
      if (r.level !== undefined) out += ',"level":"' + r.level + '"';
      if (r.continuation) out += ',"continuation":true';
      const fields = r.fields;
      if (fields !== undefined && Object.keys(fields).length > 0) out += ',"fields":' + JSON.stringify(fields);
      if (line.partial) out += ',"partial":true';
      if (line.split) out += ',"split":true';
      out += '}\n';
    }
    return this.sanitize ? sanitizeJson(out) : out;
  }

  /** The name as shown in headers and prefixes (made terminal-safe once, when sanitising). */
  private nameOf(source: PrintSource): string {
    let name = this.names.get(source);
    if (name === undefined) {
      name = this.sanitize ? sanitizeForTerminal(source.name) : source.name;
      this.names.set(source, name);
    }
    return name;
  }
}

// What JSON.stringify would escape in a string: quote, backslash, C0 controls, and surrogates
// (a lone one becomes \udXXX). Text without any is quoted as it is, which is much faster.
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const JSON_ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `text` as a JSON string literal, exactly as JSON.stringify writes it. */
export function jsonString(text: string): string {
  return JSON_ESCAPED.test(text) ? JSON.stringify(text) : '"' + text + '"';
}

/** Milliseconds since the epoch as ISO 8601 in UTC; a date out of range as its number. */
function isoTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}

function joinTexts(lines: readonly LogLine[]): string {
  let out = '';
  for (const line of lines) out += line.text + '\n';
  return out;
}
