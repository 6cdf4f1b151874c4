// Compiles the CLI's optional native addon (native/pipe-size.c) with the system C compiler against
// the running Node's headers. Run by the repository's `npm run build` and by this package's install
// script. Without a compiler or headers it says so and succeeds: `follow` then leaves its output
// pipe at its size.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const nativeDir = fileURLToPath(new URL('../native/', import.meta.url));
const source = join(nativeDir, 'pipe-size.c');
const target = join(nativeDir, 'build', 'pipe-size.node');

function skip(reason) {
  console.warn(`logstream build: the optional pipe-size addon was not built: ${reason}. \`logstream follow\` works without it; it only leaves its output pipe at the system's size.`);
  process.exit(0);
}

if (existsSync(target) && statSync(target).mtimeMs >= statSync(source).mtimeMs && statSync(target).mtimeMs >= statSync(fileURLToPath(import.meta.url)).mtimeMs) process.exit(0);
// Node's release builds carry their headers in <prefix>/include/node; distributions' in /usr/include/node.
const headers = [join(dirname(process.execPath), '..', 'include', 'node'), '/usr/include/node', '/usr/local/include/node'].find((dir) => existsSync(join(dir, 'node_api.h')));
if (!headers) skip(`node_api.h was not found beside ${process.execPath} nor in /usr/include/node (Debian: \`apt-get install libnode-dev\`)`);
// CC may carry arguments of its own ("ccache gcc").
const [cc = 'cc', ...ccArgs] = (process.env.CC ?? '').split(/\s+/).filter(Boolean);
// Node-API symbols are resolved from the node binary when the addon is loaded.
const platformFlags = process.platform === 'darwin' ? ['-undefined', 'dynamic_lookup'] : [];
mkdirSync(dirname(target), { recursive: true });
const next = `${target}.${String(process.pid)}.next`; // two builds at once each write their own
const compiled = spawnSync(cc, [...ccArgs, '-O2', '-Wall', '-shared', '-fPIC', ...platformFlags, '-I', headers, '-o', next, source], { encoding: 'utf8' });
if (compiled.error) skip(`no C compiler (${cc}: ${compiled.error.message}); install one with \`apt-get install gcc\``);
if (compiled.status !== 0) {
  rmSync(next, { force: true });
  skip(`${cc} failed: ${compiled.stderr.trim().slice(-400)}`);
}
renameSync(next, target);
