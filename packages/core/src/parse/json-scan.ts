// Walks a JSON object's top-level members without building it, noting where wanted values sit.
import { BACKSLASH, OPEN_BRACE, QUOTE } from './chars.js';

/** Roles a key can fill: once a line has one key of each, the rest of it need not be read. */
export const ROLE_TIME = 1;
export const ROLE_LEVEL = 2;
export const ROLE_MESSAGE = 4;
export const ALL_ROLES = ROLE_TIME | ROLE_LEVEL | ROLE_MESSAGE;

/** A key the scan looks for; `nested` lists keys looked for inside its value when that is an object. */
export interface WantedKey {
  readonly name: string;
  readonly slot: number;
  readonly role: number;
  readonly nested: KeyTable | undefined;
}

/** Keys looked for in one object, found by first character and length before any comparison. */
export class KeyTable {
  private readonly byFirst: (WantedKey[] | undefined)[] = [];

  constructor(private readonly slots: { count: number }) {}

  /** Adds a key that fills `role` (0 for none); returns its slot (the index of its value span). */
  add(name: string, role: number, nested?: KeyTable): number {
    const key: WantedKey = { name, slot: this.slots.count++, role, nested };
    (this.byFirst[name.charCodeAt(0)] ??= []).push(key);
    return key.slot;
  }

  /** The wanted key spelled `text[start, end)`, if any. */
  find(text: string, start: number, end: number): WantedKey | undefined {
    const candidates = this.byFirst[text.charCodeAt(start)];
    if (candidates === undefined) return undefined;
    for (const key of candidates) if (key.name.length === end - start && text.startsWith(key.name, start)) return key;
    return undefined;
  }
}

/** Where each wanted value sits in the current line: `start[slot]`, `end[slot]`, valid when `seen[slot] === line`. */
export class ValueSpans {
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly seen: Float64Array;
  line = 0;
  /** Roles filled so far in the current line. */
  roles = 0;
  /** Whether the scan stopped before the object's end because every role was filled. */
  stoppedEarly = false;

  /** Starts a new line. */
  next(): void {
    this.line++;
    this.roles = 0;
    this.stoppedEarly = false;
  }

  constructor(slotCount: number) {
    this.start = new Int32Array(slotCount);
    this.end = new Int32Array(slotCount);
    this.seen = new Float64Array(slotCount).fill(-1);
  }

  has(slot: number): boolean {
    return this.seen[slot] === this.line;
  }
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function skipWhitespace(text: string, at: number): number {
  let i = at;
  while (isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

/** Index just past the string whose opening quote is at `at`, or -1 when it does not close. */
export function skipString(text: string, at: number): number {
  let q = text.indexOf('"', at + 1);
  while (q > 0 && text.charCodeAt(q - 1) === BACKSLASH) {
    let backslashes = 1;
    while (text.charCodeAt(q - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) break;
    q = text.indexOf('"', q + 1);
  }
  return q < 0 ? -1 : q + 1;
}

/** Index just past the value at `at` (string, object, array, number or literal), or -1 when malformed. */
function skipValue(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === QUOTE) return skipString(text, at);
  if (c === OPEN_BRACE || c === 0x5b) {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (d === QUOTE) {
        i = skipString(text, i) - 1;
        if (i < 0) return -1;
      } else if (d === OPEN_BRACE || d === 0x5b) depth++;
      else if ((d === 0x7d || d === 0x5d) && --depth === 0) return i + 1;
    }
    return -1;
  }
  let i = at;
  for (let d = c; i < text.length && d !== 0x2c && d !== 0x7d && d !== 0x5d && !isWhitespace(d); d = text.charCodeAt(++i));
  return i === at ? -1 : i;
}

/** A zero time (`0`, `"0"`) means "unknown" in OpenTelemetry: it fills no role. */
function isZero(text: string, start: number, end: number): boolean {
  return (end - start === 1 && text.charCodeAt(start) === 0x30) || (end - start === 3 && text.charCodeAt(start + 1) === 0x30);
}

/**
 * Scans the object whose `{` is at `at`, noting in `spans` where the values of `keys` are (and of
 * their nested keys, one level down). Returns the index just past its `}`, or -1 when the text is
 * not an object. Values are delimited, not validated: full parsing waits until fields are read.
 * Once a time, a level and a message key have been seen the scan stops (`spans.stoppedEarly`)
 * and returns where it stopped.
 */
export function scanObject(text: string, at: number, keys: KeyTable, spans: ValueSpans): number {
  let i = skipWhitespace(text, at + 1);
  if (text.charCodeAt(i) === 0x7d) return i + 1;
  for (;;) {
    if (text.charCodeAt(i) !== QUOTE) return -1;
    const keyEnd = skipString(text, i);
    if (keyEnd < 0) return -1;
    const key = keys.find(text, i + 1, keyEnd - 1);
    i = skipWhitespace(text, keyEnd);
    if (text.charCodeAt(i) !== 0x3a) return -1;
    const valueStart = skipWhitespace(text, i + 1);
    const valueEnd = skipValue(text, valueStart);
    if (valueEnd < 0) return -1;
    if (key !== undefined) {
      spans.start[key.slot] = valueStart;
      spans.end[key.slot] = valueEnd;
      spans.seen[key.slot] = spans.line;
      if (key.role !== 0 && !(key.role === ROLE_TIME && isZero(text, valueStart, valueEnd))) spans.roles |= key.role;
      else if (key.nested !== undefined && text.charCodeAt(valueStart) === OPEN_BRACE) scanObject(text, valueStart, key.nested, spans);
      if (spans.roles === ALL_ROLES) {
        spans.stoppedEarly = true;
        return valueEnd;
      }
    }
    i = skipWhitespace(text, valueEnd);
    const c = text.charCodeAt(i);
    if (c === 0x7d) return i + 1;
    if (c !== 0x2c) return -1;
    i = skipWhitespace(text, i + 1);
  }
}
