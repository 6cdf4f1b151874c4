// Splits a command line into flags and operands with node:util parseArgs, and rewrites its
// complaints into the one-line messages of GNU tools.
import { parseArgs } from 'node:util';
import { UsageError } from '../errors/usage-error.js';

/** One flag a command accepts: a switch (`boolean`) or a flag that takes a value (`string`). */
export interface FlagSpec {
  readonly type: 'boolean' | 'string';
  /** Its one-letter form, e.g. `n` for `-n`. */
  readonly short?: string;
}

/** A flag as it appeared on the command line, in order. */
export interface FlagToken {
  /** The flag's long name, e.g. `lines` for `-n` and `--lines`. */
  readonly name: string;
  /** What the user typed: `-n`, `--lines`. */
  readonly rawName: string;
  /** The value of a `string` flag; undefined for a switch. */
  readonly value: string | undefined;
}

/** A parsed command line: its flags in the order given, and its operands. */
export interface CommandLine {
  readonly flags: readonly FlagToken[];
  readonly operands: readonly string[];
}

/**
 * Parses `argv` against `spec`. Flags may repeat (later ones win, as the caller walks `flags` in
 * order); `--` ends the flags; a value may start with `-` (`-n -5`). Throws a {@link UsageError}
 * for an unknown flag, a flag missing its value, or a value given to a switch.
 *
 * @example
 * parseCommandLine(['-n', '5', 'app.log'], { lines: { type: 'string', short: 'n' } });
 * // { flags: [{ name: 'lines', rawName: '-n', value: '5' }], operands: ['app.log'] }
 */
export function parseCommandLine(argv: readonly string[], spec: Readonly<Record<string, FlagSpec>>): CommandLine {
  // Non-strict parsing keeps unknown flags as tokens, so that the messages below can name them.
  const { tokens } = parseArgs({ args: [...argv], options: spec, strict: false, allowPositionals: true, tokens: true });
  const flags: FlagToken[] = [];
  const operands: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') operands.push(token.value);
    if (token.kind !== 'option') continue;
    const known = Object.hasOwn(spec, token.name) ? spec[token.name] : undefined;
    if (!known) {
      throw new UsageError(token.rawName.startsWith('--') ? `unrecognized option '${token.rawName}'` : `invalid option -- '${token.rawName.slice(1)}'`);
    }
    if (known.type === 'string' && token.value === undefined) throw new UsageError(`option '${token.rawName}' requires a value`);
    if (known.type === 'boolean' && token.value !== undefined) throw new UsageError(`option '${token.rawName}' doesn't allow a value`);
    flags.push({ name: token.name, rawName: token.rawName, value: token.value });
  }
  return { flags, operands };
}
