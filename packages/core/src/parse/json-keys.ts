// The JSON keys read for time, level and message, in priority order (pino, bunyan, winston, zap, ECS, OTel, Serilog, journald…).
import { KeyTable, ROLE_LEVEL, ROLE_MESSAGE, ROLE_TIME } from './json-scan.js';

const slots = { count: 0 };
export const TOP_KEYS = new KeyTable(slots);
const LOG_KEYS = new KeyTable(slots);
const FIELDS_KEYS = new KeyTable(slots);
const BODY_KEYS = new KeyTable(slots);

/** Time keys, first found wins (a value that is not a time, or 0, is passed over). */
export const TIME_SLOTS: readonly number[] = [
  'time', 'timestamp', '@timestamp', 'ts', 't', 'date', 'datetime', 'asctime', '@t',
  'Timestamp', 'timeUnixNano', 'observedTimeUnixNano', 'ObservedTimestamp', '__REALTIME_TIMESTAMP',
].map((name) => TOP_KEYS.add(name, ROLE_TIME));

/** `log` holds the message (Docker) or, as an object, ECS's `log.level`; `fields` holds tracing's message; `body` OTel's. */
// A container's role counts only when its value is a string (see scanObject); its nested keys fill theirs.
const LOG = TOP_KEYS.add('log', 0, LOG_KEYS);
TOP_KEYS.add('fields', 0, FIELDS_KEYS);
const BODY = TOP_KEYS.add('body', 0, BODY_KEYS);
const BODY_UPPER = TOP_KEYS.add('Body', 0, BODY_KEYS);
const NESTED_LEVEL = LOG_KEYS.add('level', ROLE_LEVEL);
const NESTED_MESSAGE = FIELDS_KEYS.add('message', ROLE_MESSAGE);
const STRING_VALUE = BODY_KEYS.add('stringValue', ROLE_MESSAGE);

/** Level keys whose value is a word, a letter or a syslog/pino number. */
export const LEVEL_SLOTS: readonly number[] = [
  ...['level', 'lvl', 'severity', 'levelname', 'loglevel', '@l', 'log.level', 'SeverityText', 'severityText', 'PRIORITY'].map((name) => TOP_KEYS.add(name, ROLE_LEVEL)),
  NESTED_LEVEL,
];

/** OpenTelemetry severity numbers 1..24. */
export const SEVERITY_NUMBER_SLOTS: readonly number[] = ['SeverityNumber', 'severityNumber'].map((name) => TOP_KEYS.add(name, ROLE_LEVEL));

/** Message keys; `body` and `log` count when they hold a string. */
export const MESSAGE_SLOTS: readonly number[] = [
  ...['msg', 'message', '@m', 'MESSAGE'].map((name) => TOP_KEYS.add(name, ROLE_MESSAGE)),
  BODY, BODY_UPPER, STRING_VALUE, LOG, NESTED_MESSAGE,
];

/** Serilog's message template, rendered when there is no rendered message (`@m`). */
export const TEMPLATE_SLOT = TOP_KEYS.add('@mt', 0);
/** Serilog compact's time key: a record with it and no level is Information. */
export const SERILOG_TIME_SLOT = TIME_SLOTS[8]!;
/** How many spans a scan needs. */
export const SLOT_COUNT = slots.count;

/** Paths of the message keys, in the order of {@link MESSAGE_SLOTS}, for the slow path that parses the whole object. */
export const MESSAGE_PATHS: readonly (readonly string[])[] = [['msg'], ['message'], ['@m'], ['MESSAGE'], ['body'], ['Body'], ['body', 'stringValue'], ['Body', 'stringValue'], ['log'], ['fields', 'message']];
