// Shared helpers for the core's tests.
export { Collector } from './collector.js';
export { openDescriptorCount } from './open-descriptors.js';
export { tempDir } from './temp-dir.js';
export { waitFor } from './wait-for.js';
export { WATCH_MODES, type WatchModeCase } from './watch-modes.js';
export { follow } from './follow.js';
export { followInChild } from './child-follower.js';
