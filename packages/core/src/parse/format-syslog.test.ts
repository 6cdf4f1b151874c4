// Tests for the syslog format: RFC 3164 with and without <PRI>, RFC 3339 times, RFC 5424.
import { describe, expect, it } from 'vitest';
import { createFormat } from './create-format.js';

const now = Date.UTC(2024, 11, 1);
const syslog = createFormat('syslog', { timeZone: 'utc', now: () => now });

describe('syslog format: RFC 3164 and the file form', () => {
  it('reads the file form without <PRI>: host, app, pid, and a level word from the message', () => {
    expect(syslog.parse('Nov  3 09:23:38 veridian automount[7998]: lookup(file): lookup for foobar failed')).toEqual({
      timestamp: Date.UTC(2024, 10, 3, 9, 23, 38),
      message: 'lookup(file): lookup for foobar failed',
      fields: { host: 'veridian', app: 'automount', pid: 7998 },
    });
    expect(syslog.parse('Nov 13 09:23:38 web-1 nginx: error: upstream timed out')).toMatchObject({ level: 'error', message: 'error: upstream timed out', fields: { host: 'web-1', app: 'nginx' } });
  });

  it('reads <PRI>: the level from its severity, facility and severity as fields', () => {
    expect(syslog.parse('<34>Oct 11 22:14:15 mymachine su: \'su root\' failed for lonvick on /dev/pts/8')).toEqual({
      timestamp: Date.UTC(2024, 9, 11, 22, 14, 15),
      level: 'fatal',
      message: "'su root' failed for lonvick on /dev/pts/8",
      fields: { host: 'mymachine', app: 'su', facility: 4, severity: 2 },
    });
    expect(syslog.parse('<13>Oct 11 22:14:15 host app: x')?.level).toBe('notice');
  });

  it('reads lines without a tag (the message follows the host) and RFC 3339 times as rsyslog writes them', () => {
    expect(syslog.parse('Feb 25 16:19:38 host last message repeated 3 times')).toMatchObject({ message: 'last message repeated 3 times', fields: { host: 'host' } });
    expect(syslog.parse('2024-01-02T03:04:05.123456+01:00 host sshd[881]: Accepted publickey')).toMatchObject({ timestamp: Date.UTC(2024, 0, 2, 2, 4, 5, 123) + 0.456, message: 'Accepted publickey', fields: { host: 'host', app: 'sshd', pid: 881 } });
  });

  it('rejects lines that are not syslog', () => {
    for (const text of ['Header1: abc', '2024-01-02 03:04:05 host app: x', '2024-01-02T03:04:05 host app: x', '2024-01-02T03:04:05Z host message without tag', 'Nov  3 09:23:38', '<999>Oct 11 22:14:15 h a: x', 'hello']) {
      expect(syslog.parse(text), text).toBeUndefined();
    }
  });
});

describe('syslog format: RFC 5424', () => {
  it('reads every header field, structured data and the message', () => {
    expect(syslog.parse('<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"] An application event log entry...')).toEqual({
      timestamp: Date.UTC(2003, 9, 11, 22, 14, 15, 3),
      level: 'notice',
      message: 'An application event log entry...',
      fields: { host: 'mymachine.example.com', app: 'evntslog', msgid: 'ID47', structuredData: '[exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"]', facility: 20, severity: 5 },
    });
  });

  it('reads nil values and a missing message', () => {
    expect(syslog.parse('<11>1 - - - - - -')).toEqual({ level: 'error', message: '', fields: { facility: 1, severity: 3 } });
    expect(syslog.parse('<11>1 2003-10-11T22:14:15Z h a 12 - [a x="]"][b] msg')).toMatchObject({ message: 'msg', fields: { pid: 12, structuredData: '[a x="]"][b]' } });
  });
});
