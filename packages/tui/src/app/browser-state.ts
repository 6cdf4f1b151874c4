// What the browser shows and how: scroll position, follow, wrap, prompt, search, overlays.
import type { LogRecord } from '@logstream/core';

/** The prompts a key opens: `:` go to, `/` and `?` search, `&` and `!` filters. */
export type PromptKind = ':' | '/' | '?' | '&' | '!';

/** The search in force: its pattern and direction (`n` repeats it, `N` the other way). */
export interface SearchState {
  readonly pattern: RegExp;
  readonly source: string;
  readonly backwards: boolean;
}

/** A search still scanning (cancelled with Esc), with its progress. */
export interface SearchProgress {
  fraction: number;
  readonly cancel: () => void;
}

export interface BrowserState {
  /** View index of the first line on screen. */
  top: number;
  /** The view sticks to the bottom as lines arrive (less's F). */
  follow: boolean;
  /** Lines that arrived below the screen while not following. */
  newBelow: number;
  /** Horizontal scroll, in display columns. */
  offset: number;
  wrap: boolean;
  /** The selected line (search match, jump target, click): Enter shows it in detail. */
  cursor: number | undefined;
  prompt: { kind: PromptKind; text: string } | undefined;
  search: SearchState | undefined;
  searching: SearchProgress | undefined;
  /** A one-off note in the bottom line (cleared by the next key). */
  message: string | undefined;
  overlay: { kind: 'help' } | { kind: 'detail'; record: LogRecord; scroll: number } | undefined;
  quit: boolean;
}

export function initialState(): BrowserState {
  return { top: 0, follow: true, newBelow: 0, offset: 0, wrap: false, cursor: undefined, prompt: undefined, search: undefined, searching: undefined, message: undefined, overlay: undefined, quit: false };
}
