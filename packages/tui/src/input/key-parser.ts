// Turns terminal input (bytes or text, in chunks of any size) into key, mouse and paste events.
import { StringDecoder } from 'node:string_decoder';
import { controlKey } from './control-keys.js';
import { csiKey, linuxFunctionKey, ss3Key } from './escape-keys.js';
import type { InputEvent } from './input-event.js';
import { keyEvent } from './input-event.js';
import { sgrMouse, x10Mouse } from './mouse.js';

const ESC = '\x1b';
const PASTE_START = '200';
const PASTE_END = '\x1b[201~';

// One parsed piece of input: how much it used, and what it meant (nothing for a stray marker).
interface Parsed {
  length: number;
  event?: InputEvent;
  pasteStart?: true;
}

/**
 * A stateful parser of terminal input. Sequences split across chunks are held until the rest
 * arrives; so is a lone ESC, which is only known to be the Escape key once no more input came
 * for a while: the caller calls {@link flush} when that time has passed (see `readKeys`).
 * Text between bracketed-paste marks becomes one `paste` event, however many chunks it spans.
 *
 * @example
 * const parser = new KeyParser();
 * parser.feed('\x1b[');     // [] (held)
 * parser.feed('A');         // [{ type: 'key', key: 'up', … }]
 * parser.feed('\x1b');      // [] (held: Escape, or the start of a sequence?)
 * parser.flush();           // [{ type: 'key', key: 'escape', … }]
 */
export class KeyParser {
  readonly #decoder = new StringDecoder('utf8');
  #buffer = '';
  #paste: string | undefined;

  /** Parses a chunk; UTF-8 characters split across Buffer chunks are joined. */
  feed(chunk: string | Buffer): InputEvent[] {
    this.#buffer += typeof chunk === 'string' ? chunk : this.#decoder.write(chunk);
    return this.#parse(false);
  }

  /** Gives up waiting for the rest of a held escape sequence: what is held becomes keys. */
  flush(): InputEvent[] {
    return this.#parse(true);
  }

  /** Whether an incomplete escape sequence is held (one {@link flush} would resolve). */
  get pending(): boolean {
    return this.#buffer.length > 0 && this.#paste === undefined;
  }

  /** Whether a bracketed paste has begun and not ended. */
  get inPaste(): boolean {
    return this.#paste !== undefined;
  }

  #parse(final: boolean): InputEvent[] {
    const events: InputEvent[] = [];
    const text = this.#buffer;
    let i = 0;
    while (i < text.length) {
      if (this.#paste !== undefined) {
        const end = text.indexOf(PASTE_END, i);
        if (end === -1) {
          const keep = markerPrefixAtEnd(text, i);
          this.#paste += text.slice(i, text.length - keep);
          i = text.length - keep;
          break;
        }
        events.push({ type: 'paste', text: this.#paste + text.slice(i, end) });
        this.#paste = undefined;
        i = end + PASTE_END.length;
        continue;
      }
      const parsed = parseAt(text, i, final);
      if (!parsed) break;
      if (parsed.event) events.push(parsed.event);
      if (parsed.pasteStart) this.#paste = '';
      i += parsed.length;
    }
    this.#buffer = text.slice(i);
    return events;
  }
}

// The length of the longest tail of text[from…] that could begin the paste end marker.
function markerPrefixAtEnd(text: string, from: number): number {
  for (let keep = Math.min(PASTE_END.length - 1, text.length - from); keep > 0; keep--) {
    if (PASTE_END.startsWith(text.slice(text.length - keep))) return keep;
  }
  return 0;
}

// `undefined`: the input at `i` may be the start of a longer sequence; wait for more.
function parseAt(text: string, i: number, final: boolean): Parsed | undefined {
  if (text[i] !== ESC) return isHighSurrogate(text, i) && i + 1 === text.length && !final ? undefined : plainKey(text, i);
  const next = text[i + 1];
  if (next === undefined) return final ? { length: 1, event: keyEvent('escape', ESC) } : undefined;
  if (next === '[') return parseCsi(text, i, final);
  if (next === 'O') {
    const last = text[i + 2];
    if (last === undefined) return final ? withAlt(plainKey(text, i + 1)) : undefined;
    return { length: 3, event: ss3Key(last, text.slice(i, i + 3)) };
  }
  if (next === ESC) {
    const inner = parseAt(text, i + 1, final);
    if (!inner) return undefined;
    if (inner.event?.type === 'key') return withAlt(inner);
    return { length: 1, event: keyEvent('escape', ESC) };
  }
  return withAlt(plainKey(text, i + 1));
}

function parseCsi(text: string, i: number, final: boolean): Parsed | undefined {
  const start = i + 2;
  const lead = text[start];
  const incomplete = (): Parsed | undefined => (final ? withAlt(plainKey(text, i + 1)) : undefined);
  if (lead === undefined) return incomplete();
  if (lead === 'M') {
    if (text.length < start + 4) return incomplete();
    return { length: 6, event: x10Mouse(text.slice(start + 1, start + 4)) ?? keyEvent('unknown', text.slice(i, i + 6)) };
  }
  if (lead === '[') {
    const last = text[start + 1];
    if (last === undefined) return incomplete();
    return { length: 4, event: linuxFunctionKey(last, text.slice(i, i + 4)) };
  }
  let end = start;
  while (end < text.length && isBetween(text, end, 0x30, 0x3f)) end++;
  while (end < text.length && isBetween(text, end, 0x20, 0x2f)) end++;
  if (end >= text.length) return incomplete();
  const sequence = text.slice(i, end + 1);
  // A byte that cannot end a CSI sequence: report what came before it and read on from there.
  if (!isBetween(text, end, 0x40, 0x7e)) return { length: end - i, event: keyEvent('unknown', text.slice(i, end)) };
  const params = text.slice(start, end);
  const finalByte = text[end] ?? '';
  if (lead === '<' && (finalByte === 'M' || finalByte === 'm')) {
    return { length: sequence.length, event: sgrMouse(params.slice(1), finalByte) ?? keyEvent('unknown', sequence) };
  }
  if (finalByte === '~' && params === PASTE_START) return { length: sequence.length, pasteStart: true };
  // A paste end with no paste begun carries nothing.
  if (finalByte === '~' && params === '201') return { length: sequence.length };
  return { length: sequence.length, event: csiKey(params, finalByte, sequence) };
}

function plainKey(text: string, i: number): Parsed {
  const codePoint = text.codePointAt(i) ?? 0;
  const char = String.fromCodePoint(codePoint);
  return { length: char.length, event: controlKey(codePoint, char) ?? keyEvent(char, char) };
}

function withAlt(parsed: Parsed | undefined): Parsed | undefined {
  if (parsed?.event?.type !== 'key') return parsed;
  return { length: parsed.length + 1, event: { ...parsed.event, alt: true, sequence: ESC + parsed.event.sequence } };
}

// A string chunk may end between the two halves of a character outside the BMP.
function isHighSurrogate(text: string, index: number): boolean {
  return isBetween(text, index, 0xd800, 0xdbff);
}

function isBetween(text: string, index: number, low: number, high: number): boolean {
  const code = text.charCodeAt(index);
  return code >= low && code <= high;
}
