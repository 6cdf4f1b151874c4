// Whether the browser can run: stdin and stdout are both a terminal.
import { outputIsTerminal } from '../cli-io.js';
import type { CommandContext } from '../follow/follow-command.js';

/** True when both ends are a terminal: the browser can run. (Asked without making process.stdout, which turns a pipe non-blocking.) */
export function onTerminal(context: CommandContext): boolean {
  return outputIsTerminal(context.io) && process.stdin.isTTY;
}
