// The public surface of log format detection and parsing.
export { LOG_LEVELS, levelRank, parseLevel } from './levels.js';
export type { LogLevel } from './levels.js';
export type { FormatName, LogFormat, ParsedLine, ParseOptions } from './format-types.js';
export { createFormat } from './create-format.js';
export { detectFormat } from './detect-format.js';
export { parseTimestamp } from './find-timestamp.js';
export { LogParser } from './log-parser.js';
export type { LogRecord } from './log-record.js';
