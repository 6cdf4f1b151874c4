// parseRecords: lines from one or more sources, parsed into records (one LogParser per file, so
// each file's format is detected on its own and its continuation lines stay with their message).
import type { LogLine } from '../framing/log-line.js';
import { LogParser, type LogRecord, type ParseOptions } from '../parse/index.js';
import type { LineSource, RecordConnection, RecordSink } from './record-types.js';
import { RecordStream } from './record-stream.js';

/** One parser per file, made on first sight. */
export class ParserPerFile {
  private readonly parsers = new Map<string, LogParser>();
  constructor(private readonly options: ParseOptions = {}) {}

  parse(lines: readonly LogLine[]): LogRecord[] {
    // A batch holds one file's lines; check the first and last only.
    const path = lines[0]?.path;
    if (path === undefined) return [];
    if (lines[lines.length - 1]?.path !== path) return this.parseMixed(lines);
    return this.parser(path).parse(lines);
  }

  forget(path: string): void {
    this.parsers.delete(path);
  }

  private parser(path: string): LogParser {
    let parser = this.parsers.get(path);
    if (!parser) {
      parser = new LogParser(this.options);
      this.parsers.set(path, parser);
    }
    return parser;
  }

  private parseMixed(lines: readonly LogLine[]): LogRecord[] {
    const out: LogRecord[] = [];
    let from = 0;
    for (let i = 1; i <= lines.length; i++) {
      if (i < lines.length && lines[i]?.path === lines[from]?.path) continue;
      for (const r of this.parser((lines[from] as LogLine).path).parse(lines.slice(from, i))) out.push(r);
      from = i;
    }
    return out;
  }
}

/** Connects to `sources`, sending each batch's records on; `transform` sees every batch. */
export function connectSources(sources: readonly LineSource[], sink: RecordSink, onLines: (lines: readonly LogLine[]) => void | Promise<void>): RecordConnection {
  const subscriptions = sources.map((source) =>
    source.subscribe({
      onLines,
      onEvent: (event) => sink.event(event),
      onError: (error) => sink.error(error),
      readsAllText: true,
    }),
  );
  return {
    ready: Promise.all(sources.map((s) => s.ready)).then(() => undefined),
    disconnect: () => {
      for (const s of subscriptions) s.unsubscribe();
    },
  };
}

/**
 * Parses the lines of `sources` into records: timestamp, level, message and fields, with
 * continuation lines (stack traces …) kept with their message. Order is kept per file.
 *
 * @example
 * const records = parseRecords(new LogStream('app.log'));
 * records.subscribe({ onRecords: (rs) => rs.forEach((r) => console.log(r.level, r.message)) });
 */
export function parseRecords(sources: LineSource | readonly LineSource[], options: ParseOptions = {}): RecordStream {
  const list = Array.isArray(sources) ? (sources as readonly LineSource[]) : [sources as LineSource];
  return new RecordStream('parsed records', (sink) => {
    const parsers = new ParserPerFile(options);
    return connectSources(list, sink, (lines) => sink.records(parsers.parse(lines)));
  });
}
