// The public surface of the line index: random access to huge, growing log files, and search.
export { LineIndex } from './line-index.js';
export {
  DEFAULT_INDEX_BLOCK_BYTES,
  DEFAULT_INDEX_CHUNK_BYTES,
  DEFAULT_INDEX_EVERY,
  DEFAULT_INDEX_MAX_LINE_BYTES,
  DEFAULT_INDEX_STRIDE_BYTES,
} from './index-types.js';
export type { BuildOptions, IndexedLine, IndexProgress, IndexTruncation, LineIndexOptions, NumberedLine, RefreshResult } from './index-types.js';

export { searchFile } from './search-file.js';
export { DEFAULT_SEARCH_BATCH_SIZE, DEFAULT_SEARCH_CHUNK_BYTES } from './search-types.js';
export type { SearchFileOptions, SearchProgress, SearchResult } from './search-types.js';
export type { FileMatch } from './match-scanner.js';
export type { MatchRange } from './line-matcher.js';
