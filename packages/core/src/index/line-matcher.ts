// What a search looks for, in a form that crosses to the worker (source and flags, or a literal
// string), and the per-line test with the ranges that matched.
import { InvalidOptionError } from '../errors/log-stream-error.js';

/** `[start, end)` in UTF-16 units of a line's text. */
export type MatchRange = readonly [number, number];

/** A pattern as it is sent to the worker. */
export type PatternSpec = { readonly kind: 'regexp'; readonly source: string; readonly flags: string } | { readonly kind: 'literal'; readonly text: string };

export interface LineMatcher {
  /** The ranges matched in `text` (empty matches left out), or undefined when it does not match at all. */
  match(text: string): MatchRange[] | undefined;
  /** For a non-empty literal: the text itself, so a chunk's bytes can be searched for it before lines are cut out. */
  readonly literal: string | undefined;
}

/** A RegExp as itself; a string as a literal (with `ignoreCase`, compared without case). */
export function patternSpec(pattern: RegExp | string, ignoreCase = false): PatternSpec {
  if (pattern instanceof RegExp) return { kind: 'regexp', source: pattern.source, flags: pattern.flags };
  if (typeof pattern !== 'string') throw new InvalidOptionError(`pattern must be a RegExp or a string, not ${typeof pattern}`);
  if (!ignoreCase) return { kind: 'literal', text: pattern };
  return { kind: 'regexp', source: pattern.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), flags: 'iu' };
}

/** The matcher for `spec`. Sticky is dropped (a line is searched anywhere); global is added. */
export function lineMatcher(spec: PatternSpec): LineMatcher {
  if (spec.kind === 'literal') return literalMatcher(spec.text);
  let re: RegExp;
  try {
    re = new RegExp(spec.source, `${spec.flags.replace(/[gy]/g, '')}g`);
  } catch (error) {
    throw new InvalidOptionError(`/${spec.source}/${spec.flags} is not a valid regular expression: ${(error as Error).message}`);
  }
  return {
    literal: undefined,
    match(text) {
      re.lastIndex = 0;
      let found = re.exec(text);
      if (found === null) return undefined;
      const ranges: MatchRange[] = [];
      for (; found !== null; found = re.exec(text)) {
        if (found[0].length === 0) re.lastIndex++;
        else ranges.push([found.index, found.index + found[0].length]);
      }
      return ranges;
    },
  };
}

function literalMatcher(needle: string): LineMatcher {
  return {
    literal: needle.length > 0 ? needle : undefined,
    match(text) {
      let at = text.indexOf(needle);
      if (at === -1) return undefined;
      const ranges: MatchRange[] = [];
      if (needle.length === 0) return ranges;
      for (; at !== -1; at = text.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
      return ranges;
    },
  };
}
