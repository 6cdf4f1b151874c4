// The browser's behaviour, without a terminal: scrolling, follow, prompts, search, jumps,
// filters and overlays, as methods the key bindings call. Tested on its own.
import type { LogLevel, LogRecord } from '@logstream/core';
import { initialState, type BrowserState, type PromptKind } from './browser-state.js';
import { compilePattern as compile, runScan } from './view-scan.js';
import type { ScanControl } from './view-source.js';
import type { ViewFilters } from './view-filters.js';
import type { ViewSource } from './view-source.js';

/** What the controller needs from the screen around it. */
export interface ControllerHost {
  /** Rows available for log lines. */
  pageRows(): number;
  /** Screen rows a record takes in wrap mode (1 otherwise). */
  rowsOf(record: LogRecord): number;
  /** The followed files, for the single-file view. */
  paths(): readonly string[];
  /** Something changed: draw a frame. */
  changed(): void;
}

export class BrowserController {
  readonly state: BrowserState = initialState();

  constructor(
    public store: ViewSource,
    readonly filters: ViewFilters,
    private readonly host: ControllerHost,
  ) {}

  /** New records arrived (`shown` of them pass the filters). */
  added(shown: number): void {
    if (shown === 0) return;
    if (this.state.follow) this.state.top = this.bottomTop();
    else this.state.newBelow += shown;
    this.host.changed();
  }

  scrollBy(lines: number): void {
    const s = this.state;
    s.top = clamp(s.top + lines, 0, this.bottomTop());
    if (lines < 0 && s.follow && s.top < this.bottomTop()) s.follow = false;
    if (s.top >= this.bottomTop()) s.newBelow = 0;
    this.host.changed();
  }

  /** Half a screen of lines (`d`, `u`). */
  halfPage(): number {
    return Math.max(1, Math.floor(this.host.pageRows() / 2));
  }

  pageDown(): void {
    this.scrollBy(Math.max(1, this.host.pageRows() - 1));
  }

  pageUp(): void {
    this.scrollBy(-Math.max(1, this.host.pageRows() - 1));
  }

  /** `g`: the first line (leaves follow). */
  goTop(): void {
    this.state.follow = false;
    this.state.top = 0;
    this.host.changed();
  }

  /** `G`: the last line. */
  goBottom(): void {
    this.state.top = this.bottomTop();
    this.state.newBelow = 0;
    this.host.changed();
  }

  /** `F`: follow on (to the bottom) or off. */
  toggleFollow(): void {
    const s = this.state;
    s.follow = !s.follow;
    if (s.follow) {
      s.top = this.bottomTop();
      s.newBelow = 0;
    }
    s.message = s.follow ? 'following: new lines scroll into view (F or scrolling up stops)' : 'stopped following';
    this.host.changed();
  }

  /** Brings view index `i` on screen and selects it. */
  jumpTo(i: number): void {
    const s = this.state;
    if (this.store.count === 0) return;
    i = clamp(i, 0, this.store.count - 1);
    s.cursor = i;
    const rows = this.host.pageRows();
    if (i < s.top || i >= s.top + rows) s.top = clamp(i - Math.floor(rows / 3), 0, this.bottomTop());
    s.follow = s.follow && s.top >= this.bottomTop();
    if (s.top >= this.bottomTop()) s.newBelow = 0;
    this.host.changed();
  }

  /** `e`/`E`/`w`/`W`: the next or previous message at one of `levels`. */
  jumpLevel(levels: readonly LogLevel[], dir: 1 | -1): void {
    const from = this.state.cursor ?? (dir > 0 ? this.state.top - 1 : this.state.top + this.host.pageRows());
    const what = levels[0] === 'warn' ? 'warning' : 'error';
    this.scan(`${dir > 0 ? 'next' : 'previous'} ${what}`, (control) => this.store.find(from, dir, (r) => !r.continuation && r.level !== undefined && levels.includes(r.level), control));
  }

  openPrompt(kind: PromptKind): void {
    this.state.prompt = { kind, text: '' };
    this.host.changed();
  }

  /** A character typed into the prompt, or Backspace. */
  editPrompt(key: string): void {
    const p = this.state.prompt;
    if (!p) return;
    p.text = key === 'backspace' ? p.text.slice(0, -1) : p.text + key;
    this.host.changed();
  }

  /** Enter in the prompt: runs it. */
  submitPrompt(): void {
    const p = this.state.prompt;
    this.state.prompt = undefined;
    if (!p) return;
    if (p.kind === ':') this.goToLine(p.text.trim());
    else if (p.text === '') this.host.changed();
    else if (p.kind === '/' || p.kind === '?') this.startSearch(p.text, p.kind === '?');
    else this.addFilter(p.kind === '&' ? 'include' : 'exclude', p.text);
  }

  /** Esc: closes the prompt or overlay, or cancels a running search. */
  cancel(): void {
    const s = this.state;
    if (s.searching) {
      s.searching.cancel();
      s.searching = undefined;
      s.message = 'search cancelled';
    } else if (s.prompt) s.prompt = undefined;
    else if (s.overlay) s.overlay = undefined;
    else s.cursor = undefined;
    this.host.changed();
  }

  /** `n` (same direction) or `N` (the other way). */
  searchAgain(reverse: boolean): void {
    const search = this.state.search;
    if (!search) return this.note('no search yet: / or ? starts one');
    this.runSearch(search.pattern, search.backwards !== reverse);
  }

  addFilter(kind: 'include' | 'exclude', text: string): void {
    const pattern = compile(text);
    if (typeof pattern === 'string') return this.note(pattern);
    this.filters.push({ kind, pattern, source: text });
    this.refiltered();
  }

  /** `x`: removes the last filter. */
  popFilter(): void {
    if (!this.filters.pop()) return this.note('no filter to remove');
    this.refiltered();
  }

  /** `l`: the minimum level, cycling through none → debug → info → warn → error. */
  cycleLevel(): void {
    const order: (LogLevel | undefined)[] = [undefined, 'debug', 'info', 'warn', 'error'];
    const next = order[(order.indexOf(this.filters.minLevel) + 1) % order.length];
    this.filters.setMinLevel(next);
    this.refiltered();
    this.note(next === undefined ? 'every level shown' : `showing ${next} and above`);
  }

  /** Tab: every file merged → one file → the next … → every file again. */
  cycleSource(): void {
    const paths = this.host.paths();
    if (paths.length < 2) return this.note('only one file is followed');
    const current = this.filters.path;
    const next = current === undefined ? paths[0] : paths[paths.indexOf(current) + 1];
    this.filters.setPath(next);
    this.refiltered();
    this.note(next === undefined ? 'every file, merged by time' : `only ${next} (Tab: next file)`);
  }

  toggleWrap(): void {
    this.state.wrap = !this.state.wrap;
    this.state.offset = 0;
    if (this.state.follow) this.state.top = this.bottomTop();
    this.host.changed();
  }

  scrollSideways(columns: number): void {
    if (this.state.wrap) return;
    this.state.offset = Math.max(0, this.state.offset + columns);
    this.host.changed();
  }

  showHelp(): void {
    this.state.overlay = { kind: 'help' };
    this.host.changed();
  }

  /** Enter: the selected line (or the last on screen) in detail. */
  showDetail(): void {
    const i = this.state.cursor ?? Math.min(this.store.count - 1, this.state.top + this.host.pageRows() - 1);
    const record = this.store.get(i);
    if (!record) return;
    this.state.overlay = { kind: 'detail', record, scroll: 0 };
    this.host.changed();
  }

  quit(): void {
    this.state.quit = true;
    this.host.changed();
  }

  note(message: string): void {
    this.state.message = message;
    this.host.changed();
  }

  /** The top that shows the last line at the bottom of the screen. */
  bottomTop(): number {
    const count = this.store.count;
    const rows = this.host.pageRows();
    if (!this.state.wrap) return Math.max(0, count - rows);
    let used = 0;
    let i = count;
    while (i > 0) {
      const r = this.store.get(i - 1);
      const h = r ? this.host.rowsOf(r) : 1;
      if (used + h > rows) break;
      used += h;
      i--;
    }
    return Math.min(i, Math.max(0, count - 1));
  }

  private goToLine(text: string): void {
    const percent = /^(\d+(?:\.\d+)?)%$/.exec(text);
    const count = this.store.count;
    if (percent) return this.jumpTo(Math.floor((Number(percent[1]) / 100) * Math.max(0, count - 1)));
    if (!/^\d+$/.test(text)) return this.note(`:${text}: give a line number (:120) or a percentage (:50%)`);
    this.jumpTo(this.store.indexOfLine(Number(text)));
  }

  private startSearch(text: string, backwards: boolean): void {
    const pattern = compile(text, 'i');
    if (typeof pattern === 'string') return this.note(pattern);
    this.state.search = { pattern, source: text, backwards };
    this.runSearch(pattern, backwards);
  }

  /** Searches from the selected line (a worker or slices of the records); Esc cancels. */
  private runSearch(pattern: RegExp, backwards: boolean): void {
    const from = this.state.cursor ?? (backwards ? this.state.top + this.host.pageRows() : this.state.top - 1);
    this.scan(`pattern ${pattern.source}`, (control) => this.store.search(pattern, from, backwards ? -1 : 1, control));
  }

  /** Runs a scan with progress in the status bar; jumps to what it finds; Esc cancels it. */
  private scan(what: string, run: (control: ScanControl) => Promise<number | undefined>): void {
    runScan(this.state, () => this.host.changed(), run, (found) => (found === undefined ? this.note(`not found: ${what}`) : this.jumpTo(found)), (message) => this.note(message));
  }

  private refiltered(): void {
    const keep = this.state.cursor === undefined ? undefined : this.store.lineNumber(this.state.cursor);
    this.store.refilter();
    this.state.cursor = keep === undefined ? undefined : this.store.indexOfLine(keep);
    if (this.state.follow || this.state.cursor === undefined) this.state.top = this.state.follow ? this.bottomTop() : clamp(this.state.top, 0, this.bottomTop());
    else this.jumpTo(this.state.cursor);
    this.host.changed();
  }
}

/** Levels `e`/`E` and `w`/`W` jump between. */
export const ERROR_LEVELS: readonly LogLevel[] = ['error', 'fatal'];
export const WARNING_LEVELS: readonly LogLevel[] = ['warn'];

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), Math.max(lo, hi));
}
