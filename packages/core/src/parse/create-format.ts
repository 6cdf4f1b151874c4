// Builds formats by name; the formats of one parser share one timestamp finder (one zone cache, one clock).
import { InvalidOptionError } from '../errors/log-stream-error.js';
import { TimestampFinder } from './find-timestamp.js';
import { ClfFormat } from './format-clf.js';
import { GlogFormat } from './format-glog.js';
import { JsonFormat } from './format-json.js';
import { Log4jFormat } from './format-log4j.js';
import { LogfmtFormat } from './format-logfmt.js';
import { PythonFormat } from './format-python.js';
import { SyslogFormat } from './format-syslog.js';
import { TextFormat } from './format-text.js';
import type { FormatName, LineFormat, LogFormat, ParseOptions } from './format-types.js';
import { FORMAT_NAMES, resolveParseOptions } from './parse-options.js';

const CONSTRUCTORS: Readonly<Record<FormatName, new (finder: TimestampFinder) => LineFormat>> = {
  json: JsonFormat,
  logfmt: LogfmtFormat,
  syslog: SyslogFormat,
  clf: ClfFormat,
  glog: GlogFormat,
  python: PythonFormat,
  log4j: Log4jFormat,
  text: TextFormat,
};

/** One of each format, in {@link FORMAT_NAMES} order (most specific first), sharing `finder`. */
export function createAllFormats(finder: TimestampFinder): readonly LineFormat[] {
  return FORMAT_NAMES.map((name) => new CONSTRUCTORS[name](finder));
}

/** The format called `name`, reading `finder`'s way. */
export function createLineFormat(name: FormatName, finder: TimestampFinder): LineFormat {
  if (!FORMAT_NAMES.includes(name)) throw new InvalidOptionError(`format must be one of ${FORMAT_NAMES.join(', ')}, not ${String(name)}`);
  return new CONSTRUCTORS[name](finder);
}

/**
 * The format called `name`, reading timestamps as `options` say (`format` in options is ignored).
 * @example createFormat('syslog', { now: () => Date.UTC(2024, 5, 1) }).parse('<34>Oct 11 22:14:15 host su: failed')
 */
export function createFormat(name: FormatName, options?: ParseOptions): LogFormat {
  return createLineFormat(name, new TimestampFinder(resolveParseOptions({ ...options, format: 'auto' })));
}
