// Whether the browser can run: stdin and stdout are both a terminal.
import { stdoutIsTerminal } from '../cli-io.js';
import type { CommandContext } from '../follow/follow-command.js';

/** True when both ends are a terminal: the browser can run. */
export function onTerminal(context: CommandContext): boolean {
  return stdoutIsTerminal(context.io) && process.stdin.isTTY;
}
