// Invents realistic log entries for the demo: mixed levels with ISO timestamps, now and then a
// multi-line stack trace or a JSON line, as a small web service and its job worker would write.

/** Which part of the simulated job writes the entries. */
export type LogSource = 'app' | 'worker';

/** Options of a {@link LogGenerator}; inject `random` and `now` for repeatable output. */
export interface LogGeneratorOptions {
  /** @default Math.random */
  random?: () => number;
  /** @default () => new Date() */
  now?: () => Date;
}

const PATHS = ['/api/orders', '/api/orders/{id}', '/api/customers/{id}', '/api/cart', '/health', '/api/search?q=boots'];
const STATUSES = [200, 200, 200, 200, 201, 204, 304, 404, 500];
const USERS = ['u-1042', 'u-2177', 'u-3301', 'u-0457', 'u-9120'];
const QUERIES = ['SELECT * FROM orders WHERE customer_id = $1', 'UPDATE carts SET items = $2 WHERE id = $1', 'SELECT count(*) FROM events'];
const JOBS = ['send-invoice', 'resize-image', 'sync-inventory', 'nightly-report', 'reindex-search'];
const FAILURES = [
  { error: 'TimeoutError: upstream inventory-svc did not answer within 5000ms', frames: ['fetchInventory (/srv/app/src/inventory.js:88:13)', 'async syncInventory (/srv/app/src/jobs/sync.js:41:5)', 'async runJob (/srv/app/src/worker.js:120:7)'] },
  { error: "TypeError: Cannot read properties of undefined (reading 'email')", frames: ['renderInvoice (/srv/app/src/invoice.js:57:31)', 'sendInvoice (/srv/app/src/jobs/invoice.js:23:18)', 'async runJob (/srv/app/src/worker.js:120:7)'] },
  { error: 'Error: connect ECONNREFUSED 10.0.4.12:5432', frames: ['TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)', 'Pool.connect (/srv/app/node_modules/pg-pool/index.js:45:11)'] },
];

/**
 * Produces one log entry at a time, ending in a newline; an error entry may span several lines
 * (its stack trace).
 *
 * @example
 * const generator = new LogGenerator('app');
 * generator.next(); // '2026-11-26T19:58:06.123Z INFO  [http] GET /api/cart 200 35ms\n'
 */
export class LogGenerator {
  private readonly random: () => number;
  private readonly now: () => Date;
  private counter = 0;

  constructor(
    private readonly source: LogSource,
    options: LogGeneratorOptions = {},
  ) {
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => new Date());
  }

  /** The next entry: usually one line, a stack trace after some errors. */
  next(): string {
    this.counter++;
    const roll = this.random();
    if (roll < 0.1) return this.json();
    if (roll < 0.18) return this.error();
    if (roll < 0.3) return this.line('WARN', this.source === 'app' ? this.appWarning() : this.workerWarning());
    if (roll < 0.5) return this.line('DEBUG', this.source === 'app' ? `[cache] miss for key session:${this.hex(8)} (ttl 300s)` : `[queue] polled 'default': ${String(this.int(0, 12))} jobs waiting`);
    return this.line('INFO', this.source === 'app' ? this.appInfo() : this.workerInfo());
  }

  private appInfo(): string {
    if (this.random() < 0.3) return `[auth] user ${this.pick(USERS)} signed in from 10.0.${String(this.int(0, 9))}.${String(this.int(2, 250))}`;
    const path = this.pick(PATHS).replace('{id}', String(this.int(1000, 9999)));
    return `[http] ${this.random() < 0.7 ? 'GET' : 'POST'} ${path} ${String(this.pick(STATUSES))} ${String(this.int(2, 180))}ms`;
  }

  private appWarning(): string {
    if (this.random() < 0.5) return `[db] slow query took ${String(this.int(900, 4000))}ms: ${this.pick(QUERIES)}`;
    return `[http] retrying upstream inventory-svc (attempt ${String(this.int(2, 5))}/5)`;
  }

  private workerInfo(): string {
    return `[jobs] ${this.pick(JOBS)} #${String(7000 + this.counter)} done in ${String(this.int(20, 3000))}ms`;
  }

  private workerWarning(): string {
    return `[jobs] ${this.pick(JOBS)} #${String(7000 + this.counter)} is slow: still running after ${String(this.int(10, 60))}s`;
  }

  private error(): string {
    const failure = this.pick(FAILURES);
    const what = this.source === 'app' ? `[http] POST /api/orders failed: ${failure.error}` : `[jobs] ${this.pick(JOBS)} #${String(7000 + this.counter)} failed: ${failure.error}`;
    // About half the errors carry their stack trace, one frame per line, as Node prints it.
    const stack = this.random() < 0.5 ? failure.frames.map((frame) => `    at ${frame}\n`).join('') : '';
    return this.line('ERROR', what) + stack;
  }

  private json(): string {
    const entry = this.source === 'app'
      ? { ts: this.now().toISOString(), level: 'info', logger: 'billing', msg: 'invoice created', invoiceId: `inv_${String(this.int(1000, 9999))}`, amountCents: this.int(500, 25000) }
      : { ts: this.now().toISOString(), level: this.random() < 0.8 ? 'info' : 'warn', logger: 'scheduler', msg: 'queue stats', waiting: this.int(0, 40), active: this.int(0, 8) };
    return JSON.stringify(entry) + '\n';
  }

  private line(level: 'INFO' | 'WARN' | 'ERROR' | 'DEBUG', message: string): string {
    return `${this.now().toISOString()} ${level.padEnd(5)} ${message}\n`;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.min(items.length - 1, Math.floor(this.random() * items.length))] as T;
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += Math.floor(this.random() * 16).toString(16);
    return out;
  }
}
