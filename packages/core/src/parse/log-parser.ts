// Parses one source's lines in order: detects its format, reads each line, groups continuation lines with their message.
import type { LogLine } from '../framing/log-line.js';
import { createAllFormats, createLineFormat } from './create-format.js';
import { chooseFormat, DETECTION_SAMPLE_LINES } from './detect-format.js';
import { TimestampFinder } from './find-timestamp.js';
import { levelOfLine } from './format-text.js';
import { LineScan, MESSAGE_SLICE, type FormatName, type LineFormat, type ParseOptions } from './format-types.js';
import type { LogLevel } from './levels.js';
import { ParsedRecord, type LogRecord } from './log-record.js';
import { resolveParseOptions } from './parse-options.js';

/**
 * One per source file: detects the format from the first lines it sees, parses lines in order,
 * groups continuation lines with the message above. Until 20 non-empty lines have been seen, each
 * call looks at the sample again; lines another format reads better are still read by that one.
 * @example
 * const parser = new LogParser({ timeZone: 'utc' });
 * stream.subscribe({ onLines: (lines) => show(parser.parse(lines)) });
 */
export class LogParser {
  private readonly finder: TimestampFinder;
  private readonly formats: readonly LineFormat[];
  private readonly forced: LineFormat | undefined;
  private primary: LineFormat | undefined;
  /** The format that last read a line the primary one could not: tried second. */
  private fallback: LineFormat | undefined;
  private readonly sample: string[] = [];
  private readonly scan = new LineScan();
  /** Whether a message is open for continuation lines, and what they inherit from it. */
  private headOpen = false;
  private headTimestamp: number | undefined;
  private headLevel: LogLevel | undefined;
  private headFormat: FormatName = 'text';
  /** The previous line was cut at the length cap: this one is the rest of it. */
  private afterSplit = false;

  constructor(options?: ParseOptions) {
    const resolved = resolveParseOptions(options);
    const finder = new TimestampFinder(resolved);
    this.finder = finder;
    this.formats = createAllFormats(finder);
    this.forced = resolved.format === 'auto' ? undefined : createLineFormat(resolved.format, finder);
    this.primary = this.forced;
  }

  /** The detected (or forced) format; undefined until a non-empty line has been seen. */
  get format(): FormatName | undefined {
    return this.primary?.name;
  }

  /** Parses `lines` (in file order, following those of earlier calls) into one record each. */
  parse(lines: readonly LogLine[]): LogRecord[] {
    if (this.forced === undefined && this.sample.length < DETECTION_SAMPLE_LINES) this.detect(lines);
    const records: LogRecord[] = [];
    const clock = this.finder.clock;
    clock.startBatch();
    try {
      for (const line of lines) records.push(this.record(line));
    } finally {
      clock.endBatch();
    }
    return records;
  }

  private detect(lines: readonly LogLine[]): void {
    const before = this.sample.length;
    for (const line of lines) {
      if (this.sample.length >= DETECTION_SAMPLE_LINES) break;
      if (line.text.length > 0) this.sample.push(line.text);
    }
    if (this.sample.length > before) this.primary = chooseFormat(this.sample, this.formats);
  }

  /** The format that reads `text` (leaving its scan in `this.scan`), or undefined. */
  private read(text: string): LineFormat | undefined {
    const scan = this.scan;
    const primary = this.primary;
    if (primary !== undefined) {
      scan.reset(text.length);
      if (primary.scan(text, scan)) return primary;
      if (this.forced !== undefined) return undefined;
    }
    const fallback = this.fallback;
    if (fallback !== undefined && fallback !== primary) {
      scan.reset(text.length);
      if (fallback.scan(text, scan)) return fallback;
    }
    for (const format of this.formats) {
      if (format === primary || format === fallback) continue;
      scan.reset(text.length);
      if (format.scan(text, scan)) {
        this.fallback = format;
        return format;
      }
    }
    return undefined;
  }

  private record(line: LogLine): LogRecord {
    const text = line.text;
    const afterSplit = this.afterSplit;
    this.afterSplit = line.split === true;
    if (afterSplit) return this.continuation(line);
    const format = this.read(text);
    if (format !== undefined) {
      const scan = this.scan;
      const timestamp = Number.isNaN(scan.timestamp) ? undefined : scan.timestamp;
      this.headOpen = true;
      this.headTimestamp = timestamp;
      this.headLevel = scan.level;
      this.headFormat = format.name;
      return new ParsedRecord(line, timestamp, scan.level, false, format.name, format, scan.messageStart, scan.messageEnd, scan.messageMode);
    }
    if (this.headOpen) return this.continuation(line);
    return new ParsedRecord(line, undefined, levelOfLine(text), false, 'text', undefined, 0, text.length, MESSAGE_SLICE);
  }

  private continuation(line: LogLine): LogRecord {
    return new ParsedRecord(line, this.headTimestamp, this.headLevel, true, this.headFormat, undefined, 0, line.text.length, MESSAGE_SLICE);
  }
}
