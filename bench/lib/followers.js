// The followers compared by every benchmark: logstream's CLI and library, GNU tail -F, the `tail`
// npm package and a plain chokidar follower. Each prints the followed lines to its stdout.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshTmpDir, killChild, lineSplitter, removeTmpDir, spawnChild, waitFor } from './common.js';

const here = dirname(fileURLToPath(import.meta.url));
export const BENCH_DIR = join(here, '..');
export const REPO_DIR = join(BENCH_DIR, '..');
const SNAPSHOT = process.env.LOGSTREAM_BENCH_SNAPSHOT;
/** The `logstream` command as installed (bin/logstream.js, which runs the bundle), or run-all.js's snapshot of it. */
export const CLI_BIN = SNAPSHOT ? join(SNAPSHOT, 'cli/bin/logstream.js') : join(REPO_DIR, 'packages/cli/bin/logstream.js');
const PEERS = join(BENCH_DIR, 'peers');
const NODE = process.execPath;
/** Diagnosis only: extra node flags for the node-based followers, e.g. BENCH_NODE_ARGS='--cpu-prof'. */
const NODE_ARGS = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
const GNU_TAIL = '/usr/bin/tail';

/**
 * Each follower: `id`, `label`, and `command(files, { fromStart })` → [cmd, args].
 * All start at the end of the files unless `fromStart`.
 */
export const FOLLOWERS = [
  {
    id: 'logstream-cli',
    label: 'logstream follow (CLI)',
    command: (files, o = {}) => [NODE, [...NODE_ARGS, CLI_BIN, 'follow', '-q', ...(o.fromStart ? ['--from-start'] : ['-n', '0']), ...files]],
  },
  {
    id: 'logstream-lib',
    label: 'logstream (library)',
    command: (files, o = {}) => [NODE, [...NODE_ARGS, join(PEERS, 'logstream-follow.js'), ...(o.fromStart ? ['--from-start'] : []), ...files]],
  },
  {
    id: 'gnu-tail',
    label: 'GNU tail -F',
    command: (files, o = {}) => [GNU_TAIL, ['-F', '-q', '-n', o.fromStart ? '+1' : '0', ...files]],
  },
  {
    id: 'tail-npm',
    label: 'tail (npm) 2.2.6',
    command: (files, o = {}) => [NODE, [...NODE_ARGS, join(PEERS, 'tail-npm-follow.js'), ...(o.fromStart ? ['--from-start'] : []), ...files]],
  },
  {
    id: 'chokidar',
    label: 'chokidar 4 follower',
    command: (files, o = {}) => [NODE, [...NODE_ARGS, join(PEERS, 'chokidar-follow.js'), ...(o.fromStart ? ['--from-start'] : []), ...files]],
  },
];

let cliStatus;

/**
 * Checks once that `logstream follow` exists and prints an appended line. Returns
 * { ok: true } or { ok: false, reason }.
 */
export async function probeCli() {
  if (cliStatus) return cliStatus;
  if (!existsSync(CLI_BIN)) return (cliStatus = { ok: false, reason: `${CLI_BIN} does not exist (CLI not built yet)` });
  const help = spawnSync(NODE, [CLI_BIN, 'follow', '--help'], { encoding: 'utf8', timeout: 10_000 });
  const dir = freshTmpDir('cli-probe');
  const file = join(dir, 'probe.log');
  writeFileSync(file, 'old line\n');
  let seen = false;
  const child = spawnChild(...FOLLOWERS[0].command([file]), { onData: lineSplitter((text) => (seen ||= text.includes('probe-line'))) });
  const ok = await waitFor(() => {
    if (!child.exited) appendFileSync(file, 'probe-line\n');
    return seen || child.exited;
  }, 10_000, 200);
  await killChild(child);
  removeTmpDir(dir);
  if (ok && seen) return (cliStatus = { ok: true });
  const detail = child.stderr.trim().split('\n').slice(-3).join(' | ') || (help.stdout + help.stderr).trim().split('\n')[0];
  return (cliStatus = { ok: false, reason: `\`logstream follow\` did not print an appended line within 10 s${detail ? ` (${detail})` : ''}` });
}

/** The followers to run: all of them, without the CLI when it is not usable (with the reason). */
export async function availableFollowers() {
  const cli = await probeCli();
  const only = process.env.BENCH_FOLLOWERS?.split(',');
  const list = FOLLOWERS.filter((f) => (f.id !== 'logstream-cli' || cli.ok) && (!only || only.includes(f.id)));
  const notes = cli.ok ? [] : [`logstream CLI skipped: ${cli.reason}`];
  return { followers: list, notes };
}
