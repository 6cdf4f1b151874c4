// The three ways the reliability suite runs: OS events, forced polling, and OS events that are
// all dropped so that only the reconcile stat can find the data.
import type { LogStreamOptions } from '../stream/stream-types.js';

export interface WatchModeCase {
  name: string;
  options: LogStreamOptions;
  /** How long the slowest way may take to notice a change, for deadlines. */
  noticeMs: number;
}

export const WATCH_MODES: WatchModeCase[] = [
  { name: 'native', options: { watcher: 'native', reconcileIntervalMs: 1000, pollIntervalMs: 50 }, noticeMs: 3000 },
  { name: 'poll', options: { watcher: 'poll', pollIntervalMs: 25 }, noticeMs: 3000 },
  { name: 'native, events dropped', options: { watcher: 'native', simulateEventLoss: true, reconcileIntervalMs: 100, pollIntervalMs: 50 }, noticeMs: 4000 },
];
