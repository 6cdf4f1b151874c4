// The help text of `logstream`, and the usage line printed with a usage error.

/** Each command's one-line synopsis, printed with a usage error before "Try 'logstream --help'". */
export const USAGE_LINES = {
  follow: 'Usage: logstream follow [OPTION]... FILE|FOLDER|GLOB...',
  browse: 'Usage: logstream browse [OPTION]... FILE|FOLDER|GLOB...',
  demo: 'Usage: logstream demo [--dir DIR] [--duration SECONDS] [--rotate-every SECONDS]',
} as const;

/** The hint after a usage error's message and synopsis. */
export const HELP_HINT = "Try 'logstream --help' for more information.";

/** The full `logstream --help` text. */
export const HELP = `Usage: logstream follow [OPTION]... FILE|FOLDER|GLOB...
       logstream browse [OPTION]... FILE|FOLDER|GLOB...
       logstream FILE...            (browse on a terminal, follow into a pipe or file)
       logstream demo [OPTION]...
Follow log files as they grow, like 'tail -F', without losing a line across rotation;
browse them full-screen, live, with search and filters.

Commands:
  follow             print the last lines of each file, then every line added to it
  browse             the full-screen log browser (keys: h for help, q to quit)
  demo               run simulated jobs that write live, rotating logs, and browse them
                     (follow them when not on a terminal)

A FOLDER means the files in it; a GLOB ('logs/**/*.log', quoted) is matched by
logstream, so files created later are picked up too.

Options of follow:
  -n, --lines=N      print the last N lines first (default 10); -n +N starts at line N
      --from-start   print each file from its first line (same as -n +1)
  -q, --quiet, --silent
                     never print '==> FILE <==' headers
  -v, --verbose      always print headers, even for one file
      --prefix       start each line with 'FILE: ' instead of printing headers
      --json         print one JSON object per line: {"text","file","offset","seq",
                     "time","level","fields"}
      --raw          pass control characters to a terminal unchanged (unsafe)
      --poll         poll the files instead of using file system events
      --poll-interval=MS
                     how often to poll, in milliseconds (default 500)
      --no-follow    print the selected lines and exit
      --merge        one stream ordered by time across the files
      --grep=RE      only lines matching the regular expression RE (repeatable)
      --exclude=RE   drop lines matching RE (repeatable)
      --level=LEVEL  only messages at LEVEL or above (trace, debug, info, notice,
                     warn, error, fatal)
      --format=NAME  the files' format: auto (default), json, logfmt, syslog, clf,
                     glog, python, log4j, text
      --timestamp-format=PATTERN
                     the timestamp's strftime-style pattern, e.g. '%d/%m/%Y %H:%M:%S'
  -f, -F, --follow, --retry
                     accepted for tail compatibility: logstream always follows by
                     name and waits for missing files
  -h, --help         print this help and exit
      --version      print the version and exit

Options of browse:
      --poll, --format=NAME, --timestamp-format=PATTERN   as for follow

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
