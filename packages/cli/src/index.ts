// The public surface of @logstream/cli: the runnable command line and its terminal sanitiser.
export { main } from './main.js';
export type { MainOptions } from './main.js';
export type { CliIO, DiagnosticStream } from './cli-io.js';
export type { OutputStream } from './output/stdout-writer.js';
export { sanitizeForTerminal, sanitizeLines, sanitizeJson, escapeControl } from './output/sanitize.js';
export { VERSION } from './version.js';
