// Tests for the log4j format: log4j, logback and Spring Boot layouts.
import { describe, expect, it } from 'vitest';
import { createFormat } from './create-format.js';

const log4j = createFormat('log4j', { timeZone: 'utc' });
const at = Date.UTC(2023, 0, 2, 3, 4, 5, 678);

describe('log4j format (log4j, logback, Spring Boot)', () => {
  it('reads `date [thread] LEVEL logger - msg`', () => {
    expect(log4j.parse('2023-01-02 03:04:05,678 [main] INFO  com.example.App - Started in 3 s')).toEqual({ timestamp: at, level: 'info', message: 'Started in 3 s', fields: { thread: 'main', logger: 'com.example.App' } });
  });

  it('reads `date LEVEL [thread] logger : msg` with a padded thread', () => {
    expect(log4j.parse('2023-01-02T03:04:05,678 WARN [background-preinit       ] Version    : HV000001: Validator')).toEqual({ timestamp: at, level: 'warn', message: 'HV000001: Validator', fields: { thread: 'background-preinit', logger: 'Version' } });
  });

  it('reads Spring Boot and `date LEVEL logger - msg`', () => {
    expect(log4j.parse('2023-01-02 03:04:05.678 ERROR 1234 --- [           main] o.s.boot.SpringApplication               : Application run failed')).toEqual({ timestamp: at, level: 'error', message: 'Application run failed', fields: { thread: 'main', logger: 'o.s.boot.SpringApplication' } });
    expect(log4j.parse('2023-01-02 03:04:05,678 DEBUG org.hibernate.SQL - select 1')).toMatchObject({ level: 'debug', message: 'select 1', fields: { logger: 'org.hibernate.SQL' } });
    expect(log4j.parse('2023-01-02 03:04:05,678 [pool-1] SEVERE no logger here')).toMatchObject({ level: 'error', message: 'no logger here', fields: { thread: 'pool-1' } });
  });

  it('rejects other lines', () => {
    for (const text of ['2023-01-02 03:04:05,678 info [main] x - y', '2023-01-02 03:04:05,678 INFO started the app', '\tat com.example.App.main(App.java:10)', 'Caused by: java.lang.IllegalStateException', '2020-08-06T14:25:02.835618Z 0 [Note] [MY-012487] x']) {
      expect(log4j.parse(text), text).toBeUndefined();
    }
  });
});
