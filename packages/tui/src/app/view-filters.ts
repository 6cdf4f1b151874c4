// The browser's filters: a stack of include (`&`) and exclude (`!`) patterns, and a minimum level.
import { levelRank, type LogLevel, type LogRecord } from '@logstream/core';

/** One filter of the stack: keep matching lines, or drop them. */
export interface PatternFilter {
  readonly kind: 'include' | 'exclude';
  readonly pattern: RegExp;
  /** As the user typed it (for the status bar). */
  readonly source: string;
}

/** What the view shows: the stack of pattern filters (all apply) and an optional minimum level. */
export class ViewFilters {
  private filters: PatternFilter[] = [];
  private min: LogLevel | undefined;
  private onlyPath: string | undefined;

  /** Only this file's lines (the single-file view of a merged set); undefined: every file. */
  get path(): string | undefined {
    return this.onlyPath;
  }

  setPath(path: string | undefined): void {
    this.onlyPath = path;
  }

  get stack(): readonly PatternFilter[] {
    return this.filters;
  }

  get minLevel(): LogLevel | undefined {
    return this.min;
  }

  get active(): boolean {
    return this.filters.length > 0 || this.min !== undefined || this.onlyPath !== undefined;
  }

  push(filter: PatternFilter): void {
    this.filters = [...this.filters, filter];
  }

  /** Removes the last filter pushed; false when there was none. */
  pop(): boolean {
    if (this.filters.length === 0) return false;
    this.filters = this.filters.slice(0, -1);
    return true;
  }

  setMinLevel(level: LogLevel | undefined): void {
    this.min = level;
  }

  clear(): void {
    this.filters = [];
    this.min = undefined;
  }

  /** Whether `record` is shown. A continuation line goes with its message's level. */
  passes(record: LogRecord): boolean {
    if (this.onlyPath !== undefined && record.line.path !== this.onlyPath) return false;
    if (this.min !== undefined && (record.level === undefined || levelRank(record.level) < levelRank(this.min))) return false;
    const text = record.line.text;
    for (const f of this.filters) {
      f.pattern.lastIndex = 0;
      if (f.pattern.test(text) !== (f.kind === 'include')) return false;
    }
    return true;
  }

  /** A short description for the status bar: `&disk !health ≥warn`. */
  describe(): string {
    const parts = this.filters.map((f) => `${f.kind === 'include' ? '&' : '!'}${f.source}`);
    if (this.min !== undefined) parts.push(`≥${this.min}`);
    return parts.join(' ');
  }
}
