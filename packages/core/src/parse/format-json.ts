// JSON lines: time, level and message read from known keys without parsing the object; fields parsed on demand.
import { OPEN_BRACE, QUOTE } from './chars.js';
import type { TimestampFinder } from './find-timestamp.js';
import { MESSAGE_COMPUTED, MESSAGE_JSON, type LineFormat, type LineScan, type ParsedLine } from './format-types.js';
import { LEVEL_SLOTS, MESSAGE_PATHS, MESSAGE_SLOTS, SERILOG_TIME_SLOT, SEVERITY_NUMBER_SLOTS, SLOT_COUNT, TEMPLATE_SLOT, TIME_SLOTS, TOP_KEYS } from './json-keys.js';
import { scanObject, ValueSpans } from './json-scan.js';
import { levelOfNumber, levelOfSeverityNumber, levelOfWord, parseLevel, type LogLevel } from './levels.js';
import { parseWith } from './message.js';
import { timeOfValue } from './time-value.js';

/** Blanks around the object (and a byte-order mark before the first line's). */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xfeff;
}

/** The object a JSON line holds, or undefined when it is not valid JSON or not an object. */
export function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Serilog's `{Name}` / `{@Name}` / `{Name:format}` holes filled from the record's properties. */
function renderTemplate(template: string, fields: Record<string, unknown>): string {
  return template.replace(/\{[@$]?([A-Za-z0-9_]+)(?:[,:][^{}]*)?\}/g, (hole, name: string) => {
    const value = fields[name];
    if (value === undefined) return hole;
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/** pino, bunyan, winston, zap, Elastic ECS, OpenTelemetry, Serilog compact, tracing, journald and Docker JSON lines. */
export class JsonFormat implements LineFormat {
  readonly name = 'json';
  private readonly spans = new ValueSpans(SLOT_COUNT);

  constructor(private readonly finder: TimestampFinder) {}

  parse(text: string): ParsedLine | undefined {
    return parseWith(this, text);
  }

  scan(text: string, out: LineScan): boolean {
    let i = 0;
    while (isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== OPEN_BRACE) return false;
    const spans = this.spans;
    spans.next();
    let end = scanObject(text, i, TOP_KEYS, spans);
    if (end < 0) return false;
    if (spans.stoppedEarly) {
      // The rest is not read: it must at least close the object.
      end = text.length;
      while (isSpace(text.charCodeAt(end - 1))) end--;
      if (text.charCodeAt(end - 1) !== 0x7d) return false;
    } else {
      while (isSpace(text.charCodeAt(end))) end++;
      if (end !== text.length) return false;
    }
    out.timestamp = this.time(text);
    out.level = this.level(text);
    this.message(text, out);
    return true;
  }

  private time(text: string): number {
    const spans = this.spans;
    for (const slot of TIME_SLOTS) {
      if (!spans.has(slot)) continue;
      const ms = timeOfValue(this.finder, text, spans.start[slot]!, spans.end[slot]!);
      if (!Number.isNaN(ms)) return ms;
    }
    return Number.NaN;
  }

  private level(text: string): LogLevel | undefined {
    const spans = this.spans;
    for (const slot of LEVEL_SLOTS) {
      if (!spans.has(slot)) continue;
      const start = spans.start[slot]!;
      const end = spans.end[slot]!;
      let level: LogLevel | undefined;
      if (text.charCodeAt(start) !== QUOTE) level = levelOfNumber(Number(text.slice(start, end)));
      else if (end - start > 3) level = levelOfWord(text, start + 1, end - 1) ?? parseLevel(text.slice(start + 1, end - 1));
      else level = parseLevel(text.slice(start + 1, end - 1));
      if (level !== undefined) return level;
    }
    for (const slot of SEVERITY_NUMBER_SLOTS) {
      if (spans.has(slot)) return levelOfSeverityNumber(Number(text.slice(spans.start[slot], spans.end[slot])));
    }
    // Serilog's compact format leaves out the level when it is Information.
    return spans.has(SERILOG_TIME_SLOT) ? 'info' : undefined;
  }

  private message(text: string, out: LineScan): void {
    const spans = this.spans;
    let other = false;
    for (const slot of MESSAGE_SLOTS) {
      if (!spans.has(slot)) continue;
      const c = text.charCodeAt(spans.start[slot]!);
      if (c === QUOTE) {
        out.messageStart = spans.start[slot]!;
        out.messageEnd = spans.end[slot]!;
        out.messageMode = MESSAGE_JSON;
        return;
      }
      if (c !== OPEN_BRACE && c !== 0x5b && c !== 0x6e) other = true;
    }
    if (other || spans.has(TEMPLATE_SLOT)) out.messageMode = MESSAGE_COMPUTED;
  }

  /** The slow path: a message that is not a plain string, or a Serilog template to render. */
  messageOf(text: string): string {
    const fields = parseObject(text);
    if (fields === undefined) return text;
    for (const path of MESSAGE_PATHS) {
      let value: unknown = fields;
      for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    }
    const template = fields['@mt'];
    return typeof template === 'string' ? renderTemplate(template, fields) : text;
  }

  fieldsOf(text: string): Readonly<Record<string, unknown>> | undefined {
    return parseObject(text);
  }
}
