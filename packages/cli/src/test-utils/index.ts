// Helpers for the CLI's tests: processes, temporary folders, waiting with deadlines.
export { CLI_BIN, CliProcess, REPO_ROOT, runCli, startCli, type Exit } from './cli-process.js';
export { tempDir } from './temp-dir.js';
export { waitFor } from './wait-for.js';
export { fakeIO, type FakeIO } from './fake-io.js';
export { AS_NOBODY } from './unprivileged.js';
export { PtyCli } from './pty-cli.js';
export { namedPipe, pipeSizeOf } from './fifo.js';
