// KeyParser: printable and named keys, modifiers, Alt, lone ESC, unknown sequences, paste, mouse, any split.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputEvent } from './input-event.js';
import { KeyParser } from './key-parser.js';

const keys = (input: string | Buffer, flush = false): unknown[] => {
  const parser = new KeyParser();
  const events = [...parser.feed(input), ...(flush ? parser.flush() : [])];
  return events.map((event) => (event.type === 'key' ? { ...event, sequence: undefined } : event));
};
const key = (name: string, modifiers: { ctrl?: boolean; alt?: boolean; shift?: boolean } = {}): unknown => ({
  type: 'key',
  key: name,
  ctrl: modifiers.ctrl ?? false,
  alt: modifiers.alt ?? false,
  shift: modifiers.shift ?? false,
  sequence: undefined,
});

describe('KeyParser', () => {
  it('reads printable characters, one event each, multi-byte included', () => {
    expect(keys('aZ/ 世😀')).toEqual(['a', 'Z', '/', ' ', '世', '😀'].map((char) => key(char)));
    expect(keys(Buffer.from('é世', 'utf8'))).toEqual([key('é'), key('世')]);
  });

  it('joins UTF-8 characters split across Buffer chunks', () => {
    const parser = new KeyParser();
    const bytes = Buffer.from('世😀', 'utf8');
    const events = [...parser.feed(bytes.subarray(0, 1)), ...parser.feed(bytes.subarray(1, 5)), ...parser.feed(bytes.subarray(5))];
    expect(events.map((event) => event.type === 'key' && event.key)).toEqual(['世', '😀']);
  });

  it('names Enter, Tab, Backspace and Ctrl+letter', () => {
    expect(keys('\r\n\t\x7f\x08')).toEqual([key('enter'), key('enter'), key('tab'), key('backspace'), key('backspace')]);
    expect(keys('\x03\x01\x1a')).toEqual([key('c', { ctrl: true }), key('a', { ctrl: true }), key('z', { ctrl: true })]);
    expect(keys('\x00\x1c\x1d\x1f')).toEqual([key(' ', { ctrl: true }), key('\\', { ctrl: true }), key(']', { ctrl: true }), key('_', { ctrl: true })]);
  });

  it.each([
    ['\x1b[A', 'up'],
    ['\x1b[B', 'down'],
    ['\x1b[C', 'right'],
    ['\x1b[D', 'left'],
    ['\x1bOA', 'up'],
    ['\x1b[H', 'home'],
    ['\x1b[F', 'end'],
    ['\x1bOH', 'home'],
    ['\x1b[1~', 'home'],
    ['\x1b[4~', 'end'],
    ['\x1b[7~', 'home'],
    ['\x1b[8~', 'end'],
    ['\x1b[2~', 'insert'],
    ['\x1b[3~', 'delete'],
    ['\x1b[5~', 'pageup'],
    ['\x1b[6~', 'pagedown'],
    ['\x1b[E', 'clear'],
    ['\x1bOP', 'f1'],
    ['\x1bOQ', 'f2'],
    ['\x1bOR', 'f3'],
    ['\x1bOS', 'f4'],
    ['\x1b[11~', 'f1'],
    ['\x1b[[A', 'f1'],
    ['\x1b[[E', 'f5'],
    ['\x1b[15~', 'f5'],
    ['\x1b[17~', 'f6'],
    ['\x1b[18~', 'f7'],
    ['\x1b[19~', 'f8'],
    ['\x1b[20~', 'f9'],
    ['\x1b[21~', 'f10'],
    ['\x1b[23~', 'f11'],
    ['\x1b[24~', 'f12'],
    ['\x1bOM', 'enter'],
    ['\x1b[13u', 'enter'],
    ['\x1b[27u', 'escape'],
  ])('reads %j as %s', (input, name) => {
    expect(keys(input)).toEqual([key(name)]);
  });

  it('reads xterm modifiers', () => {
    expect(keys('\x1b[1;2A')).toEqual([key('up', { shift: true })]);
    expect(keys('\x1b[1;3D')).toEqual([key('left', { alt: true })]);
    expect(keys('\x1b[1;5C')).toEqual([key('right', { ctrl: true })]);
    expect(keys('\x1b[1;8H')).toEqual([key('home', { shift: true, alt: true, ctrl: true })]);
    expect(keys('\x1b[5;5~')).toEqual([key('pageup', { ctrl: true })]);
    expect(keys('\x1b[1;2P')).toEqual([key('f1', { shift: true })]);
    expect(keys('\x1b[Z')).toEqual([key('tab', { shift: true })]);
    expect(keys('\x1b[97;5u')).toEqual([key('a', { ctrl: true })]);
  });

  it('reads Alt+key as ESC and the key', () => {
    expect(keys('\x1ba\x1bB')).toEqual([key('a', { alt: true }), key('B', { alt: true })]);
    expect(keys('\x1b\x7f')).toEqual([key('backspace', { alt: true })]);
    expect(keys('\x1b\r')).toEqual([key('enter', { alt: true })]);
    expect(keys('\x1b\x1b[A')).toEqual([key('up', { alt: true })]);
  });

  it('holds a lone ESC until flushed: then it is Escape', () => {
    const parser = new KeyParser();
    expect(parser.feed('\x1b')).toEqual([]);
    expect(parser.pending).toBe(true);
    expect(parser.flush().map((event) => event.type === 'key' && event.key)).toEqual(['escape']);
    expect(parser.pending).toBe(false);
  });

  it('resolves an unfinished sequence on flush as Alt+[ and the rest', () => {
    expect(keys('\x1b[', true)).toEqual([key('[', { alt: true })]);
    expect(keys('\x1b[1;', true)).toEqual([key('[', { alt: true }), key('1'), key(';')]);
    expect(keys('\x1bO', true)).toEqual([key('O', { alt: true })]);
    expect(keys('\x1b\x1b', true)).toEqual([key('escape', { alt: true })]);
  });

  it('reports sequences it does not know as unknown, whole', () => {
    const parser = new KeyParser();
    const [event] = parser.feed('\x1b[?1;2c');
    expect(event).toMatchObject({ type: 'key', key: 'unknown', sequence: '\x1b[?1;2c' });
    expect(keys('\x1b[99~x')).toEqual([key('unknown'), key('x')]);
    expect(keys('\x1b[1\x03')).toEqual([key('unknown'), key('c', { ctrl: true })]);
  });

  it('joins sequences split across chunks', () => {
    const parser = new KeyParser();
    expect(parser.feed('\x1b')).toEqual([]);
    expect(parser.feed('[')).toEqual([]);
    expect(parser.feed('1;5')).toEqual([]);
    expect(parser.feed('Cx')).toEqual([
      { type: 'key', key: 'right', ctrl: true, alt: false, shift: false, sequence: '\x1b[1;5C' },
      { type: 'key', key: 'x', ctrl: false, alt: false, shift: false, sequence: 'x' },
    ]);
  });

  describe('bracketed paste', () => {
    it('turns the text between the marks into one paste event', () => {
      expect(keys('a\x1b[200~hello\x1b[A\r\nworld\x1b[201~b')).toEqual([key('a'), { type: 'paste', text: 'hello\x1b[A\r\nworld' }, key('b')]);
    });

    it('holds a paste across chunks, the end mark split too', () => {
      const parser = new KeyParser();
      expect(parser.feed('\x1b[200~one ')).toEqual([]);
      expect(parser.inPaste).toBe(true);
      expect(parser.feed('two\x1b[20')).toEqual([]);
      expect(parser.flush()).toEqual([]);
      expect(parser.feed('1~')).toEqual([{ type: 'paste', text: 'one two' }]);
      expect(parser.inPaste).toBe(false);
    });

    it('keeps an ESC inside a paste that is not the end mark', () => {
      expect(keys('\x1b[200~a\x1b[20x\x1b[201~')).toEqual([{ type: 'paste', text: 'a\x1b[20x' }]);
    });

    it('ignores an end mark without a start', () => {
      expect(keys('\x1b[201~q')).toEqual([key('q')]);
    });
  });

  describe('mouse', () => {
    it('reads SGR wheel and click reports', () => {
      const events = new KeyParser().feed('\x1b[<64;10;5M\x1b[<65;1;1M\x1b[<0;3;4M\x1b[<0;3;4m');
      expect(events).toEqual([
        { type: 'mouse', action: 'wheel', button: 'wheel-up', col: 9, row: 4, shift: false, alt: false, ctrl: false },
        { type: 'mouse', action: 'wheel', button: 'wheel-down', col: 0, row: 0, shift: false, alt: false, ctrl: false },
        { type: 'mouse', action: 'press', button: 'left', col: 2, row: 3, shift: false, alt: false, ctrl: false },
        { type: 'mouse', action: 'release', button: 'left', col: 2, row: 3, shift: false, alt: false, ctrl: false },
      ]);
    });

    it('reads buttons, modifiers and drags', () => {
      const [right, ctrlMiddle, drag, move] = new KeyParser().feed('\x1b[<2;1;1M\x1b[<17;1;1M\x1b[<32;5;5M\x1b[<35;6;6M');
      expect(right).toMatchObject({ button: 'right', action: 'press' });
      expect(ctrlMiddle).toMatchObject({ button: 'middle', ctrl: true });
      expect(drag).toMatchObject({ button: 'left', action: 'drag' });
      expect(move).toMatchObject({ button: 'none', action: 'move' });
    });

    it('reads a mouse report split across chunks', () => {
      const parser = new KeyParser();
      expect(parser.feed('\x1b[<6')).toEqual([]);
      expect(parser.feed('5;120;4')).toEqual([]);
      expect(parser.feed('0M')).toMatchObject([{ type: 'mouse', button: 'wheel-down', col: 119, row: 39 }]);
    });

    it('reads legacy X10 reports', () => {
      expect(new KeyParser().feed('\x1b[M`!!\x1b[M #$\x1b[M#&\'')).toMatchObject([
        { type: 'mouse', action: 'wheel', button: 'wheel-up', col: 0, row: 0 },
        { type: 'mouse', action: 'press', button: 'left', col: 2, row: 3 },
        { type: 'mouse', action: 'release', button: 'none', col: 5, row: 6 },
      ]);
    });

    it('reports a malformed mouse report as unknown', () => {
      expect(new KeyParser().feed('\x1b[<1;2M')).toMatchObject([{ type: 'key', key: 'unknown', sequence: '\x1b[<1;2M' }]);
    });
  });

  it('gives the same events however the input is split', () => {
    const pieces = ['a', '世', '😀', '\r', '\x03', '\x1b[A', '\x1b[1;5C', '\x1bOP', '\x1b[24~', '\x1b[<64;3;4M', '\x1b[200~p\x1b[Aste\x1b[201~', '\x1bx', '\x1b[Z'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.array(fc.nat(200), { maxLength: 6 }), fc.boolean(), (chosen, cuts, asBytes) => {
        const text = chosen.join('');
        const whole = new KeyParser().feed(text);
        const bytes = Buffer.from(text, 'utf8');
        const total = asBytes ? bytes.length : text.length;
        const points = [...new Set(cuts.map((cut) => cut % (total + 1)))].sort((a, b) => a - b);
        const parser = new KeyParser();
        const split: InputEvent[] = [];
        let from = 0;
        for (const point of [...points, total]) {
          split.push(...parser.feed(asBytes ? bytes.subarray(from, point) : text.slice(from, point)));
          from = point;
        }
        expect(split).toEqual(whole);
        expect(parser.pending).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
