// Entry point of the search worker thread (runs from dist as search-worker.js; see docs/line-index.md).
import { parentPort, workerData } from 'node:worker_threads';
import { runSearch } from './run-search.js';
import type { SearchJob } from './search-types.js';

if (parentPort) {
  const port = parentPort;
  runSearch(workerData as SearchJob, (message) => port.postMessage(message));
}
