// Whether the browser can run: stdin and stdout are both a terminal.
import type { CommandContext } from '../follow/follow-command.js';

/** True when both ends are a terminal: the browser can run. */
export function onTerminal(context: CommandContext): boolean {
  return context.io.stdout.isTTY === true && process.stdin.isTTY;
}
