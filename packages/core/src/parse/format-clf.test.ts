// Tests for the access-log format: common and combined lines, fields, level from status.
import { describe, expect, it } from 'vitest';
import { createFormat } from './create-format.js';

const clf = createFormat('clf', { timeZone: 'utc' });

describe('clf format (Apache/nginx access logs)', () => {
  it('reads the combined format: fields, and the level from the status', () => {
    expect(clf.parse('192.168.202.254 - frank [20/Jul/2009:22:59:29 +0000] "GET /vmw/vmkboot.gz HTTP/1.0" 404 46210 "http://ref/" "gPXE/0.9.7"')).toEqual({
      timestamp: Date.UTC(2009, 6, 20, 22, 59, 29),
      level: 'warn',
      message: '"GET /vmw/vmkboot.gz HTTP/1.0" 404 46210 "http://ref/" "gPXE/0.9.7"',
      fields: { host: '192.168.202.254', ident: '-', user: 'frank', method: 'GET', path: '/vmw/vmkboot.gz', protocol: 'HTTP/1.0', status: 404, size: 46210, referer: 'http://ref/', userAgent: 'gPXE/0.9.7' },
    });
  });

  it('reads the common format; 5xx is error, others info', () => {
    expect(clf.parse('::1 - - [02/Jan/2023:15:04:05 -0700] "POST /api HTTP/1.1" 502 -')).toMatchObject({ timestamp: Date.UTC(2023, 0, 2, 22, 4, 5), level: 'error', fields: { status: 502, size: 0 } });
    expect(clf.parse('::1 - - [02/Jan/2023:15:04:05 +0000] "GET / HTTP/1.1" 304 0')?.level).toBe('info');
    expect(clf.parse('::1 - - [02/Jan/2023:15:04:05 +0000] "\\x16\\x03" 400 0')).toMatchObject({ level: 'warn', fields: { request: '\\x16\\x03' } });
  });

  it('rejects other lines', () => {
    for (const text of ['[02/Jan/2023:15:04:05 +0000] "GET /" 200 1', 'host - - [02/Jan/2023:15:04:05 +0000] GET / 200 1', 'host - - [2023-01-02 15:04:05] "GET /" 200 1', 'hello']) {
      expect(clf.parse(text), text).toBeUndefined();
    }
  });
});
