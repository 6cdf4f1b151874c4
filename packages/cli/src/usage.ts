// The help text of `logstream`, and the usage line printed with a usage error.

/** Each command's one-line synopsis, printed with a usage error before "Try 'logstream --help'". */
export const USAGE_LINES = {
  follow: 'Usage: logstream follow [OPTION]... FILE...',
  demo: 'Usage: logstream demo [--dir DIR] [--duration SECONDS] [--rotate-every SECONDS]',
} as const;

/** The hint after a usage error's message and synopsis. */
export const HELP_HINT = "Try 'logstream --help' for more information.";

/** The full `logstream --help` text. */
export const HELP = `Usage: logstream follow [OPTION]... FILE...
       logstream FILE...            (same as follow)
       logstream demo [OPTION]...
Follow log files as they grow, like 'tail -F', without losing a line across rotation.

Commands:
  follow             print the last lines of each FILE, then every line added to it
  demo               run a simulated job that writes a live, rotating log, and follow it

Options of follow:
  -n, --lines=N      print the last N lines first (default 10); -n +N starts at line N
      --from-start   print each file from its first line (same as -n +1)
  -q, --quiet, --silent
                     never print '==> FILE <==' headers
  -v, --verbose      always print headers, even for one file
      --prefix       start each line with 'FILE: ' instead of printing headers
      --json         print one JSON object per line: {"text","file","offset","seq"}
      --raw          pass control characters to a terminal unchanged (unsafe)
      --poll         poll the files instead of using file system events
      --poll-interval=MS
                     how often to poll, in milliseconds (default 500)
      --no-follow    print the selected lines and exit
  -f, -F, --follow, --retry
                     accepted for tail compatibility: logstream always follows by
                     name and waits for missing files
  -h, --help         print this help and exit
      --version      print the version and exit

Options of demo:
      --dir=DIR      write the simulated logs into DIR (default: a new temporary
                     folder, removed on exit)
      --duration=SECONDS
                     stop after SECONDS (default: run until Ctrl-C)
      --rotate-every=SECONDS
                     rotate the logs every SECONDS (default 5)

Output on a terminal shows control characters in log lines as visible escapes
(^[ for ESC, \\x9b for C1 controls) unless --raw is given.

Exit status: 0 when stopped by Ctrl-C, SIGTERM or a closed output pipe, or when
--no-follow printed every file; 1 when a file could not be read or an error
occurred; 2 for a usage error. Set LOGSTREAM_DEBUG=1 to see stack traces.
`;
