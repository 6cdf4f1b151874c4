// Test helpers of the terminal UI: fake TTY streams and process, a manual clock, a headless terminal.
export { FakeTtyInput, FakeTtyOutput } from './fake-tty.js';
export { FakeProcess } from './fake-process.js';
export { ManualClock } from './manual-clock.js';
export { createHeadlessTerminal } from './headless-terminal.js';
export type { HeadlessTerminal } from './headless-terminal.js';
