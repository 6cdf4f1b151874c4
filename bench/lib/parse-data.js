// Generated log lines for bench/parse.js (text: ISO, syslog and log4j files; JSON: pino and ECS
// files), and the naive parsers a user would write instead: one regex + Date.parse, JSON.parse + Date.parse.
import { logLine, random } from './log-lines.js';
import { LineFramer } from './parse-core.js';

const START_MS = 1_736_930_000_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HOSTS = ['web-01', 'web-02', 'db-01', 'cache-03'];
const APPS = ['nginx[1234]', 'sshd[881]', 'postgres[4242]', 'cron[77]', 'kernel'];
const SYSLOG_MESSAGES = ['connection from 10.0.3.17 port 52114', 'error: upstream timed out while reading response header', 'warning: disk /dev/sda1 is 91% full', 'session opened for user deploy by (uid=0)', 'pam_unix(sshd:session): session closed'];
const LEVELS = ['INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR'];
const LOGGERS = ['c.e.orders.OrderService', 'o.h.engine.jdbc.spi.SqlExceptionHelper', 'c.e.web.RequestLogger'];
const pad = (n, w = 2) => String(n).padStart(w, '0');

/** `ms` as `yyyy-mm-dd hh:mm:ss,mmm` (wall clock, no zone). */
function wall(ms, sep = ',') {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${sep}${pad(d.getUTCMilliseconds(), 3)}`;
}

const generators = {
  iso: (n, rnd) => logLine(n, rnd, START_MS),
  syslog: (n, rnd) => {
    const d = new Date(START_MS + n * 7);
    const head = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    return `${head} ${HOSTS[(rnd() * HOSTS.length) | 0]} ${APPS[(rnd() * APPS.length) | 0]}: ${SYSLOG_MESSAGES[(rnd() * SYSLOG_MESSAGES.length) | 0]} n=${n}`;
  },
  // log4j with a stack trace (5 continuation lines) after about one line in 50.
  log4j: (n, rnd) => {
    const level = LEVELS[(rnd() * LEVELS.length) | 0];
    const line = `${wall(START_MS + n * 5)} [http-nio-8080-exec-${(rnd() * 10) | 0}] ${level.padEnd(5)} ${LOGGERS[(rnd() * LOGGERS.length) | 0]} - handled request id=${n} in ${(rnd() * 200) | 0} ms`;
    if (rnd() >= 0.02) return line;
    return [line, 'java.lang.IllegalStateException: order already closed', '\tat c.e.orders.OrderService.close(OrderService.java:212)', '\tat c.e.web.OrderController.post(OrderController.java:88)', '\tat java.base/java.lang.Thread.run(Thread.java:1583)', 'Caused by: java.sql.SQLException: lock timeout'];
  },
  pino: (n, rnd) => {
    const status = rnd() < 0.9 ? 200 : 500;
    return `{"level":${status === 200 ? 30 : 50},"time":${START_MS + n * 3},"pid":4242,"hostname":"api-7d9f8c6b5-x2x4q","reqId":"req-${n.toString(36)}","req":{"method":"GET","url":"/api/v1/orders/${(rnd() * 1e5) | 0}","remoteAddress":"10.0.3.17"},"res":{"statusCode":${status}},"responseTime":${(rnd() * 250).toFixed(3)},"msg":"request completed"}`;
  },
  ecs: (n, rnd) => {
    const level = LEVELS[(rnd() * LEVELS.length) | 0].toLowerCase();
    return `{"@timestamp":"${new Date(START_MS + n * 3).toISOString()}","log.level":"${level}","message":"payment ${n} authorized for order ${(rnd() * 1e5) | 0}","ecs.version":"1.6.0","service.name":"payment","event.dataset":"payment.log","process.pid":4242,"trace.id":"${((rnd() * 0xffffffff) >>> 0).toString(16).padStart(8, '0')}c759f29f5f1e2162","http":{"request":{"method":"POST"},"response":{"status_code":200}},"url":{"path":"/api/v1/charge"}}`;
  },
};

/**
 * `count` lines of one generated file as the stream delivers them: written to a buffer and framed
 * by the core's LineFramer (so each text is a flat string, as in real use), in batches of `batchSize`.
 */
export function generateFile(kind, count, batchSize = 1000) {
  const rnd = random(7);
  const texts = [];
  for (let n = 0; texts.length < count; n++) {
    const made = generators[kind](n, rnd);
    if (Array.isArray(made)) texts.push(...made);
    else texts.push(made);
  }
  const bytes = Buffer.from(`${texts.join('\n')}\n`, 'latin1');
  const framer = new LineFramer(`/var/log/bench-${kind}.log`, { next: 1 }, 0);
  const lines = [];
  for (let at = 0; at < bytes.length; at += 1 << 16) framer.push(bytes.subarray(at, at + (1 << 16)), lines);
  const batches = [];
  for (let at = 0; at < lines.length; at += batchSize) batches.push(lines.slice(at, at + batchSize));
  return { kind, batches, lines: lines.length };
}

const ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?)\s+(\w+)\s+(.*)$/;
const SYSLOG = /^(\w{3} +\d+ \d{2}:\d{2}:\d{2}) (\S+) ([^:]+): (.*)$/;
const LOG4J = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}),(\d{3}) \[([^\]]+)\] (\w+)\s+(\S+) - (.*)$/;
const YEAR = new Date().getFullYear();

/** What a user would write per format: one regex and Date.parse; unmatched lines get no time. */
export const naiveText = {
  iso: (text) => {
    const m = ISO.exec(text);
    return m ? { timestamp: Date.parse(m[1]), level: m[2].toLowerCase(), message: m[3] } : { timestamp: undefined, level: undefined, message: text };
  },
  syslog: (text) => {
    const m = SYSLOG.exec(text);
    return m ? { timestamp: Date.parse(`${m[1]} ${YEAR}`), level: undefined, message: m[4] } : { timestamp: undefined, level: undefined, message: text };
  },
  log4j: (text) => {
    const m = LOG4J.exec(text);
    return m ? { timestamp: Date.parse(`${m[1]}T${m[2]}.${m[3]}`), level: m[5].toLowerCase(), message: m[7] } : { timestamp: undefined, level: undefined, message: text };
  },
};

/** JSON.parse, then Date.parse on whichever time key is there. */
export function naiveJson(text) {
  const o = JSON.parse(text);
  const time = o.time ?? o['@timestamp'];
  return { timestamp: typeof time === 'number' ? time : Date.parse(time), level: o.level ?? o['log.level'], message: o.msg ?? o.message, fields: o };
}
