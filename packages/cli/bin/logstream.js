#!/usr/bin/env node
// The installed `logstream` command. npm links this file at install time, before `prepare`
// builds, so it must exist in the repository; it only loads the built CLI: bundle/logstream.js,
// one file per command made from dist/ by scripts/bundle-cli.js (it starts ~100 ms sooner).
// It uses the global `process`: an ES import of 'node:process' reads every property of the
// built-in, which creates process.stdout and process.stdin before any command asks for them.
import('../bundle/logstream.js').catch((error) => {
  const missing = error?.code === 'ERR_MODULE_NOT_FOUND';
  process.stderr.write(missing
    ? `logstream: the CLI is not built (${error.message}): run 'npm run build' first\n`
    : `logstream: internal error: ${error?.message ?? String(error)}\n`);
  process.exitCode = 1;
});
