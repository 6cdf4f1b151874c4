// The CLI's version, as in packages/cli/package.json (a test keeps the two equal).

/** The version `logstream --version` prints. */
export const VERSION = '0.1.0';
