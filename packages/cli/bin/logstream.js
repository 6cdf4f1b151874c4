#!/usr/bin/env node
// The installed `logstream` command. npm links this file at install time, before `prepare`
// compiles dist/, so it must exist in the repository; it only loads the compiled CLI.
import process from 'node:process';

import('../dist/bin.js').catch((error) => {
  const missing = error?.code === 'ERR_MODULE_NOT_FOUND';
  process.stderr.write(missing
    ? `logstream: the CLI is not built (${error.message}): run 'npm run build' first\n`
    : `logstream: internal error: ${error?.message ?? String(error)}\n`);
  process.exitCode = 1;
});
