// Glob compilation: where the search starts, how deep it goes, and what matches.
import { describe, expect, it } from 'vitest';
import { compileGlob, hasGlobChars } from './glob-pattern.js';

describe('compileGlob', () => {
  it('starts at the longest folder without wildcards and matches one level with *', () => {
    const g = compileGlob('/var/log/app/*.log');
    expect(g.base).toBe('/var/log/app');
    expect(g.depth).toBe(0);
    expect(g.regex.test('/var/log/app/web.log')).toBe(true);
    expect(g.regex.test('/var/log/app/web.log.1')).toBe(false);
    expect(g.regex.test('/var/log/app/sub/web.log')).toBe(false);
  });

  it('** matches any number of folders, none included', () => {
    const g = compileGlob('/srv/logs/**/*.log');
    expect(g.base).toBe('/srv/logs');
    expect(g.depth).toBe(Infinity);
    for (const p of ['/srv/logs/a.log', '/srv/logs/x/a.log', '/srv/logs/x/y/z/a.log']) expect(g.regex.test(p), p).toBe(true);
    expect(g.regex.test('/srv/logsa.log')).toBe(false);
    expect(g.regex.test('/srv/logs/x/a.txt')).toBe(false);
  });

  it('supports ?, classes, negated classes and alternatives, and escapes the rest', () => {
    const g = compileGlob('/l/{app,db}-[0-9]?.log');
    expect(g.regex.test('/l/app-1a.log')).toBe(true);
    expect(g.regex.test('/l/db-9z.log')).toBe(true);
    expect(g.regex.test('/l/web-1a.log')).toBe(false);
    expect(g.regex.test('/l/app-xa.log')).toBe(false);
    expect(compileGlob('/l/[!a]*.log').regex.test('/l/b.log')).toBe(true);
    expect(compileGlob('/l/[!a]*.log').regex.test('/l/a.log')).toBe(false);
    expect(compileGlob('/l/a+b(1).log').regex.test('/l/a+b(1).log')).toBe(true);
  });

  it('wildcards in a middle folder set the depth, and relative patterns resolve against cwd', () => {
    const g = compileGlob('jobs/*/out.log', '/home/me');
    expect(g.base).toBe('/home/me/jobs');
    expect(g.depth).toBe(1);
    expect(g.regex.test('/home/me/jobs/42/out.log')).toBe(true);
    expect(g.regex.test('/home/me/jobs/42/x/out.log')).toBe(false);
  });

  it('tells globs from plain names', () => {
    expect(hasGlobChars('/var/log/app.log')).toBe(false);
    expect(hasGlobChars('/var/log/*.log')).toBe(true);
    expect(hasGlobChars('a{b,c}')).toBe(true);
  });
});
