// Unit tests of output formatting: headers, prefixes, JSON, and sanitising for a terminal.
import type { LogLine } from '@logstream/core';
import { describe, expect, it } from 'vitest';
import { jsonString, Printer } from './printer.js';

const a = { name: 'a.log' };
const b = { name: 'b.log' };

function lines(...texts: string[]): LogLine[] {
  let offset = 0;
  return texts.map((text, i) => {
    const line: LogLine = { text, path: '/abs/x.log', offset, end: offset + text.length + 1, seq: i + 1 };
    offset = line.end;
    return line;
  });
}

describe('Printer (text)', () => {
  it('prints lines as they are, one per line, with no labels by default', () => {
    expect(new Printer().format(a, lines('one', 'two'))).toBe('one\ntwo\n');
  });

  it('prints nothing for an empty batch', () => {
    expect(new Printer({ labels: 'headers' }).format(a, [])).toBe('');
  });

  it('prints a header when output switches file, with a blank line before every header but the first', () => {
    const printer = new Printer({ labels: 'headers' });
    const out = [
      printer.format(a, lines('a1', 'a2')),
      printer.format(a, lines('a3')),
      printer.format(b, lines('b1')),
      printer.format(a, lines('a4')),
    ].join('');
    expect(out).toBe('==> a.log <==\na1\na2\na3\n\n==> b.log <==\nb1\n\n==> a.log <==\na4\n');
  });

  it('tags each line with its file name in prefix mode, and prints no headers', () => {
    const printer = new Printer({ labels: 'prefix' });
    expect(printer.format(a, lines('one', 'two')) + printer.format(b, lines('three'))).toBe('a.log: one\na.log: two\nb.log: three\n');
  });

  it('shows control characters as escapes when sanitising, in lines and in names', () => {
    const printer = new Printer({ labels: 'headers', sanitize: true });
    expect(printer.format({ name: 'evil\x1b[2J.log' }, lines('\x1b]0;title\x07text', 'bell\x07'))).toBe('==> evil^[[2J.log <==\n^[]0;title^Gtext\nbell^G\n');
    expect(new Printer({ labels: 'prefix', sanitize: true }).format(a, lines('\u009b31m'))).toBe('a.log: \\x9b31m\n');
  });

  it('passes control characters unchanged when not sanitising', () => {
    expect(new Printer().format(a, lines('\x1b[2J\x07'))).toBe('\x1b[2J\x07\n');
  });
});

describe('Printer (raw bytes)', () => {
  it('passes bytes only for plain, unsanitised text with headers or no labels', () => {
    expect(new Printer().passesBytes).toBe(true);
    expect(new Printer({ labels: 'headers' }).passesBytes).toBe(true);
    expect(new Printer({ labels: 'prefix' }).passesBytes).toBe(false);
    expect(new Printer({ format: 'json' }).passesBytes).toBe(false);
    expect(new Printer({ sanitize: true }).passesBytes).toBe(false);
  });

  it('writes the file bytes unchanged, with headers on a switch and a newline after a partial line', () => {
    const printer = new Printer({ labels: 'headers' });
    const crlf = Buffer.concat([Buffer.from('one\r\n'), Buffer.from([0xff, 0x0a])]);
    const joined = (pieces: (string | Buffer)[]) => Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    expect(joined(printer.formatBytes(a, crlf, false)).toString('latin1')).toBe('==> a.log <==\none\r\n\xff\n');
    const again = printer.formatBytes(a, crlf, false);
    expect(again).toHaveLength(1);
    expect(again[0]).toBe(crlf); // the bytes themselves, not a copy
    expect(joined(printer.formatBytes(b, Buffer.from('half'), true)).toString()).toBe('\n==> b.log <==\nhalf\n');
  });
});

describe('Printer (json)', () => {
  it('prints one object per line with text, file (the name as given), offset and seq', () => {
    const out = new Printer({ format: 'json', labels: 'headers' }).format(a, lines('first', 'say "hi"'));
    const objects = out.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(objects).toEqual([
      { text: 'first', file: 'a.log', offset: 0, seq: 1 },
      { text: 'say "hi"', file: 'a.log', offset: 6, seq: 2 },
    ]);
    expect(out.endsWith('}\n')).toBe(true);
  });

  it('marks partial and split lines', () => {
    const line: LogLine = { text: 'cut', path: '/x', offset: 0, end: 3, seq: 1, partial: true };
    const piece: LogLine = { text: 'long', path: '/x', offset: 3, end: 7, seq: 2, split: true };
    expect(new Printer({ format: 'json' }).format(a, [line, piece])).toBe(
      '{"text":"cut","file":"a.log","offset":0,"seq":1,"partial":true}\n{"text":"long","file":"a.log","offset":3,"seq":2,"split":true}\n',
    );
  });

  it('escapes every control character when sanitising, and stays valid JSON', () => {
    const out = new Printer({ format: 'json', sanitize: true }).format(a, lines('\x1b]52;c;eA==\x07 \u009b \x7f'));
    // eslint-disable-next-line no-control-regex -- looking for raw control characters
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect((JSON.parse(out) as { text: string }).text).toBe('\x1b]52;c;eA==\x07 \u009b \x7f');
  });
});

describe('jsonString', () => {
  it('writes exactly what JSON.stringify writes', () => {
    const samples = ['plain', 'say "hi"', 'back\\slash', 'tab\there', '\x1b[2J', '\x7f\u009b', 'é 日本 😀', '\ud800 lone', 'lone \udfff', '', '\u2028'];
    for (const text of samples) expect(jsonString(text)).toBe(JSON.stringify(text));
  });
});
