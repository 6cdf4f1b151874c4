// The signals that stop the CLI.

/** SIGINT (Ctrl-C), SIGTERM and SIGHUP (the terminal went away). */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
