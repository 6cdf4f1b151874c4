// Glob patterns for log paths (`logs/**/*.log`, `/var/log/{app,db}-?.log`): matching and the
// folder to start looking in.
import { isAbsolute, join, resolve, sep } from 'node:path';

/** A glob split into the folder it starts from and a matcher for the whole path. */
export interface GlobPattern {
  readonly pattern: string;
  /** The longest leading part without wildcards: where the search starts. */
  readonly base: string;
  /** Matches an absolute path. */
  readonly regex: RegExp;
  /** How many folder levels below `base` can hold matches (Infinity with `**`). */
  readonly depth: number;
}

const GLOB_CHARS = /[*?[\]{}]/;

/** True when `text` holds a wildcard: `*`, `?`, `[…]` or `{a,b}`. */
export function hasGlobChars(text: string): boolean {
  return GLOB_CHARS.test(text);
}

/**
 * Compiles a glob: `*` is any run of characters but `/`, `?` one such character, `[abc]` / `[a-z]`
 * / `[!x]` a class, `{a,b}` alternatives, and a `**` segment any number of folders (none too).
 * Relative patterns are resolved against `cwd`.
 */
export function compileGlob(pattern: string, cwd = process.cwd()): GlobPattern {
  const absolute = isAbsolute(pattern) ? pattern : resolve(cwd, pattern);
  const segments = absolute.split(sep);
  const firstWild = segments.findIndex((s) => hasGlobChars(s));
  const baseSegments = firstWild === -1 ? segments.slice(0, -1) : segments.slice(0, firstWild);
  const rest = firstWild === -1 ? segments.slice(-1) : segments.slice(firstWild);
  const base = baseSegments.length <= 1 ? sep : join(sep, ...baseSegments);
  const depth = rest.includes('**') ? Infinity : rest.length - 1;
  const body = rest.map((s, i) => (s === '**' ? (i === rest.length - 1 ? '.*' : '(?:[^/]*/)*') : segmentSource(s) + (i < rest.length - 1 ? '/' : ''))).join('');
  const prefix = base === sep ? '/' : `${escapeRegex(base)}/`;
  return { pattern, base, regex: new RegExp(`^${prefix}${body}$`), depth };
}

function segmentSource(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end === -1) {
        out += '\\[';
        continue;
      }
      let cls = segment.slice(i + 1, end);
      if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
      out += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '{') {
      const end = segment.indexOf('}', i);
      if (end === -1) {
        out += '\\{';
        continue;
      }
      out += `(?:${segment.slice(i + 1, end).split(',').map(segmentSource).join('|')})`;
      i = end;
    } else out += escapeRegex(c);
  }
  return out;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
