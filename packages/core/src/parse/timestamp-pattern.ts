// A user's strftime-style timestamp pattern, compiled once into an anchored regex and a field list.
import { InvalidOptionError } from '../errors/log-stream-error.js';
import { monthAt, zoneOffsetMinutes } from './civil-time.js';
import { readFraction, type TimeParts } from './time-parts.js';

type Field = 'Y' | 'y' | 'm' | 'd' | 'H' | 'I' | 'M' | 'S' | 'f' | 'z' | 'Z' | 'b' | 'p' | 'j' | 's';

/** Directive → [regex, field it fills (undefined: matched, not used)]. */
const DIRECTIVES: Readonly<Record<string, readonly [string, Field | undefined]>> = {
  Y: ['(\\d{4})', 'Y'],
  y: ['(\\d{2})', 'y'],
  m: ['(\\d{1,2})', 'm'],
  d: ['(\\d{1,2})', 'd'],
  e: ['( ?\\d{1,2})', 'd'],
  H: ['(\\d{1,2})', 'H'],
  I: ['(\\d{1,2})', 'I'],
  M: ['(\\d{2})', 'M'],
  S: ['(\\d{2})', 'S'],
  f: ['(\\d+)', 'f'],
  z: ['(Z|[+-]\\d{2}(?::?\\d{2})?)', 'z'],
  Z: ['([A-Z]{1,4})', 'Z'],
  b: ['([A-Za-z]{3})', 'b'],
  B: ['([A-Za-z]{3,9})', 'b'],
  a: ['[A-Za-z]{3}', undefined],
  A: ['[A-Za-z]{6,9}', undefined],
  p: ['([AaPp][Mm])', 'p'],
  j: ['(\\d{1,3})', 'j'],
  s: ['(\\d{1,12})', 's'],
};
const SHORTHANDS: Readonly<Record<string, string>> = { T: '%H:%M:%S', F: '%Y-%m-%d' };
/** How far into a line the pattern may start matching. */
const NEAR_START = 40;

/** Minutes east of UTC of `Z`, `±hh`, `±hhmm` or `±hh:mm`. */
function numericOffset(value: string): number {
  if (value === 'Z') return 0;
  const digits = value.slice(1).replace(':', '');
  return (value[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

/** A compiled {@link ParseOptions.timestampPattern}. */
export class TimestampPattern {
  private readonly near: RegExp;
  private readonly fields: Field[] = [];
  /** Where the last match started and ended. */
  start = 0;
  end = 0;

  constructor(readonly source: string) {
    const body = this.compile(source.replace(/%([TF])/g, (_, c: string) => SHORTHANDS[c]!));
    const has = (f: Field): boolean => this.fields.includes(f);
    if (!has('s') && !(has('d') && (has('m') || has('b'))) && !has('j')) {
      throw new InvalidOptionError(`timestampPattern "${source}" needs a date: %d or %e with %m or %b, %j, %F, or %s`);
    }
    this.near = new RegExp(`^([\\s\\S]{0,${NEAR_START}}?)${body}`);
  }

  private compile(pattern: string): string {
    let out = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i]!;
      if (c !== '%') {
        out += c === ' ' ? '\\s+' : c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
        continue;
      }
      const d = pattern[++i] ?? '';
      if (d === '%') {
        out += '%';
        continue;
      }
      const directive = DIRECTIVES[d];
      if (!directive) throw new InvalidOptionError(`timestampPattern "${pattern}": %${d} is not supported; see docs/formats.md for the directives`);
      out += directive[0];
      if (directive[1]) this.fields.push(directive[1]);
    }
    return out;
  }

  /** Matches at or near the start of `text`; fills `parts` and returns true when it matched. */
  match(text: string, parts: TimeParts): boolean {
    const m = this.near.exec(text.length > 200 ? text.slice(0, 200) : text);
    if (!m) return false;
    this.start = m[1]!.length;
    this.end = m.index + m[0].length;
    parts.reset();
    parts.hasYear = false;
    parts.hour = parts.minute = 0;
    let pm: boolean | undefined;
    let epoch = Number.NaN;
    for (let g = 0; g < this.fields.length; g++) {
      const value = m[g + 2]!;
      const n = Number(value);
      switch (this.fields[g]) {
        case 'Y': parts.year = n; parts.hasYear = true; break;
        case 'y': parts.year = n < 69 ? 2000 + n : 1900 + n; parts.hasYear = true; break;
        case 'm': parts.month = n; break;
        case 'd': parts.day = Number(value.trim()); break;
        case 'H': case 'I': parts.hour = n; break;
        case 'M': parts.minute = n; break;
        case 'S': parts.second = n; break;
        case 'f': readFraction(value, 0, parts); break;
        case 'z': parts.offset = numericOffset(value); break;
        case 'Z': parts.offset = zoneOffsetMinutes(value, 0, value.length) ?? Number.NaN; break;
        case 'b': parts.month = monthAt(value, 0); break;
        case 'p': pm = (value[0] === 'P' || value[0] === 'p'); break;
        case 'j': parts.month = 1; parts.day = n; parts.dayOfYear = true; break;
        case 's': epoch = n * 1000; break;
      }
    }
    if (pm !== undefined) parts.hour = (parts.hour % 12) + (pm ? 12 : 0);
    if (!Number.isNaN(epoch)) parts.epochMs = epoch + parts.fractionMs;
    return true;
  }
}
